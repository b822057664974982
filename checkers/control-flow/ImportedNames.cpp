// Import resolution over the CST: a walk of the module's statements for the binding of a name.
#include "checkers/control-flow/ImportedNames.h"

namespace typhon {

namespace {

bool holdsStatements(Node n) {
  switch (n.kind()) {
  case NodeKind::Module:
  case NodeKind::Block:
  case NodeKind::IfStatement:
  case NodeKind::ElifClause:
  case NodeKind::ElseClause:
  case NodeKind::TryStatement:
  case NodeKind::ExceptClause:
  case NodeKind::FinallyClause:
  case NodeKind::WithStatement:
  case NodeKind::ForStatement:
  case NodeKind::WhileStatement:
  case NodeKind::FunctionDefinition:
  case NodeKind::ClassDefinition:
  case NodeKind::DecoratedDefinition: return true;
  default: return false;
  }
}

/// The binding an import statement makes for `local`, or empty.
std::string bindingIn(Node statement, std::string_view local, std::string_view source) {
  bool isFrom = statement.is(NodeKind::ImportFromStatement);
  std::string module = isFrom ? std::string(statement.field(FieldId::ModuleName).text(source)) + "." : "";
  for (Node item : statement.fieldAll(FieldId::Name)) {
    bool aliased = item.is(NodeKind::AliasedImport);
    Node name = aliased ? item.field(FieldId::Name) : item;
    std::string_view full = name.text(source);
    if (aliased) {
      if (item.field(FieldId::Alias).text(source) == local) return module + std::string(full);
      continue;
    }
    // `import a.b` binds `a`; `from m import a` binds `a`.
    std::string_view bound = isFrom ? full : full.substr(0, full.find('.'));
    if (bound == local) return module + std::string(bound);
  }
  return "";
}

std::string findBinding(Node n, std::string_view local, std::string_view source) {
  for (Node c : n.namedChildren()) {
    if (c.is(NodeKind::ImportStatement) || c.is(NodeKind::ImportFromStatement)) {
      std::string found = bindingIn(c, local, source);
      if (!found.empty()) return found;
      continue;
    }
    if (!holdsStatements(c)) continue;
    std::string found = findBinding(c, local, source);
    if (!found.empty()) return found;
  }
  return "";
}

} // namespace

std::string importedName(Node module, std::string_view local, std::string_view source) {
  return findBinding(module, local, source);
}

std::string resolveImported(Node module, Node expr, std::string_view source) {
  if (expr.is(NodeKind::Identifier)) return importedName(module, expr.text(source), source);
  if (!expr.is(NodeKind::Attribute)) return "";
  std::string base = resolveImported(module, expr.field(FieldId::Object), source);
  if (base.empty()) return "";
  return base + "." + std::string(expr.field(FieldId::Attribute).text(source));
}

} // namespace typhon
