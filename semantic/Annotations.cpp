// Annotations: string annotations are re-parsed; type comments are scanned for dotted names.
#include "semantic/Annotations.h"

#include <string>

namespace typhon::sema {

namespace {

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }

/// Collects the identifiers an annotation expression reads (not attribute names, keywords or
/// the contents of Literal[...]); `offset` maps the parsed text back to the module.
void collectNames(Node e, std::string_view parsed, std::int64_t offset, std::vector<AnnotationName> &out,
                  int depth = 0) {
  if (depth > 200) return;
  switch (e.kind()) {
  case NodeKind::Identifier:
    out.push_back({static_cast<std::uint32_t>(e.startByte() + offset), static_cast<std::uint32_t>(e.endByte() + offset)});
    return;
  case NodeKind::Attribute: return collectNames(e.field(FieldId::Object), parsed, offset, out, depth + 1);
  case NodeKind::KeywordArgument: return collectNames(e.field(FieldId::Value), parsed, offset, out, depth + 1);
  case NodeKind::String: return;
  case NodeKind::Subscript: {
    Node value = e.field(FieldId::Value);
    collectNames(value, parsed, offset, out, depth + 1);
    std::string_view head = value.text(parsed);
    if (head == "Literal" || head.ends_with(".Literal")) return;
    std::vector<Node> arguments = e.fieldAll(FieldId::Subscript);
    if ((head == "Annotated" || head.ends_with(".Annotated")) && arguments.size() > 1) arguments.resize(1);
    for (Node s : arguments) collectNames(s, parsed, offset, out, depth + 1);
    return;
  }
  default:
    for (Node c : e.namedChildren()) collectNames(c, parsed, offset, out, depth + 1);
    return;
  }
}

} // namespace

std::vector<AnnotationName> namesInStringAnnotation(Parser &parser, Node string, std::string_view text) {
  std::vector<AnnotationName> out;
  if (!string.is(NodeKind::String) || string.childCount() < 2) return out;
  std::string_view prefix = string.child(0).text(text);
  if (prefix.find_first_of("bBfFtT") != std::string_view::npos) return out;
  Node content;
  for (Node c : string.namedChildren()) {
    if (c.is(NodeKind::Interpolation) || c.is(NodeKind::EscapeSequence)) return out;
    if (c.is(NodeKind::StringContent)) {
      if (content) return out;
      content = c;
    }
  }
  if (!content) return out;
  std::string_view body = content.text(text);
  if (body.find('\\') != std::string_view::npos) return out;
  // Parenthesized, so that a multi-line triple-quoted annotation parses as one expression.
  std::string wrapped = "(" + std::string(body) + "\n)";
  Tree tree = parser.parse(wrapped);
  Node root = tree.root();
  if (!root || root.hasError() || root.namedChildCount() != 1) return out;
  Node statement = root.namedChild(0);
  if (!statement.is(NodeKind::ExpressionStatement) || statement.namedChildCount() != 1) return out;
  std::int64_t offset = static_cast<std::int64_t>(content.startByte()) - 1;
  collectNames(statement.namedChild(0), wrapped, offset, out);
  return out;
}

std::vector<AnnotationName> namesInTypeComment(Node comment, std::string_view text) {
  std::vector<AnnotationName> out;
  std::string_view c = comment.text(text);
  std::size_t i = 1;
  while (i < c.size() && (c[i] == ' ' || c[i] == '\t')) ++i;
  if (c.substr(i, 5) != "type:") return out;
  i += 5;
  while (i < c.size() && (c[i] == ' ' || c[i] == '\t')) ++i;
  if (c.substr(i, 6) == "ignore" && (i + 6 == c.size() || !isIdentChar(c[i + 6]))) return out;
  bool afterDot = false;
  while (i < c.size()) {
    if (c[i] == '#') break;
    if (!isIdentStart(c[i])) {
      afterDot = c[i] == '.';
      if (c[i] == '"' || c[i] == '\'') afterDot = false;
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < c.size() && isIdentChar(c[i])) ++i;
    // Only the first component of a dotted name is a name lookup.
    if (!afterDot)
      out.push_back({static_cast<std::uint32_t>(comment.startByte() + start),
                     static_cast<std::uint32_t>(comment.startByte() + i)});
    afterDot = false;
  }
  return out;
}

} // namespace typhon::sema
