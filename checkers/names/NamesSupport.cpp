// Shared helpers of the names & scopes checks.
#include "checkers/names/NamesSupport.h"

namespace typhon::names {

using namespace sema;

const SemanticModel *modelFor(const CheckContext &ctx) {
  Node root = ctx.module().root();
  if (!root || root.hasError()) return nullptr;
  const SemanticModel *model = ctx.semantic();
  // A module with scope errors does not compile either; invalid-scope-declaration reports them.
  if (model && !model->scopeErrors().empty()) return nullptr;
  return model;
}

std::string evaluationTime(const SemanticModel &model, ScopeId scope) {
  ScopeId frame = model.frameOf(scope);
  if (frame == kNoId) return "when the module is imported";
  const Scope &s = model.scope(frame);
  switch (s.kind) {
  case ScopeKind::Function: return "when `" + std::string(s.name) + "` is called";
  case ScopeKind::Lambda: return "when the lambda is called";
  default: return "when the module is imported";
  }
}

std::uint32_t lineOf(const CheckContext &ctx, std::uint32_t offset) { return ctx.module().source().position(offset).line; }

bool isQuietReference(const Reference &ref) {
  return (ref.flags & (kRefNameErrorGuarded | kRefInError | kRefUnreachable | kRefTypeComment)) != 0;
}

bool reachesOnlyTypeCheckingBindings(const SemanticModel &model, const Reference &ref) {
  std::span<const BindingId> reaching = model.reaching(ref);
  if (reaching.empty()) return false;
  for (BindingId b : reaching)
    if (!(model.binding(b).flags & kBindingTypeCheckingOnly)) return false;
  return true;
}

bool isDummyName(std::string_view name) {
  if (name.starts_with("_")) return true;
  return name == "__tracebackhide__" || name == "__traceback_info__" || name == "__traceback_supplement__" ||
         name == "__debuggerskip__";
}

bool isFunctionLike(ScopeKind kind) {
  return kind == ScopeKind::Function || kind == ScopeKind::Lambda || kind == ScopeKind::Comprehension ||
         kind == ScopeKind::TypeParameters;
}

namespace {

bool hasLaterClassDefinition(const SemanticModel &model, const Reference &ref, ScopeId *classScope) {
  if (ref.symbol == kNoId) return false;
  for (BindingId b : model.symbol(ref.symbol).bindings) {
    const Binding &binding = model.binding(b);
    if (binding.kind != BindingKind::ClassDef) continue;
    // The class statement binds its name after its body: the header's name precedes reads in it.
    bool encloses = binding.node.startByte() <= ref.start && ref.end <= binding.node.endByte();
    if (!encloses && binding.nameStart < ref.end) continue;
    if (classScope) {
      // The class scope opened by this definition.
      for (ScopeId s = ref.scope; s != kNoId; s = model.scope(s).parent)
        if (model.scope(s).kind == ScopeKind::Class && model.scope(s).node == binding.node) {
          *classScope = s;
          return true;
        }
      continue;
    }
    return true;
  }
  return false;
}

} // namespace

ScopeId classReadingItsOwnName(const SemanticModel &model, const Reference &ref) {
  if (ref.boundness != Boundness::Unbound || ref.symbol == kNoId || isQuietReference(ref)) return kNoId;
  if (ref.flags & (kRefDeferred | kRefAnnotation | kRefStringAnnotation | kRefTypingOnly | kRefDunderAll | kRefDelete))
    return kNoId;
  // The read must run inline inside the class body (not in a method or lambda).
  for (ScopeId s = ref.scope; s != kNoId && runsInline(model.scope(s).kind); s = model.scope(s).parent) {
    const Scope &scope = model.scope(s);
    if (scope.kind != ScopeKind::Class || scope.name != ref.name) continue;
    ScopeId owner = kNoId;
    if (hasLaterClassDefinition(model, ref, &owner) && owner == s) return s;
  }
  return kNoId;
}

bool isForwardClassAnnotation(const SemanticModel &model, const Reference &ref) {
  if (ref.boundness != Boundness::Unbound || ref.symbol == kNoId || isQuietReference(ref)) return false;
  if (!(ref.flags & kRefAnnotation) || (ref.flags & (kRefDeferred | kRefStringAnnotation | kRefTypingOnly)))
    return false;
  return hasLaterClassDefinition(model, ref, nullptr);
}

} // namespace typhon::names
