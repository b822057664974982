// BinderWalk (private to semantic/): the binder's single structured walk. It creates scopes,
// bindings and references in evaluation order and runs the flow analysis of each frame alongside.
#pragma once

#include "parser/Tree.h"
#include "semantic/Binder.h"
#include "semantic/FlatTree.h"
#include "semantic/FlowState.h"

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

namespace typhon::sema::detail {

inline constexpr std::uint32_t kModuleKey = UINT32_MAX;

/// The flow state of one reference for one scope of its frame, as seen when it runs.
struct Snapshot {
  std::uint32_t scopeKey = 0;
  bool reachable = true;
  bool maybeUnbound = true;
  std::uint32_t sitesBegin = 0;
  std::uint32_t sitesCount = 0;
};

enum class Declared : std::uint8_t { None, Global, Nonlocal };

struct RawBinding {
  Binding binding;
  std::uint32_t nameId = 0;
  Declared declared = Declared::None;
  std::uint32_t shadowBegin = 0;
  std::uint32_t shadowCount = 0;
};

struct RawReference {
  Reference ref;
  std::uint32_t nameId = 0;
  std::uint32_t snapBegin = 0;
  std::uint32_t snapCount = 0;
};

struct RawDeclaration {
  Declaration decl;
  std::uint32_t nameId = 0;
};

/// Everything the walk records, before names are resolved.
struct WalkResult {
  std::vector<std::string_view> names;
  std::vector<Scope> scopes;
  std::vector<std::uint32_t> scopeKeys;
  std::vector<RawBinding> bindings;
  std::vector<RawReference> references;
  std::vector<RawDeclaration> declarations;
  std::vector<Snapshot> snapshots;
  /// Sites of snapshots and of shadowed bindings.
  std::vector<Site> sitePool;
  DunderAll dunderAll;
  bool futureAnnotations = false;
  /// The bindings of each module-level name that reach the end of the module (sites in
  /// sitePool); empty when the end is unreachable. Functions see these when they run.
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> moduleEnd;
  bool moduleEndReachable = false;
};

class BinderWalk {
public:
  BinderWalk(const ParsedModule &module, const BindOptions &options);
  BinderWalk(const BinderWalk &) = delete;
  BinderWalk &operator=(const BinderWalk &) = delete;
  WalkResult run();

  // Statements (BinderStatements.cpp).
  void walkBlock(FNode block);
  void walkStatement(FNode statement);
  void walkExpressionStatement(FNode statement);
  void walkAssignment(FNode assignment);
  void walkAugmentedAssignment(FNode assignment);
  void walkIfChain(FNode condition, FNode consequence, const std::vector<FNode> &alternatives, std::size_t next);
  void walkFor(FNode statement);
  void walkWhile(FNode statement);
  void walkTry(FNode statement);
  void walkWith(FNode statement);
  void walkMatch(FNode statement);
  void walkFunction(FNode def, FNode decorated);
  void walkClass(FNode def, FNode decorated);
  void walkImport(FNode statement);
  void walkFromImport(FNode statement);
  void walkDeclaration(FNode statement, bool isNonlocal);
  void walkTypeAlias(FNode statement);
  void walkDelete(FNode statement);
  void walkComment(FNode comment);

  // Expressions, targets and patterns (BinderExpressions.cpp).
  void walkExpression(FNode e);
  void walkChildren(FNode e);
  /// Past this nesting depth (far beyond what CPython compiles) subtrees are only scanned for
  /// the names they read, iteratively, so that pathological input cannot exhaust the stack.
  static constexpr int kMaxDepth = 400;
  void loadAllNames(FNode subtree);
  void walkTarget(FNode target, BindingKind kind, FNode construct, std::uint16_t flags);
  void walkPattern(FNode pattern, FNode construct);
  void walkCall(FNode call);
  void walkLambda(FNode lambda);
  void walkComprehension(FNode comprehension);
  void walkConditional(FNode first, FNode second);
  void walkAnnotation(FNode annotation, bool deferred);
  void walkTypeParameters(FNode typeParameters);
  void walkParameters(FNode parameters, bool defaults, bool annotations, bool deferred);
  void bindParameters(FNode parameters);
  void walkStringAnnotation(FNode string);

  // Events.
  void load(FNode identifier, std::uint16_t flags = 0);
  void loadRange(std::uint32_t start, std::uint32_t end, std::uint16_t flags);
  void bind(FNode identifier, BindingKind kind, FNode construct, std::uint16_t flags = 0);
  void bindRange(std::uint32_t start, std::uint32_t end, BindingKind kind, FNode construct, std::uint16_t flags,
                 std::size_t scopeIndex);
  void unbindName(FNode identifier);
  void bindWalrus(FNode identifier, FNode construct);

private:
  struct Loop {
    FNode node;
    FlowState::Mark head;
    std::vector<FlowDiff> breaks;
    std::vector<FlowDiff> continues;
  };
  struct Frame {
    FlowState state;
    std::size_t rootScope = 0;
    std::vector<Loop> loops;
    /// Guards of the `if` arms being walked (see FlowEntry::guard).
    std::vector<std::uint32_t> knownGuards;
  };
  struct ScopeCtx {
    ScopeId id = kNoId;
    std::uint32_t key = 0;
    ScopeKind kind = ScopeKind::Module;
    std::size_t frame = 0;
    FNode node;
    std::vector<std::pair<std::uint32_t, Declared>> declared;
  };
  template <class T> struct Restore {
    T &ref;
    T saved;
    explicit Restore(T &r) : ref(r), saved(r) {}
    Restore(T &r, T value) : ref(r), saved(r) { r = value; }
    ~Restore() { ref = saved; }
  };

  std::uint32_t intern(std::string_view name);
  std::string_view textOf(FNode n) const { return n.text(text_); }
  FlowState &state() { return frames_.back()->state; }
  ScopeCtx &current() { return scopes_.back(); }
  void openScope(ScopeKind kind, FNode node, std::uint32_t key, std::string_view name);
  void closeScope();
  Declared declaredIn(const ScopeCtx &scope, std::uint32_t nameId) const;
  /// Flow slot a binding of `nameId` made by scope `scopeIndex` writes, or UINT32_MAX when the
  /// write belongs to another frame (global/nonlocal).
  std::uint32_t slotFor(std::size_t scopeIndex, std::uint32_t nameId, Declared declared);
  std::uint16_t bindingContextFlags() const;
  std::uint16_t referenceContextFlags() const;
  FNode outermostLoop() const;
  bool annotationsDeferred() const;

  // Loops and branches.
  void walkLoop(FNode loop, FNode body, FNode elseBlock, bool infinite, const std::function<void()> &header,
                bool headerIsExit, bool runsOnce);
  void walkSwallowingBlock(FNode block);
  void noteDunderAll(FNode statement);
  void recordModuleEnd();

  const ParsedModule &module_;
  std::string_view text_;
  BindOptions options_;
  FlatTree tree_;
  WalkResult out_;
  std::unordered_map<std::string_view, std::uint32_t> nameIds_;
  std::vector<ScopeCtx> scopes_;
  std::vector<std::unique_ptr<Frame>> frames_;
  std::unique_ptr<Parser> annotationParser_;


  // Walk context.
  int depth_ = 0;
  bool dry_ = false;
  bool typingOnly_ = false;
  bool nameErrorGuarded_ = false;
  bool importGuarded_ = false;
  bool inError_ = false;
  bool inAnnotation_ = false;
  bool deferred_ = false;
  std::uint32_t tryBodyOf_ = kNoId;
  std::uint32_t handlerOf_ = kNoId;
};

} // namespace typhon::sema::detail
