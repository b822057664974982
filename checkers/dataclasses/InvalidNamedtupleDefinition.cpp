// invalid-namedtuple-definition: `class P(NamedTuple)` with a field without a default after one
// with a default, a field starting with `_`, or bases other than Generic; `namedtuple(...)` and
// `NamedTuple(...)` calls whose literal names are not identifiers, are keywords, start with `_` or
// repeat (without `rename=True`). Messages are CPython's.
#include "checkers/dataclasses/InvalidNamedtupleDefinition.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

#include <algorithm>
#include <array>

namespace typhon {

namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
    "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
    "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};

/// str.isidentifier() for ASCII names; nullopt for non-ASCII (not decided here).
std::optional<bool> isIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) return std::nullopt;
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!(alpha || (i > 0 && c >= '0' && c <= '9'))) return false;
  }
  return true;
}

/// The content of a plain string literal (no prefix, no escapes, no interpolation), or nullopt.
std::optional<std::string_view> plainString(const dc::Facts &facts, Node n) {
  if (!n.is(NodeKind::String)) return std::nullopt;
  std::string_view t = facts.text(n);
  if (t.size() < 2 || (t[0] != '\'' && t[0] != '"') || t.find('\\') != std::string_view::npos) return std::nullopt;
  std::size_t q = (t.size() >= 6 && t[1] == t[0] && t[2] == t[0]) ? 3 : 1;
  if (t.size() < 2 * q) return std::nullopt;
  return t.substr(q, t.size() - 2 * q);
}

/// The first error collections.namedtuple raises for these names, or "".
std::string namedtupleError(std::string_view typeName, const std::vector<std::string_view> &fields) {
  std::vector<std::string_view> all{typeName};
  all.insert(all.end(), fields.begin(), fields.end());
  for (std::string_view n : all) {
    std::optional<bool> ident = isIdentifier(n);
    if (!ident) return {};
    if (!*ident) return "`ValueError`: Type names and field names must be valid identifiers: " + dc::pyRepr(n);
    if (std::find(kKeywords.begin(), kKeywords.end(), n) != kKeywords.end())
      return "`ValueError`: Type names and field names cannot be a keyword: " + dc::pyRepr(n);
  }
  std::vector<std::string_view> seen;
  for (std::string_view n : fields) {
    if (n.starts_with("_")) return "`ValueError`: Field names cannot start with an underscore: " + dc::pyRepr(n);
    if (std::find(seen.begin(), seen.end(), n) != seen.end())
      return "`ValueError`: Encountered duplicate field name: " + dc::pyRepr(n);
    seen.push_back(n);
  }
  return {};
}

void checkClass(const Check &check, Node node, CheckContext &ctx, const dc::Facts &facts) {
  Node bases = node.field(FieldId::Superclasses);
  if (!bases) return;
  bool namedTuple = false;
  for (Node b : bases.namedChildren())
    if (!b.is(NodeKind::KeywordArgument) && facts.qualifiedName(b) == "typing.NamedTuple") namedTuple = true;
  if (!namedTuple) return;
  for (Node b : bases.namedChildren()) {
    if (b.is(NodeKind::Comment) || b.is(NodeKind::KeywordArgument)) continue;
    Node e = b.is(NodeKind::Subscript) ? b.field(FieldId::Value) : b;
    std::string q = facts.qualifiedName(e);
    if (q == "typing.NamedTuple" || q == "typing.Generic") continue;
    // Anything else: a class of this module is certainly not allowed; an unknown import may be
    // the NamedTuple function's alias or a Generic alias, so it is left alone.
    if (!facts.localClass(e) && q.empty()) continue;
    ctx.report(check, b, "class creation raises `TypeError`: can only inherit from a NamedTuple type and Generic");
    return;
  }
  std::optional<std::vector<dc::Field>> fields = dc::ownFields(facts, node, false);
  if (!fields) return;
  // Attributes the NamedTuple machinery owns (checked after the fields, as CPython does).
  Node prohibited;
  for (Node s : dc::bodyStatements(node)) {
    Node target;
    if (s.is(NodeKind::FunctionDefinition) || s.is(NodeKind::ClassDefinition)) target = s.field(FieldId::Name);
    else if (s.is(NodeKind::ExpressionStatement) && s.namedChild(0).is(NodeKind::Assignment) &&
             !s.namedChild(0).field(FieldId::Type) && s.namedChild(0).field(FieldId::Right))
      target = s.namedChild(0).field(FieldId::Left);
    if (!target.is(NodeKind::Identifier)) continue;
    std::string_view n = facts.text(target);
    for (std::string_view p : {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                               "_make", "_replace", "_asdict", "_source"})
      if (n == p && !prohibited) prohibited = target;
  }
  const dc::Field *withDefault = nullptr;
  for (const dc::Field &f : *fields) {
    if (f.unannotatedField || f.initVar) continue;
    std::string_view name = facts.text(f.name);
    if (name.starts_with("_")) {
      ctx.report(check, f.name,
                 "class creation raises `ValueError`: Field names cannot start with an underscore: " + dc::pyRepr(name));
      return;
    }
    if (f.value) {
      withDefault = &f;
    } else if (withDefault) {
      ctx.report(check, f.name,
                 "class creation raises `TypeError`: Non-default namedtuple field " + std::string(name) +
                     " cannot follow default field " + std::string(facts.text(withDefault->name)));
      return;
    }
  }
  if (prohibited)
    ctx.report(check, prohibited,
               "class creation raises `AttributeError`: Cannot overwrite NamedTuple attribute " +
                   std::string(facts.text(prohibited)));
}

void checkCall(const Check &check, Node node, CheckContext &ctx, const dc::Facts &facts) {
  std::string q = facts.qualifiedName(node.field(FieldId::Function));
  bool collections = q == "collections.namedtuple";
  if (!collections && q != "typing.NamedTuple") return;
  Node args = node.field(FieldId::Arguments);
  if (!args.is(NodeKind::ArgumentList)) return;
  std::vector<Node> positional;
  for (Node a : args.namedChildren()) {
    if (a.is(NodeKind::Comment)) continue;
    if (a.is(NodeKind::KeywordArgument)) {
      std::string_view key = facts.text(a.field(FieldId::Name));
      if (collections && key == "rename") {
        if (dc::literalBool(a.field(FieldId::Value)) != dc::Opt::False) return;
        continue;
      }
      if (collections && (key == "defaults" || key == "module")) continue;
      return; // field names given as keywords, or something unknown
    }
    if (!a.is(NodeKind::String) && !a.is(NodeKind::List) && !a.is(NodeKind::Tuple)) return; // splats...
    positional.push_back(a);
  }
  if (positional.size() != 2) return;
  std::optional<std::string_view> typeName = plainString(facts, positional[0]);
  if (!typeName) return;
  std::vector<std::string_view> fields;
  Node spec = positional[1];
  if (collections && spec.is(NodeKind::String)) {
    std::optional<std::string_view> s = plainString(facts, spec);
    if (!s) return;
    // field_names.replace(',', ' ').split()
    std::size_t i = 0;
    auto sep = [](char c) { return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (i < s->size()) {
      while (i < s->size() && sep((*s)[i])) ++i;
      std::size_t j = i;
      while (j < s->size() && !sep((*s)[j])) ++j;
      if (j > i) fields.push_back(s->substr(i, j - i));
      i = j;
    }
  } else if (spec.is(NodeKind::List) || spec.is(NodeKind::Tuple)) {
    for (Node item : spec.namedChildren()) {
      if (item.is(NodeKind::Comment)) continue;
      Node nameNode = item;
      if (!collections) { // typing.NamedTuple: [("x", int), ...]
        if (!(item.is(NodeKind::Tuple) || item.is(NodeKind::ParenthesizedExpression)) || item.namedChildCount() != 2) return;
        nameNode = item.namedChild(0);
      }
      std::optional<std::string_view> s = plainString(facts, nameNode);
      if (!s) return;
      fields.push_back(*s);
    }
  } else {
    return;
  }
  std::string error = namedtupleError(*typeName, fields);
  if (error.empty()) return;
  ctx.report(check, node, std::string(collections ? "`namedtuple()`" : "`NamedTuple()`") + " raises " + error);
}

} // namespace

std::vector<NodeKind> InvalidNamedtupleDefinitionCheck::kinds() const {
  return {NodeKind::ClassDefinition, NodeKind::Call};
}

void InvalidNamedtupleDefinitionCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  if (node.is(NodeKind::ClassDefinition)) checkClass(*this, node, ctx, facts);
  else checkCall(*this, node, ctx, facts);
}

} // namespace typhon
