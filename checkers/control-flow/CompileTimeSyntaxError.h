// compile-time-syntax-error: code the grammar accepts but CPython's compiler rejects.
#pragma once

#include "checkers/Check.h"

namespace typhon {

/// Reports what CPython's symbol table and compiler reject after parsing: jumps and `return`,
/// `yield`, `await`, `async` outside the scope that allows them, duplicate or misordered
/// parameters, `nonlocal` without an enclosing function, misplaced `from __future__` imports and
/// starred expressions outside a list or tuple; assignment expressions that rebind a
/// comprehension's iteration variable, sit in a comprehension's iterable, or in a comprehension of
/// a class body or type alias; `import *` outside the module level; binding or deleting `__debug__`.
class CompileTimeSyntaxErrorCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void checkJump(Node node, CheckContext &ctx) const;
  void checkReturn(Node node, CheckContext &ctx) const;
  void checkYield(Node node, CheckContext &ctx) const;
  void checkAwait(Node node, CheckContext &ctx) const;
  void checkAsyncStatement(Node node, CheckContext &ctx) const;
  void checkComprehension(Node node, CheckContext &ctx) const;
  void checkParameters(Node node, CheckContext &ctx) const;
  void checkDeclaration(Node node, CheckContext &ctx) const;
  void checkFuture(Node node, CheckContext &ctx) const;
  void checkStarred(Node node, CheckContext &ctx) const;
  // CompileTimeSyntaxErrorNames.cpp
  void checkNamedExpression(Node node, CheckContext &ctx) const;
  void checkWildcardImport(Node node, CheckContext &ctx) const;
  void checkDebugName(Node node, CheckContext &ctx) const;
};

} // namespace typhon
