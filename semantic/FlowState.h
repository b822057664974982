// FlowState: the reaching-bindings state of one frame during the binder's walk, with a journal
// so that branches are explored and joined at a cost proportional to what they change.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace typhon::sema {

/// A binding site: the start byte of the bound identifier (stable across the binder's passes).
using Site = std::uint32_t;

/// A small sorted set of sites (most names have one reaching binding).
class SiteSet {
public:
  std::span<const Site> view() const { return size_ <= kInline ? std::span<const Site>(inline_, size_) : heap_; }
  bool empty() const { return size_ == 0; }
  void clear();
  void assign(Site site);
  void unite(const SiteSet &other);
  friend bool operator==(const SiteSet &a, const SiteSet &b);

private:
  static constexpr std::uint32_t kInline = 2;
  std::uint32_t size_ = 0;
  Site inline_[kInline] = {};
  std::vector<Site> heap_;
};

/// What may hold a name at a point: the bindings that may reach it, and whether a path reaches it
/// with the name unbound. A name never touched is unbound.
struct FlowEntry {
  SiteSet sites;
  bool maybeUnbound = true;
  /// When maybeUnbound only because an `if` skipped the binding: the condition (and polarity)
  /// under which the name is bound, so that a later `if` on the same condition can rely on it.
  std::uint32_t guard = 0;
  void join(const FlowEntry &other);
  friend bool operator==(const FlowEntry &, const FlowEntry &) = default;
};

/// The changes of one path since a mark: the new value of every slot it wrote, and whether the
/// path's end is reachable.
struct FlowDiff {
  bool reachable = true;
  std::vector<std::pair<std::uint32_t, FlowEntry>> entries;
};

class FlowState {
public:
  struct Mark {
    std::size_t journal = 0;
    bool reachable = true;
  };

  /// The slot of a (scope key, name) pair, created on first use.
  std::uint32_t slot(std::uint64_t key);
  /// The slot of a key, or UINT32_MAX when never written.
  std::uint32_t findSlot(std::uint64_t key) const;
  const FlowEntry &entry(std::uint32_t slot) const { return entries_[slot]; }
  /// Calls `f(key, entry)` for every slot, in no particular order.
  template <class F> void forEachSlot(F &&f) const {
    for (const auto &[key, slot] : slots_) f(key, entries_[slot]);
  }

  void bind(std::uint32_t slot, Site site);
  void unbind(std::uint32_t slot);
  void set(std::uint32_t slot, const FlowEntry &value);

  bool reachable() const { return reachable_; }
  void setUnreachable() { reachable_ = false; }

  /// Starts recording changes; pair with release().
  Mark mark();
  void release();
  /// The changes since `m` (the values slots have now).
  FlowDiff capture(const Mark &m);
  /// Undoes every change since `m`.
  void rollback(const Mark &m);
  /// Replaces the current state (equal to the state at the branches' common mark) by the join of
  /// the branches' end states. No reachable branch makes the state unreachable.
  void merge(const std::vector<FlowDiff> &branches);
  /// merge() of the two arms of an `if`; a name bound by one arm only records that arm's guard.
  void mergeIf(const FlowDiff &then, const FlowDiff &otherwise, std::uint32_t thenGuard, std::uint32_t elseGuard);

  /// Try bodies: every value written while an accumulator is open is joined into it, so that an
  /// exception handler can start from "any state the body passed through".
  void pushAccumulator();
  /// The accumulated values (joined with each slot's value before its first write).
  FlowDiff popAccumulator();

private:
  void write(std::uint32_t slot, const FlowEntry &value);

  std::unordered_map<std::uint64_t, std::uint32_t> slots_;
  std::vector<FlowEntry> entries_;
  bool reachable_ = true;
  struct JournalEntry {
    std::uint32_t slot;
    FlowEntry old;
  };
  std::vector<JournalEntry> journal_;
  int openMarks_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t stampGeneration_ = 0;
  struct Accumulator {
    bool reachable = false;
    std::unordered_map<std::uint32_t, FlowEntry> values;
  };
  std::vector<Accumulator> accumulators_;
};

} // namespace typhon::sema
