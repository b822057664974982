// Match: a backtracking matcher over significant children; `$$$` takes the shortest run that works.
#include "rules/pattern/Match.h"

namespace typhon {

namespace {

struct Matcher {
  std::string_view src;

  static Node unwrapParens(Node n) {
    while (n.kind() == NodeKind::ParenthesizedExpression) {
      Node inner;
      int count = 0;
      for (const Node &c : n.children())
        if (c.isNamed() && !c.isExtra()) inner = c, ++count;
      if (count != 1 || inner.kind() == NodeKind::Yield || inner.kind() == NodeKind::ListSplat) break;
      n = inner;
    }
    return n;
  }

  static std::vector<Node> significant(Node n) {
    std::vector<Node> out;
    for (const Node &c : n.children())
      if (isSignificantChild(c)) out.push_back(c);
    return out;
  }

  bool bindSingle(const PatternNode &p, Node n, MetaEnv &env) const {
    if (p.metaName.empty()) return true;
    if (const MetaBinding *b = env.find(p.metaName)) return !b->multi && sameTokens(b->node, n, src);
    env.bind(MetaBinding{p.metaName, false, n, {}});
    return true;
  }

  bool bindMulti(const PatternNode &p, const std::vector<Node> &run, MetaEnv &env) const {
    if (p.metaName.empty()) return true;
    if (const MetaBinding *b = env.find(p.metaName)) {
      if (!b->multi || b->nodes.size() != run.size()) return false;
      for (std::size_t i = 0; i < run.size(); ++i)
        if (!sameTokens(b->nodes[i], run[i], src)) return false;
      return true;
    }
    env.bind(MetaBinding{p.metaName, true, Node(), run});
    return true;
  }

  bool node(const PatternNode &p, Node n, MetaEnv &env, int depth) const {
    if (depth > 400) return false;
    if (p.meta == PatternNode::Meta::Single) return bindSingle(p, n, env);
    if (p.meta == PatternNode::Meta::Multi) return bindMulti(p, {n}, env);
    if (p.kind != NodeKind::ParenthesizedExpression) n = unwrapParens(n);
    if (n.kind() != p.kind) return false;
    std::vector<Node> kids = significant(n);
    if (p.children.empty()) {
      if (!kids.empty()) return false;
      return !p.named || n.text(src) == p.text;
    }
    return sequence(p.children, 0, kids, 0, env, depth + 1);
  }

  bool sequence(const std::vector<PatternNode> &ps, std::size_t i, const std::vector<Node> &ns, std::size_t j,
                MetaEnv &env, int depth) const {
    if (i == ps.size()) return j == ns.size();
    const PatternNode &p = ps[i];
    if (p.meta == PatternNode::Meta::Multi) {
      for (std::size_t end = j; end <= ns.size(); ++end) {
        MetaEnv trial = env;
        std::vector<Node> run(ns.begin() + static_cast<std::ptrdiff_t>(j), ns.begin() + static_cast<std::ptrdiff_t>(end));
        if (bindMulti(p, run, trial) && sequence(ps, i + 1, ns, end, trial, depth)) {
          env = std::move(trial);
          return true;
        }
      }
      return false;
    }
    if (j >= ns.size()) return false;
    MetaEnv trial = env;
    if (!node(p, ns[j], trial, depth) || !sequence(ps, i + 1, ns, j + 1, trial, depth)) return false;
    env = std::move(trial);
    return true;
  }
};

void leaves(Node n, std::string_view src, std::vector<std::string_view> &out) {
  if (n.isExtra()) return;
  if (n.childCount() == 0) {
    out.push_back(n.text(src));
    return;
  }
  for (const Node &c : n.children()) leaves(c, src, out);
}

} // namespace

const MetaBinding *MetaEnv::find(std::string_view name) const {
  for (const MetaBinding &b : bindings_)
    if (b.name == name) return &b;
  return nullptr;
}

const std::string *MetaEnv::findString(std::string_view name) const {
  for (const auto &[k, v] : strings_)
    if (k == name) return &v;
  return nullptr;
}

std::string MetaEnv::textOf(const MetaBinding &b, std::string_view source) const {
  if (!b.multi) return std::string(b.node.text(source));
  if (b.nodes.empty()) return "";
  std::uint32_t start = b.nodes.front().startByte();
  std::uint32_t end = b.nodes.back().endByte();
  return std::string(source.substr(start, end - start));
}

bool sameTokens(Node a, Node b, std::string_view source) {
  if (a == b) return true;
  std::vector<std::string_view> x, y;
  leaves(a, source, x);
  leaves(b, source, y);
  return x == y;
}

bool matchPattern(const Pattern &pattern, Node node, std::string_view source, MetaEnv &env) {
  if (pattern.isSequence()) return false;
  Matcher m{source};
  // A statement reached through a relational operator stands for its expression.
  if (node.kind() == NodeKind::ExpressionStatement && pattern.root().kind != NodeKind::ExpressionStatement &&
      pattern.root().meta == PatternNode::Meta::None) {
    std::vector<Node> kids = Matcher::significant(node);
    if (kids.size() == 1) node = kids[0];
  }
  MetaEnv trial = env;
  if (!m.node(pattern.root(), node, trial, 0)) return false;
  env = std::move(trial);
  return true;
}

std::vector<Node> matchSequence(const Pattern &pattern, Node block, std::string_view source, MetaEnv &env) {
  Matcher m{source};
  std::vector<Node> stmts = Matcher::significant(block);
  const auto &ps = pattern.statements();
  for (std::size_t start = 0; start + ps.size() <= stmts.size(); ++start) {
    MetaEnv trial = env;
    std::vector<Node> window(stmts.begin() + static_cast<std::ptrdiff_t>(start),
                             stmts.begin() + static_cast<std::ptrdiff_t>(start + ps.size()));
    if (m.sequence(ps, 0, window, 0, trial, 0)) {
      env = std::move(trial);
      return window;
    }
  }
  return {};
}

} // namespace typhon
