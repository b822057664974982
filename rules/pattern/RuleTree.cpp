// RuleTree: compiling rule objects with located errors, and evaluating them on nodes.
#include "rules/pattern/RuleTree.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

namespace typhon {

namespace {

using Op = RuleNode::Op;

constexpr std::string_view kRuleKeys[] = {"pattern", "kind",    "regex", "nthChild", "inside", "has", "follows",
                                          "precedes", "all",    "any",   "not",      "matches", "type"};

std::string keyList() {
  std::string out;
  for (std::string_view k : kRuleKeys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

std::expected<RuleNode, DataError> compileRelational(Op op, const DataNode &node, const DataReader &r,
                                                     const std::string &key) {
  if (!node.isMap()) return std::unexpected(r.error(node, key, "`" + key + "` takes a rule object"));
  DataNode target = node;
  target.entries.clear();
  RuleNode rel;
  rel.op = op;
  rel.stopBy = RuleNode::StopBy::Neighbor;
  RuleNode stop;
  bool hasStop = false;
  for (const auto &[k, v] : node.entries) {
    if (k == "stopBy") {
      if (v.isScalar() && (v.scalar == "neighbor" || v.scalar == "end")) {
        rel.stopBy = v.scalar == "end" ? RuleNode::StopBy::End : RuleNode::StopBy::Neighbor;
        continue;
      }
      auto s = compileRuleNode(v, r, "stopBy");
      if (!s) return s;
      stop = std::move(*s);
      hasStop = true;
      rel.stopBy = RuleNode::StopBy::Rule;
      continue;
    }
    if (k == "field") {
      if (!v.isScalar()) return std::unexpected(r.error(v, "field", "`field` must be a field name"));
      rel.field = fieldByName(v.scalar);
      if (rel.field == FieldId::None)
        return std::unexpected(r.error(v, "field", "unknown field `" + v.scalar + "` in tree-sitter-python"));
      continue;
    }
    target.entries.emplace_back(k, v);
  }
  auto t = compileRuleNode(target, r, key);
  if (!t) return t;
  rel.children.push_back(std::move(*t));
  if (hasStop) rel.children.push_back(std::move(stop));
  return rel;
}

std::expected<RuleNode, DataError> compilePattern(const DataNode &v, const DataReader &r) {
  std::expected<Pattern, PatternError> p = std::unexpected(PatternError{});
  if (v.isScalar()) {
    p = Pattern::compile(v.scalar);
  } else if (v.isMap()) {
    if (auto e = r.onlyKeys(v, {"context", "selector"}, "pattern object")) return std::unexpected(*e);
    const DataNode *ctx = v.get("context");
    const DataNode *sel = v.get("selector");
    if (!ctx || !ctx->isScalar()) return std::unexpected(r.error(v, "pattern", "a pattern object needs a `context` string"));
    if (!sel) {
      p = Pattern::compile(ctx->scalar);
    } else {
      NodeKind kind = sel->isScalar() ? namedKindByName(sel->scalar) : NodeKind::Unknown;
      if (kind == NodeKind::Unknown)
        return std::unexpected(r.error(*sel, "selector", "unknown node kind `" + sel->scalar + "`"));
      p = Pattern::compileSelected(ctx->scalar, kind);
    }
  } else {
    return std::unexpected(r.error(v, "pattern", "`pattern` must be a string or {context, selector}"));
  }
  if (!p) return std::unexpected(r.error(v, "pattern", "invalid pattern: " + p.error().message));
  RuleNode n;
  n.op = Op::Pattern;
  n.pattern = std::make_shared<const Pattern>(std::move(*p));
  return n;
}

std::expected<RuleNode, DataError> compileList(Op op, const DataNode &v, const DataReader &r, const std::string &key) {
  if (!v.isSeq()) return std::unexpected(r.error(v, key, "`" + key + "` takes a list of rule objects"));
  RuleNode n;
  n.op = op;
  for (const DataNode &item : v.items) {
    auto c = compileRuleNode(item, r, key);
    if (!c) return c;
    n.children.push_back(std::move(*c));
  }
  return n;
}

std::expected<RuleNode, DataError> compileKey(const std::string &k, const DataNode &v, const DataReader &r) {
  if (k == "pattern") return compilePattern(v, r);
  if (k == "kind") {
    if (!v.isScalar()) return std::unexpected(r.error(v, k, "`kind` must be a node kind name"));
    RuleNode n;
    n.op = Op::Kind;
    n.kind = namedKindByName(v.scalar);
    if (n.kind == NodeKind::Unknown)
      return std::unexpected(r.error(v, k, "unknown node kind `" + v.scalar + "` (see tree-sitter-python's node-types.json)"));
    return n;
  }
  if (k == "regex") {
    if (!v.isScalar()) return std::unexpected(r.error(v, k, "`regex` must be a string"));
    auto re = std::make_shared<const re2::RE2>(v.scalar, re2::RE2::Quiet);
    if (!re->ok()) return std::unexpected(r.error(v, k, "invalid regex: " + re->error()));
    RuleNode n;
    n.op = Op::Regex;
    n.regex = std::move(re);
    return n;
  }
  if (k == "nthChild") {
    RuleNode n;
    n.op = Op::NthChild;
    const DataNode *pos = &v;
    if (v.isMap()) {
      if (auto e = r.onlyKeys(v, {"position", "reverse", "ofRule"}, "nthChild")) return std::unexpected(*e);
      pos = v.get("position");
      if (!pos) return std::unexpected(r.error(v, k, "`nthChild` needs a `position`"));
      if (const DataNode *rev = v.get("reverse")) n.reverse = rev->isScalar() && rev->scalar == "true";
      if (const DataNode *of = v.get("ofRule")) {
        auto c = compileRuleNode(*of, r, "ofRule");
        if (!c) return c;
        n.children.push_back(std::move(*c));
      }
    }
    try {
      n.position = pos->isScalar() ? std::stoi(pos->scalar) : 0;
    } catch (...) {
      n.position = 0;
    }
    if (n.position < 1) return std::unexpected(r.error(*pos, k, "`nthChild` position must be a positive integer"));
    return n;
  }
  if (k == "inside") return compileRelational(Op::Inside, v, r, k);
  if (k == "has") return compileRelational(Op::Has, v, r, k);
  if (k == "follows") return compileRelational(Op::Follows, v, r, k);
  if (k == "precedes") return compileRelational(Op::Precedes, v, r, k);
  if (k == "all") return compileList(Op::All, v, r, k);
  if (k == "any") return compileList(Op::Any, v, r, k);
  if (k == "not") {
    auto c = compileRuleNode(v, r, k);
    if (!c) return c;
    RuleNode n;
    n.op = Op::Not;
    n.children.push_back(std::move(*c));
    return n;
  }
  if (k == "matches" || k == "type") {
    if (!v.isScalar() || v.scalar.empty()) return std::unexpected(r.error(v, k, "`" + k + "` must be a name"));
    RuleNode n;
    n.op = k == "matches" ? Op::Matches : Op::Type;
    n.name = v.scalar;
    return n;
  }
  return std::unexpected(r.keyError(v, k, "unknown rule key `" + k + "` (expected one of: " + keyList() + ")"));
}

Node unwrapped(Node n) {
  while (n && n.kind() == NodeKind::ParenthesizedExpression && n.namedChildCount() == 1) n = n.namedChild(0);
  return n;
}

std::vector<Node> ancestorsOf(Node node, const RuleScope &scope) {
  if (scope.visitedAncestors && node == scope.visited) return *scope.visitedAncestors;
  std::vector<Node> chain;
  for (Node p = node.parent(); p; p = p.parent()) chain.push_back(p);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<Node> namedSiblings(Node parent) {
  std::vector<Node> out;
  for (const Node &c : parent.children())
    if (c.isNamed() && !c.isExtra()) out.push_back(c);
  return out;
}

bool inField(Node parent, Node child, FieldId field) {
  for (const Node &c : parent.fieldAll(field))
    if (c == child) return true;
  return false;
}

bool evalInside(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth) {
  std::vector<Node> chain = ancestorsOf(node, scope);
  Node child = node;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    Node anc = *it;
    bool fieldOk = rule.field == FieldId::None || inField(anc, child, rule.field);
    if (fieldOk && evalRule(rule.children[0], anc, scope, env, depth + 1)) return true;
    if (rule.stopBy == RuleNode::StopBy::Neighbor) return false;
    if (rule.stopBy == RuleNode::StopBy::Rule) {
      MetaEnv scratch = env;
      if (evalRule(rule.children[1], anc, scope, scratch, depth + 1)) return false;
    }
    child = anc;
  }
  return false;
}

bool evalHasUncached(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth) {
  // Depth-first in source order: a stack holding each level's remaining nodes in reverse.
  std::vector<Node> stack = rule.field != FieldId::None ? node.fieldAll(rule.field) : namedSiblings(node);
  std::reverse(stack.begin(), stack.end());
  std::size_t budget = 200000;
  while (!stack.empty() && budget-- > 0) {
    Node n = stack.back();
    stack.pop_back();
    if (evalRule(rule.children[0], n, scope, env, depth + 1)) return true;
    if (rule.stopBy == RuleNode::StopBy::Neighbor) continue;
    if (rule.stopBy == RuleNode::StopBy::Rule) {
      MetaEnv scratch = env;
      if (evalRule(rule.children[1], n, scope, scratch, depth + 1)) continue;
    }
    std::vector<Node> kids = namedSiblings(n);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return false;
}

bool evalHas(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth) {
  // A `has` without metavariables answers the same for a node whatever the candidate: a scan
  // of a whole module for a rebinding, say, is done once per file instead of once per match.
  if (scope.memo && scope.pure && scope.pure->contains(&rule)) {
    RuleMemoKey key{&rule, node.raw().id};
    auto it = scope.memo->find(key);
    if (it != scope.memo->end()) return it->second;
    bool result = evalHasUncached(rule, node, scope, env, depth);
    scope.memo->emplace(key, result);
    return result;
  }
  return evalHasUncached(rule, node, scope, env, depth);
}

bool evalSibling(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth, bool before) {
  std::vector<Node> chain = ancestorsOf(node, scope);
  // An expression that is a whole statement has the statement's siblings.
  if (!chain.empty() && chain.back().kind() == NodeKind::ExpressionStatement && chain.back().namedChildCount() == 1) {
    node = chain.back();
    chain.pop_back();
  }
  if (chain.empty()) return false;
  std::vector<Node> sibs = namedSiblings(chain.back());
  auto self = std::find(sibs.begin(), sibs.end(), node);
  if (self == sibs.end()) return false;
  auto check = [&](Node s) { return evalRule(rule.children[0], s, scope, env, depth + 1); };
  auto stops = [&](Node s) {
    if (rule.stopBy != RuleNode::StopBy::Rule) return false;
    MetaEnv scratch = env;
    return evalRule(rule.children[1], s, scope, scratch, depth + 1);
  };
  if (before) {
    for (auto it = std::make_reverse_iterator(self); it != sibs.rend(); ++it) {
      if (check(*it)) return true;
      if (rule.stopBy == RuleNode::StopBy::Neighbor || stops(*it)) return false;
    }
    return false;
  }
  for (auto it = self + 1; it != sibs.end(); ++it) {
    if (check(*it)) return true;
    if (rule.stopBy == RuleNode::StopBy::Neighbor || stops(*it)) return false;
  }
  return false;
}

bool evalNth(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth) {
  std::vector<Node> chain = ancestorsOf(node, scope);
  if (chain.empty()) return false;
  std::vector<Node> sibs;
  for (const Node &s : namedSiblings(chain.back())) {
    MetaEnv scratch = env;
    if (rule.children.empty() || evalRule(rule.children[0], s, scope, scratch, depth + 1)) sibs.push_back(s);
  }
  if (rule.reverse) std::reverse(sibs.begin(), sibs.end());
  auto i = static_cast<std::size_t>(rule.position - 1);
  return i < sibs.size() && sibs[i] == node;
}

} // namespace

NodeKind namedKindByName(std::string_view name) {
  static const std::unordered_map<std::string_view, NodeKind> table = [] {
    std::unordered_map<std::string_view, NodeKind> t;
    for (std::size_t i = 1; i < static_cast<std::size_t>(NodeKind::Count_); ++i) {
      auto k = static_cast<NodeKind>(i);
      if (kindIsNamed(k)) t.emplace(kindName(k), k);
    }
    return t;
  }();
  auto it = table.find(name);
  return it == table.end() ? NodeKind::Unknown : it->second;
}

FieldId fieldByName(std::string_view name) {
  for (std::size_t i = 1; i < static_cast<std::size_t>(FieldId::Count_); ++i)
    if (typhon::fieldName(static_cast<FieldId>(i)) == name) return static_cast<FieldId>(i);
  return FieldId::None;
}

std::expected<RuleNode, DataError> compileRuleNode(const DataNode &node, const DataReader &r, const std::string &key) {
  if (!node.isMap() || node.entries.empty())
    return std::unexpected(r.error(node, key, "`" + key + "` must be a rule object (pattern, kind, regex, ...)"));
  RuleNode all;
  all.op = Op::All;
  for (const auto &[k, v] : node.entries) {
    auto c = compileKey(k, v, r);
    if (!c) return c;
    all.children.push_back(std::move(*c));
  }
  if (all.children.size() == 1) return std::move(all.children[0]);
  // Cheap, kind-fixing parts first: pattern and kind prune before relational searches run.
  std::stable_partition(all.children.begin(), all.children.end(),
                        [](const RuleNode &n) { return n.op == Op::Pattern || n.op == Op::Kind; });
  return all;
}

bool evalRule(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth) {
  if (depth > 64 || !node) return false;
  switch (rule.op) {
  case Op::Pattern: {
    if (rule.pattern->isSequence()) {
      MetaEnv trial = env;
      if (matchSequence(*rule.pattern, node, scope.source, trial).empty()) return false;
      env = std::move(trial);
      return true;
    }
    return matchPattern(*rule.pattern, node, scope.source, env);
  }
  case Op::Kind: return node.kind() == rule.kind;
  case Op::Regex: return re2::RE2::PartialMatch(re2::StringPiece(node.text(scope.source).data(), node.text(scope.source).size()), *rule.regex);
  case Op::NthChild: return evalNth(rule, node, scope, env, depth);
  case Op::Inside: return evalInside(rule, node, scope, env, depth);
  case Op::Has: return evalHas(rule, node, scope, env, depth);
  case Op::Follows: return evalSibling(rule, node, scope, env, depth, true);
  case Op::Precedes: return evalSibling(rule, node, scope, env, depth, false);
  case Op::All: {
    MetaEnv trial = env;
    for (const RuleNode &c : rule.children)
      if (!evalRule(c, node, scope, trial, depth + 1)) return false;
    env = std::move(trial);
    return true;
  }
  case Op::Any:
    for (const RuleNode &c : rule.children) {
      MetaEnv trial = env;
      if (evalRule(c, node, scope, trial, depth + 1)) {
        env = std::move(trial);
        return true;
      }
    }
    return false;
  case Op::Not: {
    MetaEnv scratch = env;
    return !evalRule(rule.children[0], node, scope, scratch, depth + 1);
  }
  case Op::Matches: {
    if (!scope.utils) return false;
    auto it = scope.utils->find(rule.name);
    return it != scope.utils->end() && evalRule(it->second, node, scope, env, depth + 1);
  }
  case Op::Type: {
    std::string t = literalTypeOf(node, scope.source);
    return !t.empty() && (t == rule.name || "builtins." + t == rule.name);
  }
  }
  return false;
}

std::optional<std::vector<NodeKind>> rootKindsOf(const RuleNode &rule, const std::map<std::string, RuleNode> &utils,
                                                 int depth) {
  if (depth > 32) return std::nullopt;
  switch (rule.op) {
  case Op::Pattern: {
    auto kinds = rule.pattern->rootKinds();
    if (kinds.empty()) return std::nullopt;
    return kinds;
  }
  case Op::Kind: return std::vector<NodeKind>{rule.kind};
  case Op::All: {
    std::optional<std::vector<NodeKind>> acc;
    for (const RuleNode &c : rule.children) {
      auto k = rootKindsOf(c, utils, depth + 1);
      if (!k) continue;
      if (!acc) {
        acc = k;
        continue;
      }
      std::vector<NodeKind> both;
      for (NodeKind x : *acc)
        if (std::find(k->begin(), k->end(), x) != k->end()) both.push_back(x);
      acc = both;
    }
    return acc;
  }
  case Op::Any: {
    std::set<NodeKind> all;
    for (const RuleNode &c : rule.children) {
      auto k = rootKindsOf(c, utils, depth + 1);
      if (!k) return std::nullopt;
      all.insert(k->begin(), k->end());
    }
    return std::vector<NodeKind>(all.begin(), all.end());
  }
  case Op::Matches: {
    auto it = utils.find(rule.name);
    if (it == utils.end()) return std::nullopt;
    return rootKindsOf(it->second, utils, depth + 1);
  }
  default: return std::nullopt;
  }
}

namespace {

using Clauses = std::vector<std::vector<std::string>>;

void patternIdentifiers(const PatternNode &p, Clauses &out) {
  if (p.meta == PatternNode::Meta::None && p.children.empty() && p.named && p.kind == NodeKind::Identifier &&
      !p.text.empty())
    out.push_back({p.text});
  for (const PatternNode &c : p.children) patternIdentifiers(c, out);
}

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

} // namespace

std::vector<std::string> regexLiteralAlternatives(std::string_view re) {
  // `^word$`, `^(a|b|c)$`, `^(?:a|b)$`, with `\.` for dots; anything else: no alternatives.
  if (!re.starts_with('^') || !re.ends_with('$') || re.size() < 3) return {};
  re = re.substr(1, re.size() - 2);
  if (re.starts_with("(?:") && re.ends_with(')')) re = re.substr(3, re.size() - 4);
  else if (re.starts_with('(') && re.ends_with(')')) re = re.substr(1, re.size() - 2);
  std::vector<std::string> alternatives;
  std::string current;
  for (std::size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\' && i + 1 < re.size() && re[i + 1] == '.') {
      current += '.';
      ++i;
    } else if (c == '|') {
      if (current.empty()) return {};
      alternatives.push_back(std::move(current));
      current.clear();
    } else if (isWordChar(c)) {
      current += c;
    } else {
      return {};
    }
  }
  if (current.empty()) return {};
  alternatives.push_back(std::move(current));
  return alternatives;
}

namespace {

Clauses required(const RuleNode &rule, const std::map<std::string, RuleNode> &utils, bool &withinNode, int depth) {
  Clauses out;
  if (depth > 32) return out;
  switch (rule.op) {
  case Op::Regex: {
    // The node's own text matches: it contains one of the literal alternatives.
    std::vector<std::string> alternatives = regexLiteralAlternatives(rule.regex->pattern());
    if (!alternatives.empty()) out.push_back(std::move(alternatives));
    return out;
  }
  case Op::Pattern:
    if (rule.pattern->isSequence()) {
      withinNode = false;
      for (const PatternNode &s : rule.pattern->statements()) patternIdentifiers(s, out);
    } else {
      patternIdentifiers(rule.pattern->root(), out);
    }
    return out;
  case Op::All:
    for (const RuleNode &c : rule.children)
      for (auto &clause : required(c, utils, withinNode, depth + 1)) out.push_back(std::move(clause));
    return out;
  case Op::Any: {
    // One clause: from each alternative, the most selective word it certainly contains (from
    // its longest single-word clause). An alternative without one makes the clause useless.
    std::vector<std::string> clause;
    for (const RuleNode &c : rule.children) {
      std::string best;
      for (const auto &k : required(c, utils, withinNode, depth + 1))
        if (k.size() == 1 && k[0].size() > best.size()) best = k[0];
      if (best.empty()) return {};
      clause.push_back(std::move(best));
    }
    if (!clause.empty()) out.push_back(std::move(clause));
    return out;
  }
  case Op::Has:
    if (!rule.children.empty()) return required(rule.children.front(), utils, withinNode, depth + 1);
    return out;
  case Op::Matches: {
    auto it = utils.find(rule.name);
    if (it != utils.end()) return required(it->second, utils, withinNode, depth + 1);
    return out;
  }
  default: return out;
  }
}

} // namespace

namespace {

/// Metavariables every match binds to a node inside the matched node's own text.
std::set<std::string> boundInside(const RuleNode &rule, const std::map<std::string, RuleNode> &utils, int depth) {
  std::set<std::string> out;
  if (depth > 32) return out;
  switch (rule.op) {
  case Op::Pattern:
    if (!rule.pattern->isSequence())
      for (std::string &m : rule.pattern->metavariables()) out.insert(std::move(m));
    return out;
  case Op::All:
    for (const RuleNode &c : rule.children) out.merge(boundInside(c, utils, depth + 1));
    return out;
  case Op::Any: {
    bool first = true;
    for (const RuleNode &c : rule.children) {
      std::set<std::string> k = boundInside(c, utils, depth + 1);
      if (first) {
        out = std::move(k);
        first = false;
      } else {
        std::erase_if(out, [&](const std::string &m) { return !k.contains(m); });
      }
    }
    return out;
  }
  case Op::Has:
    if (!rule.children.empty()) return boundInside(rule.children.front(), utils, depth + 1);
    return out;
  case Op::Matches: {
    auto it = utils.find(rule.name);
    if (it != utils.end()) return boundInside(it->second, utils, depth + 1);
    return out;
  }
  default: return out;
  }
}

} // namespace

RequiredWords requiredWordsOf(const RuleNode &rule, const std::map<std::string, RuleNode> &utils,
                              const std::map<std::string, RuleNode> &constraints) {
  RequiredWords result;
  result.clauses = required(rule, utils, result.withinNode, 0);
  // A constraint on a metavariable that every match binds inside the node: its words are there too.
  if (!constraints.empty()) {
    std::set<std::string> inside = boundInside(rule, utils, 0);
    for (const auto &[name, constraint] : constraints) {
      if (!inside.contains(name)) continue;
      bool ignored = true;
      for (auto &clause : required(constraint, utils, ignored, 0)) result.clauses.push_back(std::move(clause));
    }
  }
  std::sort(result.clauses.begin(), result.clauses.end());
  result.clauses.erase(std::unique(result.clauses.begin(), result.clauses.end()), result.clauses.end());
  return result;
}

bool RequiredWords::satisfiedBy(std::string_view text) const {
  for (const auto &clause : clauses) {
    bool any = false;
    for (const std::string &w : clause)
      if (text.find(w) != std::string_view::npos) {
        any = true;
        break;
      }
    if (!any) return false;
  }
  return true;
}

namespace {

bool markPure(const RuleNode &rule, const std::map<std::string, RuleNode> &utils, std::set<const RuleNode *> &pure,
              int depth) {
  if (depth > 32) return false;
  bool ok = !rule.pattern || rule.pattern->metavariables().empty();
  for (const RuleNode &c : rule.children) ok = markPure(c, utils, pure, depth + 1) && ok;
  if (rule.op == Op::Matches) {
    auto it = utils.find(rule.name);
    ok = ok && it != utils.end() && markPure(it->second, utils, pure, depth + 1);
  }
  if (ok && rule.op == Op::Has) pure.insert(&rule);
  return ok;
}

} // namespace

std::set<const RuleNode *> pureHasNodes(const RuleNode &root, const std::map<std::string, RuleNode> &utils) {
  std::set<const RuleNode *> pure;
  markPure(root, utils, pure, 0);
  for (const auto &[name, util] : utils) markPure(util, utils, pure, 0);
  return pure;
}

void collectRuleMetavariables(const RuleNode &rule, std::vector<std::string> &out) {
  if (rule.pattern)
    for (std::string &m : rule.pattern->metavariables()) out.push_back(std::move(m));
  for (const RuleNode &c : rule.children) collectRuleMetavariables(c, out);
}

std::string literalTypeOf(Node node, std::string_view source) {
  node = unwrapped(node);
  switch (node.kind()) {
  case NodeKind::String:
  case NodeKind::ConcatenatedString: {
    std::string_view t = node.text(source);
    std::size_t q = t.find_first_of("'\"");
    std::string_view prefix = t.substr(0, q == std::string_view::npos ? 0 : q);
    bool bytes = prefix.find_first_of("bB") != std::string_view::npos;
    if (prefix.find_first_of("tT") != std::string_view::npos) return "string.templatelib.Template";
    return bytes ? "bytes" : "str";
  }
  case NodeKind::Integer:
  case NodeKind::Float: {
    std::string_view t = node.text(source);
    if (t.find_first_of("jJ") != std::string_view::npos && !t.starts_with("0x") && !t.starts_with("0X")) return "complex";
    return node.kind() == NodeKind::Integer ? "int" : "float";
  }
  case NodeKind::True:
  case NodeKind::False: return "bool";
  case NodeKind::None: return "None";
  case NodeKind::List:
  case NodeKind::ListComprehension: return "list";
  case NodeKind::Dictionary:
  case NodeKind::DictionaryComprehension: return "dict";
  case NodeKind::Set:
  case NodeKind::SetComprehension: return "set";
  case NodeKind::Tuple: return "tuple";
  case NodeKind::GeneratorExpression: return "generator";
  case NodeKind::Lambda: return "function";
  default: return "";
  }
}

} // namespace typhon
