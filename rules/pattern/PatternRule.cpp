// PatternRule: compilation with located errors; matching, constraints, transforms, fix and message.
#include "rules/pattern/PatternRule.h"

#include <algorithm>
#include <set>

namespace typhon {

namespace {

std::string indentOfLine(std::string_view source, std::uint32_t offset) {
  std::size_t lineStart = source.rfind('\n', offset == 0 ? 0 : offset - 1);
  lineStart = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
  std::size_t i = lineStart;
  while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
  return std::string(source.substr(lineStart, i - lineStart));
}

bool checkConstraints(const PatternRule &rule, const MetaEnv &env, std::string_view source) {
  for (const auto &[name, constraint] : rule.constraints) {
    const MetaBinding *b = env.find(name);
    if (!b) continue;
    std::vector<Node> nodes = b->multi ? b->nodes : std::vector<Node>{b->node};
    for (const Node &n : nodes) {
      MetaEnv scratch = env;
      RuleScope scope{source, &rule.utils, Node(), nullptr};
      if (!evalRule(constraint, n, scope, scratch)) return false;
    }
  }
  return true;
}

std::string shortened(std::string_view text) {
  std::string s(text.substr(0, text.find('\n')));
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

} // namespace

std::expected<PatternRule, DataError> compilePatternRule(const DataNode &doc, const DataReader &r,
                                                         const std::string &message, Applicability applicability) {
  PatternRule rule;
  rule.message = message;
  rule.applicability = applicability;
  if (const DataNode *utils = doc.get("utils")) {
    if (!utils->isMap()) return std::unexpected(r.error(*utils, "utils", "`utils` must map names to rule objects"));
    for (const auto &[name, v] : utils->entries) {
      auto u = compileRuleNode(v, r, name);
      if (!u) return std::unexpected(u.error());
      rule.utils.emplace(name, std::move(*u));
    }
  }
  const DataNode *root = doc.get("rule");
  auto compiled = compileRuleNode(*root, r, "rule");
  if (!compiled) return std::unexpected(compiled.error());
  rule.root = std::move(*compiled);
  if (const DataNode *cons = doc.get("constraints")) {
    if (!cons->isMap()) return std::unexpected(r.error(*cons, "constraints", "`constraints` must map metavariables to rules"));
    for (const auto &[name, v] : cons->entries) {
      auto c = compileRuleNode(v, r, name);
      if (!c) return std::unexpected(c.error());
      rule.constraints.emplace(name.substr(name.find_first_not_of('$') == std::string::npos ? 0 : name.find_first_not_of('$')),
                               std::move(*c));
    }
  }
  std::vector<std::string> bound;
  collectRuleMetavariables(rule.root, bound);
  for (const auto &[name, u] : rule.utils) collectRuleMetavariables(u, bound);
  // Every `matches:` must name a util.
  std::vector<const RuleNode *> stack{&rule.root};
  for (const auto &[n, c] : rule.constraints) stack.push_back(&c);
  for (const auto &[n, u] : rule.utils) stack.push_back(&u);
  while (!stack.empty()) {
    const RuleNode *n = stack.back();
    stack.pop_back();
    if (n->op == RuleNode::Op::Matches && !rule.utils.contains(n->name))
      return std::unexpected(r.error(*root, "matches", "`matches: " + n->name + "` names no entry of `utils`"));
    for (const RuleNode &c : n->children) stack.push_back(&c);
  }
  for (const auto &[name, c] : rule.constraints)
    if (std::find(bound.begin(), bound.end(), name) == bound.end())
      return std::unexpected(r.error(*doc.get("constraints"), name, "constraint on `$" + name + "`, which the rule never binds"));
  if (const DataNode *t = doc.get("transform")) {
    auto ts = compileTransforms(*t, r);
    if (!ts) return std::unexpected(ts.error());
    for (const Transform &tr : *ts) {
      if (std::find(bound.begin(), bound.end(), tr.source) == bound.end())
        return std::unexpected(r.error(*t, tr.name, "transform `" + tr.name + "` reads `$" + tr.source + "`, which is never bound"));
      bound.push_back(tr.name);
    }
    rule.transforms = std::move(*ts);
  }
  if (const DataNode *f = doc.get("fix")) {
    if (!f->isScalar()) return std::unexpected(r.error(*f, "fix", "`fix` must be a template string"));
    for (const std::string &v : templateVariables(f->scalar))
      if (std::find(bound.begin(), bound.end(), v) == bound.end())
        return std::unexpected(r.error(*f, "fix", "`fix` uses `$" + v + "`, which the rule never binds"));
    rule.fix = f->scalar;
  }
  return rule;
}

std::optional<PatternMatch> matchPatternRule(const PatternRule &rule, Node node, const std::vector<Node> &ancestors,
                                             std::string_view source, const std::set<const RuleNode *> *pure,
                                             RuleMemo *memo) {
  RuleScope scope{source, &rule.utils, node, &ancestors, pure, memo};
  MetaEnv env;
  std::uint32_t start = node.startByte(), end = node.endByte();
  if (rule.root.op == RuleNode::Op::Pattern && rule.root.pattern->isSequence()) {
    std::vector<Node> window = matchSequence(*rule.root.pattern, node, source, env);
    if (window.empty()) return std::nullopt;
    start = window.front().startByte();
    end = window.back().endByte();
  } else if (!evalRule(rule.root, node, scope, env)) {
    return std::nullopt;
  }
  if (!checkConstraints(rule, env, source)) return std::nullopt;
  applyTransforms(rule.transforms, env, source);
  PatternMatch match;
  match.startByte = start;
  match.endByte = end;
  match.message = expandMessage(rule.message, env, source);
  if (rule.fix) {
    std::string text = expandTemplate(*rule.fix, env, source, indentOfLine(source, start));
    // A block scalar's final newline is YAML's, not part of the replacement.
    if (!text.empty() && text.back() == '\n' && (end == start || source[end - 1] != '\n')) text.pop_back();
    Fix fix;
    fix.applicability = rule.applicability;
    fix.title = text.empty() ? "Remove the code" : "Replace with `" + shortened(text) + "`";
    fix.edits.push_back({start, end, std::move(text)});
    match.fix = std::move(fix);
  }
  return match;
}

PatternCheck::PatternCheck(RuleBinding binding, std::shared_ptr<const PatternRule> rule)
    : Check(std::move(binding)), rule_(std::move(rule)) {
  required_ = requiredWordsOf(rule_->root, rule_->utils, rule_->constraints);
  pure_ = pureHasNodes(rule_->root, rule_->utils);
  auto kinds = rootKindsOf(rule_->root, rule_->utils);
  if (kinds) {
    kinds_ = *kinds;
    return;
  }
  for (std::size_t i = 1; i < static_cast<std::size_t>(NodeKind::Count_); ++i)
    if (kindIsNamed(static_cast<NodeKind>(i))) kinds_.push_back(static_cast<NodeKind>(i));
}

bool PatternCheck::appliesTo(const CheckContext &ctx) const {
  return required_.satisfiedBy(ctx.text());
}

void PatternCheck::visit(Node node, CheckContext &ctx) const {
  if (required_.withinNode && !required_.clauses.empty() && !required_.satisfiedBy(ctx.textOf(node))) return;
  static const char memoOwner = 0; // one memo per file, shared by all pattern rules (keys are rule nodes)
  RuleMemo *memo = pure_.empty() ? nullptr : &ctx.scratch<RuleMemo>(&memoOwner);
  auto match = matchPatternRule(*rule_, node, ctx.ancestors(), ctx.text(), &pure_, memo);
  if (!match) return;
  ctx.report(*this, match->startByte, match->endByte, std::move(match->message), std::move(match->fix));
}

} // namespace typhon
