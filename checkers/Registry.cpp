// The native registry: every native check, by the name its YAML entry gives after `native:`.
#include "checkers/Registry.h"

#include "checkers/typing/FinalOverridden.h"
#include "checkers/abc/AbcClassChecks.h"
#include "checkers/abc/AbstractmethodDecoratorOrder.h"
#include "checkers/abc/AbstractnessTestViaHasattr.h"
#include "checkers/abc/OverrideWithoutBase.h"
#include "checkers/abc/SubclasshookMisdesigned.h"
#include "checkers/async/UselessWithLock.h"
#include "checkers/attributes/AssignThroughSuper.h"
#include "checkers/attributes/DescriptorReusedForTwoNames.h"
#include "checkers/attributes/PropertyAccessorNameMismatch.h"
#include "checkers/attributes/PropertyWithParameters.h"
#include "checkers/attributes/PropertyWithoutReturn.h"
#include "checkers/attributes/SetattrSelfRecursion.h"
#include "checkers/classes/AssignUndeclaredSlot.h"
#include "checkers/classes/ClassBodySelfReference.h"
#include "checkers/construction/MethodMissingSelf.h"
#include "checkers/classes/ClassCreationChecks.h"
#include "checkers/classes/SlotsAndKeywordChecks.h"
#include "checkers/control-flow/AssertMisuse.h"
#include "checkers/control-flow/ComparisonOfConstants.h"
#include "checkers/control-flow/CompileTimeSyntaxError.h"
#include "checkers/control-flow/ConstantCondition.h"
#include "checkers/control-flow/DivisionByZero.h"
#include "checkers/control-flow/UnreachableCode.h"
#include "checkers/control-flow/UselessExpression.h"
#include "checkers/decorators/ContextmanagerYieldCount.h"
#include "checkers/decorators/DecoratorReturnsNone.h"
#include "checkers/decorators/DecoratorWithoutWraps.h"
#include "checkers/decorators/WrapperDropsResult.h"
#include "checkers/exceptions/ExceptOrderShadowing.h"
#include "checkers/exceptions/JumpInFinally.h"
#include "checkers/metaclasses/NamespaceAnnotationsMissing.h"
#include "checkers/metaclasses/NamespaceSeesMangledNames.h"
#include "checkers/dataclasses/DataclassFieldOrder.h"
#include "checkers/dataclasses/DataclassMutableDefault.h"
#include "checkers/dataclasses/DataclassPostInitMismatch.h"
#include "checkers/dataclasses/DataclassSlotsZeroArgSuper.h"
#include "checkers/dataclasses/InvalidDataclassDefinition.h"
#include "checkers/dataclasses/InvalidEnumDefinition.h"
#include "checkers/dataclasses/InvalidNamedtupleDefinition.h"
#include "checkers/exceptions/JumpInFinally.h"
#include "checkers/names/ClassScopeNameInNestedScope.h"
#include "checkers/names/ForwardReferenceAtRuntime.h"
#include "checkers/names/InvalidScopeDeclaration.h"
#include "checkers/names/LateBindingClosure.h"
#include "checkers/names/PossiblyUnbound.h"
#include "checkers/names/RedefinedBuiltin.h"
#include "checkers/names/RedefinedWhileUnused.h"
#include "checkers/names/TypeCheckingImportAtRuntime.h"
#include "checkers/names/UnboundLocal.h"
#include "checkers/names/UndefinedAllName.h"
#include "checkers/names/UndefinedName.h"
#include "checkers/names/UnusedImport.h"
#include "checkers/names/UnusedVariable.h"
#include "checkers/names/UselessGlobal.h"
#include "checkers/operators/InplaceOpReturnsNone.h"
#include "checkers/security/DebuggerLeft.h"
#include "checkers/syntax/SyntaxError.h"

#include <algorithm>
#include <array>

namespace typhon {

namespace {

template <class T> std::unique_ptr<Check> make(RuleBinding rule) { return std::make_unique<T>(std::move(rule)); }

// Keep sorted by name. scripts/new-rule.sh adds entries here.
constexpr std::array kNative = {
    NativeCheckInfo{"FinalOverridden", &make<FinalOverriddenCheck>},
    NativeCheckInfo{"AbstractClassInstantiated", &make<AbstractClassInstantiatedCheck>},
    NativeCheckInfo{"AbstractShadowsMixin", &make<AbstractShadowsMixinCheck>},
    NativeCheckInfo{"AbstractmethodDecoratorOrder", &make<AbstractmethodDecoratorOrderCheck>},
    NativeCheckInfo{"AbstractmethodWithoutAbcmeta", &make<AbstractmethodWithoutAbcmetaCheck>},
    NativeCheckInfo{"AbstractnessTestViaHasattr", &make<AbstractnessTestViaHasattrCheck>},
    NativeCheckInfo{"AssertMisuse", &make<AssertMisuseCheck>},
    NativeCheckInfo{"AssignThroughSuper", &make<AssignThroughSuperCheck>},
    NativeCheckInfo{"AssignUndeclaredSlot", &make<AssignUndeclaredSlotCheck>},
    NativeCheckInfo{"ClassBodySelfReference", &make<ClassBodySelfReferenceCheck>},
    NativeCheckInfo{"ClassKeywordRejected", &make<ClassKeywordRejectedCheck>},
    NativeCheckInfo{"ClassScopeNameInNestedScope", &make<ClassScopeNameInNestedScopeCheck>},
    NativeCheckInfo{"ComparisonOfConstants", &make<ComparisonOfConstantsCheck>},
    NativeCheckInfo{"CompileTimeSyntaxError", &make<CompileTimeSyntaxErrorCheck>},
    NativeCheckInfo{"ConstantCondition", &make<ConstantConditionCheck>},
    NativeCheckInfo{"ContextmanagerYieldCount", &make<ContextmanagerYieldCountCheck>},
    NativeCheckInfo{"DataclassFieldOrder", &make<DataclassFieldOrderCheck>},
    NativeCheckInfo{"DataclassMutableDefault", &make<DataclassMutableDefaultCheck>},
    NativeCheckInfo{"DataclassPostInitMismatch", &make<DataclassPostInitMismatchCheck>},
    NativeCheckInfo{"DataclassSlotsZeroArgSuper", &make<DataclassSlotsZeroArgSuperCheck>},
    NativeCheckInfo{"DebuggerLeft", &make<DebuggerLeftCheck>},
    NativeCheckInfo{"DecoratorReturnsNone", &make<DecoratorReturnsNoneCheck>},
    NativeCheckInfo{"DecoratorWithoutWraps", &make<DecoratorWithoutWrapsCheck>},
    NativeCheckInfo{"DescriptorReusedForTwoNames", &make<DescriptorReusedForTwoNamesCheck>},
    NativeCheckInfo{"DivisionByZero", &make<DivisionByZeroCheck>},
    NativeCheckInfo{"ExceptOrderShadowing", &make<ExceptOrderShadowingCheck>},
    NativeCheckInfo{"ForwardReferenceAtRuntime", &make<ForwardReferenceAtRuntimeCheck>},
    NativeCheckInfo{"InplaceOpReturnsNone", &make<InplaceOpReturnsNoneCheck>},
    NativeCheckInfo{"DuplicateBase", &make<DuplicateBaseCheck>},
    NativeCheckInfo{"InconsistentMro", &make<InconsistentMroCheck>},
    NativeCheckInfo{"InstanceLayoutConflict", &make<InstanceLayoutConflictCheck>},
    NativeCheckInfo{"InvalidDataclassDefinition", &make<InvalidDataclassDefinitionCheck>},
    NativeCheckInfo{"InvalidEnumDefinition", &make<InvalidEnumDefinitionCheck>},
    NativeCheckInfo{"InvalidNamedtupleDefinition", &make<InvalidNamedtupleDefinitionCheck>},
    NativeCheckInfo{"InvalidScopeDeclaration", &make<InvalidScopeDeclarationCheck>},
    NativeCheckInfo{"InvalidSlots", &make<InvalidSlotsCheck>},
    NativeCheckInfo{"IoError", nullptr},
    NativeCheckInfo{"JumpInFinally", &make<JumpInFinallyCheck>},
    NativeCheckInfo{"LateBindingClosure", &make<LateBindingClosureCheck>},
    NativeCheckInfo{"MethodMissingSelf", &make<MethodMissingSelfCheck>},
    NativeCheckInfo{"NamespaceAnnotationsMissing", &make<NamespaceAnnotationsMissingCheck>},
    NativeCheckInfo{"NamespaceSeesMangledNames", &make<NamespaceSeesMangledNamesCheck>},
    NativeCheckInfo{"MetaclassConflict", &make<MetaclassConflictCheck>},
    NativeCheckInfo{"OverrideWithoutBase", &make<OverrideWithoutBaseCheck>},
    NativeCheckInfo{"PossiblyUnbound", &make<PossiblyUnboundCheck>},
    NativeCheckInfo{"PropertyAccessorNameMismatch", &make<PropertyAccessorNameMismatchCheck>},
    NativeCheckInfo{"PropertyWithParameters", &make<PropertyWithParametersCheck>},
    NativeCheckInfo{"PropertyWithoutReturn", &make<PropertyWithoutReturnCheck>},
    NativeCheckInfo{"RedefinedBuiltin", &make<RedefinedBuiltinCheck>},
    NativeCheckInfo{"RedefinedWhileUnused", &make<RedefinedWhileUnusedCheck>},
    NativeCheckInfo{"SetattrSelfRecursion", &make<SetattrSelfRecursionCheck>},
    NativeCheckInfo{"SubclasshookMisdesigned", &make<SubclasshookMisdesignedCheck>},
    NativeCheckInfo{"SyntaxError", &make<SyntaxErrorCheck>},
    NativeCheckInfo{"TypeCheckingImportAtRuntime", &make<TypeCheckingImportAtRuntimeCheck>},
    NativeCheckInfo{"UnboundLocal", &make<UnboundLocalCheck>},
    NativeCheckInfo{"UndefinedAllName", &make<UndefinedAllNameCheck>},
    NativeCheckInfo{"UndefinedName", &make<UndefinedNameCheck>},
    NativeCheckInfo{"UnreachableCode", &make<UnreachableCodeCheck>},
    NativeCheckInfo{"UnusedImport", &make<UnusedImportCheck>},
    NativeCheckInfo{"UnusedSuppression", nullptr},
    NativeCheckInfo{"UnusedVariable", &make<UnusedVariableCheck>},
    NativeCheckInfo{"UselessExpression", &make<UselessExpressionCheck>},
    NativeCheckInfo{"UselessGlobal", &make<UselessGlobalCheck>},
    NativeCheckInfo{"UselessWithLock", &make<UselessWithLockCheck>},
    NativeCheckInfo{"WrapperDropsResult", &make<WrapperDropsResultCheck>},
};

} // namespace

std::span<const NativeCheckInfo> nativeChecks() { return kNative; }

const NativeCheckInfo *findNativeCheck(std::string_view name) {
  auto it = std::find_if(kNative.begin(), kNative.end(), [&](const NativeCheckInfo &i) { return i.name == name; });
  return it == kNative.end() ? nullptr : &*it;
}

} // namespace typhon
