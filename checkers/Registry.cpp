// The native registry: every native check, by the name its YAML entry gives after `native:`.
#include "checkers/Registry.h"

#include "checkers/abc/AbstractmethodDecoratorOrder.h"
#include "checkers/async/UselessWithLock.h"
#include "checkers/attributes/AssignThroughSuper.h"
#include "checkers/attributes/PropertyWithParameters.h"
#include "checkers/control-flow/AssertMisuse.h"
#include "checkers/control-flow/ComparisonOfConstants.h"
#include "checkers/control-flow/CompileTimeSyntaxError.h"
#include "checkers/control-flow/ConstantCondition.h"
#include "checkers/control-flow/DivisionByZero.h"
#include "checkers/control-flow/UnreachableCode.h"
#include "checkers/control-flow/UselessExpression.h"
#include "checkers/exceptions/JumpInFinally.h"
#include "checkers/security/DebuggerLeft.h"
#include "checkers/syntax/SyntaxError.h"

#include <algorithm>
#include <array>

namespace typhon {

namespace {

template <class T> std::unique_ptr<Check> make(RuleBinding rule) { return std::make_unique<T>(std::move(rule)); }

// Keep sorted by name. scripts/new-rule.sh adds entries here.
constexpr std::array kNative = {
    NativeCheckInfo{"AbstractmethodDecoratorOrder", &make<AbstractmethodDecoratorOrderCheck>},
    NativeCheckInfo{"AssertMisuse", &make<AssertMisuseCheck>},
    NativeCheckInfo{"AssignThroughSuper", &make<AssignThroughSuperCheck>},
    NativeCheckInfo{"ComparisonOfConstants", &make<ComparisonOfConstantsCheck>},
    NativeCheckInfo{"CompileTimeSyntaxError", &make<CompileTimeSyntaxErrorCheck>},
    NativeCheckInfo{"ConstantCondition", &make<ConstantConditionCheck>},
    NativeCheckInfo{"DebuggerLeft", &make<DebuggerLeftCheck>},
    NativeCheckInfo{"DivisionByZero", &make<DivisionByZeroCheck>},
    NativeCheckInfo{"IoError", nullptr},
    NativeCheckInfo{"JumpInFinally", &make<JumpInFinallyCheck>},
    NativeCheckInfo{"PropertyWithParameters", &make<PropertyWithParametersCheck>},
    NativeCheckInfo{"SyntaxError", &make<SyntaxErrorCheck>},
    NativeCheckInfo{"UnreachableCode", &make<UnreachableCodeCheck>},
    NativeCheckInfo{"UnusedSuppression", nullptr},
    NativeCheckInfo{"UselessExpression", &make<UselessExpressionCheck>},
    NativeCheckInfo{"UselessWithLock", &make<UselessWithLockCheck>},
};

} // namespace

std::span<const NativeCheckInfo> nativeChecks() { return kNative; }

const NativeCheckInfo *findNativeCheck(std::string_view name) {
  auto it = std::find_if(kNative.begin(), kNative.end(), [&](const NativeCheckInfo &i) { return i.name == name; });
  return it == kNative.end() ? nullptr : &*it;
}

} // namespace typhon
