// debugger-left: calls that stop the program in a debugger (`breakpoint()`, `pdb.set_trace()`,
// `debugpy.breakpoint()`...) resolved through the module's imports, and `@profile` decorators.
// The fix removes the call statement (or turns it into `pass` when it is alone in its block).
#include "checkers/security/DebuggerLeft.h"

#include "checkers/control-flow/ImportedNames.h"

#include <algorithm>
#include <array>
#include <string>

namespace typhon {

namespace {

bool isDebuggerEntry(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kEntries = {"pdb.set_trace",
                                                                "pdb.post_mortem",
                                                                "pdb.pm",
                                                                "ipdb.set_trace",
                                                                "ipdb.sset_trace",
                                                                "ipdb.post_mortem",
                                                                "ipdb.pm",
                                                                "pudb.set_trace",
                                                                "pudb.post_mortem",
                                                                "pdbr.set_trace",
                                                                "debugpy.breakpoint",
                                                                "debugpy.wait_for_client",
                                                                "ptvsd.break_into_debugger",
                                                                "ptvsd.wait_for_attach",
                                                                "pydevd.settrace",
                                                                "pydevd_pycharm.settrace",
                                                                "celery.contrib.rdb.set_trace",
                                                                "IPython.embed",
                                                                "sys.breakpointhook"};
  return std::find(kEntries.begin(), kEntries.end(), name) != kEntries.end();
}

/// A cheap filter before resolving imports: the called name is one of the entry points' names.
bool mayBeDebuggerEntry(Node callee, const CheckContext &ctx) {
  Node last = callee.is(NodeKind::Attribute) ? callee.field(FieldId::Attribute) : callee;
  if (!last.is(NodeKind::Identifier)) return false;
  std::string_view name = ctx.textOf(last);
  static constexpr std::array<std::string_view, 11> kNames = {
      "set_trace",           "sset_trace",      "post_mortem",   "pm",
      "breakpoint",          "wait_for_client", "settrace",      "embed",
      "break_into_debugger", "wait_for_attach", "breakpointhook"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

/// Whether the module binds `name` itself at top level (a def, class or assignment).
bool definesAtTopLevel(Node module, std::string_view name, const CheckContext &ctx) {
  for (Node s : module.namedChildren()) {
    if (s.is(NodeKind::DecoratedDefinition)) s = s.field(FieldId::Definition);
    Node bound = s.field(FieldId::Name);
    if (s.is(NodeKind::ExpressionStatement)) bound = s.namedChild(0).field(FieldId::Left);
    if (bound.is(NodeKind::Identifier) && ctx.textOf(bound) == name) return true;
  }
  return false;
}

std::vector<Node> statementsOf(Node block) {
  std::vector<Node> out = block.namedChildren();
  std::erase_if(out, [](Node c) { return c.is(NodeKind::Comment); });
  return out;
}

/// Deletes `statement`, its `;` separator, or its whole line; `pass` when it is alone in a block.
Fix removalFix(Node statement, std::string_view title, const CheckContext &ctx) {
  const LineIndex &lines = ctx.module().source().lines();
  Node block = statement.parent();
  std::vector<Node> siblings = statementsOf(block);
  auto it = std::find(siblings.begin(), siblings.end(), statement);
  Node prev = it == siblings.begin() ? Node() : *(it - 1);
  Node next = it + 1 == siblings.end() ? Node() : *(it + 1);
  std::uint32_t line = lines.lineOf(statement.startByte());
  std::uint32_t endLine = lines.lineOf(statement.endByte());
  auto edit = [&](std::uint32_t start, std::uint32_t end, std::string text) {
    return Fix{Applicability::Unsafe, std::string(title), {TextEdit{start, end, std::move(text)}}};
  };
  if (block.is(NodeKind::Block) && siblings.size() == 1)
    return edit(statement.startByte(), statement.endByte(), "pass");
  if (prev && lines.lineOf(prev.endByte()) == line) return edit(prev.endByte(), statement.endByte(), "");
  if (next && lines.lineOf(next.startByte()) == endLine) return edit(statement.startByte(), next.startByte(), "");
  Node after = statement.nextSibling();
  bool trailingComment = after.is(NodeKind::Comment) && lines.lineOf(after.startByte()) == endLine;
  if (trailingComment) return edit(statement.startByte(), after.startByte(), "");
  return edit(lines.lineStart(line), lines.lineStart(endLine + 1), "");
}

} // namespace

std::vector<NodeKind> DebuggerLeftCheck::kinds() const { return {NodeKind::Call, NodeKind::Decorator}; }

bool DebuggerLeftCheck::appliesTo(const CheckContext &ctx) const {
  // Every entry point is `breakpoint()`, `@profile`, or a function reached through an import of
  // its module, whose name is then in the text (`pdb` also covers ipdb and pdbr; `breakpoint`
  // covers sys.breakpointhook).
  static constexpr std::array<std::string_view, 9> kWords = {"breakpoint", "profile", "pdb",    "pudb",   "debugpy",
                                                             "ptvsd",      "pydevd",  "celery", "IPython"};
  std::string_view text = ctx.text();
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

void DebuggerLeftCheck::visit(Node node, CheckContext &ctx) const {
  if (ctx.facts().isTestFile) return;
  if (node.is(NodeKind::Call)) return checkCall(node, ctx);
  checkDecorator(node, ctx);
}

void DebuggerLeftCheck::checkCall(Node call, CheckContext &ctx) const {
  Node callee = call.field(FieldId::Function);
  std::string name;
  Node root = ctx.module().root();
  const std::vector<Node> &anc = ctx.ancestors();
  if (callee.is(NodeKind::Identifier) && ctx.textOf(callee) == "breakpoint") {
    if (definesAtTopLevel(root, "breakpoint", ctx) || !importedName(anc, call, "breakpoint", ctx.text()).empty())
      return;
    name = "breakpoint";
  } else if (mayBeDebuggerEntry(callee, ctx)) {
    name = resolveImported(anc, call, callee, ctx.text());
  } else if (callee.is(NodeKind::Identifier)) {
    // Any called name may be an alias (`from pudb import post_mortem as crash`): a cheap look at
    // the top-level imports first, then the scoped lookup for the rare hit.
    if (isDebuggerEntry(topLevelImportedName(root, ctx.textOf(callee), ctx.text())))
      name = importedName(anc, call, ctx.textOf(callee), ctx.text());
  }
  if (name != "breakpoint" && !isDebuggerEntry(name)) return;
  std::string message = "`" + name + "()` left in the code stops the program in a debugger";
  Node statement = call.parent();
  bool isWholeStatement = statement.is(NodeKind::ExpressionStatement) && statementsOf(statement).size() == 1;
  if (!isWholeStatement || statement.hasError()) return ctx.report(*this, call, std::move(message));
  ctx.report(*this, call, std::move(message), removalFix(statement, "Remove the `" + name + "()` call", ctx));
}

void DebuggerLeftCheck::checkDecorator(Node decorator, CheckContext &ctx) const {
  Node expr = decorator.namedChild(0);
  if (!expr.is(NodeKind::Identifier) || ctx.textOf(expr) != "profile") return;
  Node root = ctx.module().root();
  std::string origin = importedName(ctx.ancestors(), decorator, "profile", ctx.text());
  // kernprof and memory_profiler inject `profile` into builtins; otherwise it must be imported.
  bool fromProfiler = origin.empty() ? !definesAtTopLevel(root, "profile", ctx)
                                     : origin.starts_with("memory_profiler.") || origin.starts_with("line_profiler.");
  if (!fromProfiler) return;
  const LineIndex &lines = ctx.module().source().lines();
  std::uint32_t line = lines.lineOf(decorator.startByte());
  Fix fix{Applicability::Unsafe,
          "Remove the `@profile` decorator",
          {TextEdit{lines.lineStart(line), lines.lineStart(lines.lineOf(decorator.endByte()) + 1), ""}}};
  ctx.report(*this, decorator, "`@profile` is a profiling decorator left in the code", std::move(fix));
}

} // namespace typhon
