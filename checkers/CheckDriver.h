// CheckDriver: one pre-order walk of a tree, dispatching each node to the checks that want its kind.
#pragma once

#include "checkers/Check.h"

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace typhon {

class CheckDriver {
public:
  /// Builds the kind -> checks table once; `checks` must outlive the driver.
  explicit CheckDriver(std::vector<const Check *> checks);

  /// Walks `ctx.module()` once. `onComment` (optional) sees every comment node.
  void run(CheckContext &ctx, const std::function<void(Node)> &onComment = {}) const;

  const std::vector<const Check *> &checks() const { return checks_; }

private:
  std::vector<const Check *> checks_;
  /// Per kind, the indices in checks_ of the checks that want it.
  std::array<std::vector<std::uint32_t>, static_cast<std::size_t>(NodeKind::Count_)> byKind_;
};

} // namespace typhon
