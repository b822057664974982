// The class-model checks of the `abc` group: abstract-class-instantiated (a call of a class that
// ABCMeta keeps abstract), abstractmethod-without-abcmeta (@abstractmethod that no ABCMeta
// metaclass will ever enforce) and abstract-shadows-mixin (an abstract method found before a
// later base's implementation). Both report only what the class model knows with certainty.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AbstractClassInstantiatedCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

class AbstractmethodWithoutAbcmetaCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

class AbstractShadowsMixinCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
