// FlowState: journaled reaching-bindings state; joins touch only the slots a branch changed.
#include "semantic/FlowState.h"

#include <algorithm>

namespace typhon::sema {

void SiteSet::clear() {
  size_ = 0;
  heap_.clear();
}

void SiteSet::assign(Site site) {
  heap_.clear();
  inline_[0] = site;
  size_ = 1;
}

void SiteSet::unite(const SiteSet &other) {
  if (other.empty()) return;
  if (empty()) {
    *this = other;
    return;
  }
  std::span<const Site> a = view();
  std::span<const Site> b = other.view();
  if (a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin())) return;
  std::vector<Site> merged;
  merged.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
  size_ = static_cast<std::uint32_t>(merged.size());
  if (size_ <= kInline) {
    std::copy(merged.begin(), merged.end(), inline_);
    heap_.clear();
    return;
  }
  heap_ = std::move(merged);
}

bool operator==(const SiteSet &a, const SiteSet &b) {
  std::span<const Site> x = a.view();
  std::span<const Site> y = b.view();
  return x.size() == y.size() && std::equal(x.begin(), x.end(), y.begin());
}

void FlowEntry::join(const FlowEntry &other) {
  sites.unite(other.sites);
  if (maybeUnbound && other.maybeUnbound)
    guard = guard == other.guard ? guard : 0;
  else if (other.maybeUnbound)
    guard = other.guard;
  maybeUnbound = maybeUnbound || other.maybeUnbound;
}

std::uint32_t FlowState::slot(std::uint64_t key) {
  auto [it, inserted] = slots_.try_emplace(key, static_cast<std::uint32_t>(entries_.size()));
  if (inserted) {
    entries_.emplace_back();
    stamp_.push_back(0);
  }
  return it->second;
}

std::uint32_t FlowState::findSlot(std::uint64_t key) const {
  auto it = slots_.find(key);
  return it == slots_.end() ? UINT32_MAX : it->second;
}

void FlowState::write(std::uint32_t slot, const FlowEntry &value) {
  if (openMarks_ > 0) journal_.push_back({slot, entries_[slot]});
  if (!accumulators_.empty() && reachable_) {
    auto [it, inserted] = accumulators_.back().values.try_emplace(slot, entries_[slot]);
    it->second.join(value);
  }
  entries_[slot] = value;
}

void FlowState::bind(std::uint32_t slot, Site site) {
  FlowEntry value;
  value.sites.assign(site);
  value.maybeUnbound = false;
  write(slot, value);
}

void FlowState::unbind(std::uint32_t slot) { write(slot, FlowEntry{}); }

void FlowState::set(std::uint32_t slot, const FlowEntry &value) { write(slot, value); }

FlowState::Mark FlowState::mark() {
  ++openMarks_;
  return {journal_.size(), reachable_};
}

void FlowState::release() {
  if (--openMarks_ == 0) journal_.clear();
}

FlowDiff FlowState::capture(const Mark &m) {
  FlowDiff diff;
  diff.reachable = reachable_;
  if (++stampGeneration_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    stampGeneration_ = 1;
  }
  for (std::size_t i = m.journal; i < journal_.size(); ++i) {
    std::uint32_t s = journal_[i].slot;
    if (stamp_[s] == stampGeneration_) continue;
    stamp_[s] = stampGeneration_;
    diff.entries.emplace_back(s, entries_[s]);
  }
  return diff;
}

void FlowState::rollback(const Mark &m) {
  while (journal_.size() > m.journal) {
    entries_[journal_.back().slot] = std::move(journal_.back().old);
    journal_.pop_back();
  }
  reachable_ = m.reachable;
}

void FlowState::merge(const std::vector<FlowDiff> &branches) {
  std::vector<const FlowDiff *> live;
  for (const FlowDiff &b : branches)
    if (b.reachable) live.push_back(&b);
  if (live.empty()) {
    reachable_ = false;
    return;
  }
  reachable_ = true;
  std::size_t changed = 0;
  for (const FlowDiff *b : live) changed += b->entries.size();
  if (changed == 0) return;
  // For each slot some branch changed: the join over branches, where a branch that did not
  // change it contributes the current value.
  std::unordered_map<std::uint32_t, std::pair<FlowEntry, std::size_t>> joined;
  for (const FlowDiff *b : live)
    for (const auto &[s, value] : b->entries) {
      auto [it, inserted] = joined.try_emplace(s, value, 1);
      if (inserted) continue;
      it->second.first.join(value);
      ++it->second.second;
    }
  std::vector<std::uint32_t> order;
  order.reserve(joined.size());
  for (const auto &[s, v] : joined) order.push_back(s);
  std::sort(order.begin(), order.end());
  for (std::uint32_t s : order) {
    auto &[value, count] = joined[s];
    if (count < live.size()) value.join(entries_[s]);
    if (!(value == entries_[s])) write(s, value);
  }
}

void FlowState::mergeIf(const FlowDiff &then, const FlowDiff &otherwise, std::uint32_t thenGuard,
                        std::uint32_t elseGuard) {
  if (!then.reachable || !otherwise.reachable || (thenGuard == 0 && elseGuard == 0))
    return merge({then, otherwise});
  std::unordered_map<std::uint32_t, FlowEntry> a, b;
  for (const auto &[s, v] : then.entries) a.emplace(s, v);
  for (const auto &[s, v] : otherwise.entries) b.emplace(s, v);
  std::vector<std::uint32_t> order;
  for (const auto &[s, v] : a) order.push_back(s);
  for (const auto &[s, v] : b)
    if (!a.contains(s)) order.push_back(s);
  std::sort(order.begin(), order.end());
  reachable_ = true;
  for (std::uint32_t s : order) {
    FlowEntry x = a.contains(s) ? a[s] : entries_[s];
    FlowEntry y = b.contains(s) ? b[s] : entries_[s];
    FlowEntry joined = x;
    joined.join(y);
    if (!x.maybeUnbound && y.maybeUnbound && y.guard == 0) joined.guard = thenGuard;
    if (x.maybeUnbound && !y.maybeUnbound && x.guard == 0) joined.guard = elseGuard;
    if (!(joined == entries_[s])) write(s, joined);
  }
}

void FlowState::pushAccumulator() { accumulators_.push_back({reachable_, {}}); }

FlowDiff FlowState::popAccumulator() {
  Accumulator acc = std::move(accumulators_.back());
  accumulators_.pop_back();
  FlowDiff diff;
  diff.reachable = acc.reachable;
  for (auto &[s, value] : acc.values) {
    if (!accumulators_.empty()) {
      auto [it, inserted] = accumulators_.back().values.try_emplace(s, value);
      if (!inserted) it->second.join(value);
    }
    diff.entries.emplace_back(s, std::move(value));
  }
  std::sort(diff.entries.begin(), diff.entries.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
  return diff;
}

} // namespace typhon::sema
