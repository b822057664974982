// Import resolution over the CST: walks the statements of each enclosing scope for the binding
// of a name.
#include "checkers/control-flow/ImportedNames.h"

#include "checkers/control-flow/PythonScopes.h"

namespace typhon {

namespace {

bool holdsStatements(Node n) {
  switch (n.kind()) {
  case NodeKind::Block:
  case NodeKind::IfStatement:
  case NodeKind::ElifClause:
  case NodeKind::ElseClause:
  case NodeKind::TryStatement:
  case NodeKind::ExceptClause:
  case NodeKind::FinallyClause:
  case NodeKind::WithStatement:
  case NodeKind::ForStatement:
  case NodeKind::WhileStatement: return true;
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

struct Bindings {
  std::string imported;
  bool assigned = false;
};

bool assignsName(Node statement, std::string_view local, std::string_view source) {
  if (!statement.is(NodeKind::ExpressionStatement)) return false;
  Node left = statement.namedChild(0).field(FieldId::Left);
  return left.is(NodeKind::Identifier) && left.text(source) == local;
}

/// Imports and plain assignments of `local` among the statements of one scope.
void collect(Node n, std::string_view local, std::string_view source, Bindings &out) {
  for (Node c : n.namedChildren()) {
    if (c.is(NodeKind::ImportStatement) || c.is(NodeKind::ImportFromStatement)) {
      std::string found = bindingIn(c, local, source);
      if (out.imported.empty()) out.imported = found;
      continue;
    }
    if (assignsName(c, local, source)) out.assigned = true;
    if (holdsStatements(c)) collect(c, local, source, out);
  }
}

bool hasParameter(Node def, std::string_view local, std::string_view source) {
  for (Node p : def.field(FieldId::Parameters).namedChildren()) {
    Node name = parameterName(p);
    if (name && name.text(source) == local) return true;
  }
  return false;
}

} // namespace

std::string importedName(const std::vector<Node> &ancestors, Node node, std::string_view local,
                         std::string_view source) {
  std::vector<Scope> scopes = scopesOf(ancestors, node);
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    const Scope &s = scopes[i];
    bool visible = isFunctionScope(s.kind) || s.kind == ScopeKind::Module || (i == 0 && s.kind == ScopeKind::Class);
    if (!visible) continue;
    Node statements = s.kind == ScopeKind::Module ? s.node : s.node.field(FieldId::Body);
    Bindings b;
    collect(statements, local, source, b);
    // At module level the import wins (`except ImportError: pdb = None`); in a function any
    // other binding makes the name a local variable.
    if (s.kind == ScopeKind::Module) return b.imported;
    if (b.assigned || (isFunctionScope(s.kind) && hasParameter(s.node, local, source))) return "";
    if (!b.imported.empty()) return b.imported;
  }
  return "";
}

std::string resolveImported(const std::vector<Node> &ancestors, Node node, Node expr, std::string_view source) {
  if (expr.is(NodeKind::Identifier)) return importedName(ancestors, node, expr.text(source), source);
  if (!expr.is(NodeKind::Attribute)) return "";
  std::string base = resolveImported(ancestors, node, expr.field(FieldId::Object), source);
  if (base.empty()) return "";
  return base + "." + std::string(expr.field(FieldId::Attribute).text(source));
}

std::string topLevelImportedName(Node module, std::string_view local, std::string_view source) {
  Bindings b;
  collect(module, local, source, b);
  return b.imported;
}

} // namespace typhon
