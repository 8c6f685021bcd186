#include "session/strategy_cache.h"

#include <new>

#include "common/text.h"

namespace e6odbc::session {

StrategyCache& StrategyCache::ForProcess() {
  // Never destroyed: unloading the driver must not run this destructor while
  // another thread (or another static's destructor) still uses it.
  alignas(StrategyCache) static unsigned char storage[sizeof(StrategyCache)];
  static StrategyCache* const cache = new (storage) StrategyCache();
  return *cache;
}

std::optional<std::string> StrategyCache::Normalize(std::string_view value) {
  std::string lower = ToLower(Trim(value));
  if (lower == "blue" || lower == "green") return lower;
  return std::nullopt;
}

std::optional<std::string> StrategyCache::active() const {
  std::lock_guard lock(mutex_);
  return active_;
}

std::optional<std::string> StrategyCache::pending() const {
  std::lock_guard lock(mutex_);
  return pending_;
}

std::optional<std::string> StrategyCache::ActiveNoOlderThan(std::chrono::seconds max_age) const {
  std::lock_guard lock(mutex_);
  if (max_age.count() > 0 && std::chrono::steady_clock::now() - active_since_ > max_age) return std::nullopt;
  return active_;
}

uint64_t StrategyCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

uint64_t StrategyCache::SetActive(const std::string& colour) {
  std::lock_guard lock(mutex_);
  SetActiveLocked(Normalize(colour));
  pending_.reset();
  return generation_;
}

void StrategyCache::SetActiveLocked(std::optional<std::string> colour) {
  if (!colour) return;
  // Compared with the last colour known, so that a switch found by detecting
  // again after a 456 (which clears active) counts too.
  if (!last_active_.empty() && *colour != last_active_) ++generation_;
  last_active_ = *colour;
  active_ = std::move(colour);
  active_since_ = std::chrono::steady_clock::now();
}

void StrategyCache::Clear() {
  std::lock_guard lock(mutex_);
  active_.reset();
  pending_.reset();
}

void StrategyCache::Announce(std::string_view new_strategy) {
  const std::optional<std::string> colour = Normalize(new_strategy);
  if (!colour) return;
  std::lock_guard lock(mutex_);
  if (colour != active_) {
    pending_ = colour;
  } else {
    pending_.reset();
  }
  ApplyPendingIfIdleLocked();
}

void StrategyCache::Pin(const std::string& query_id) {
  std::lock_guard lock(mutex_);
  if (active_ && !query_id.empty()) pins_[query_id] = *active_;
}

void StrategyCache::Unpin(const std::string& query_id) {
  std::lock_guard lock(mutex_);
  pins_.erase(query_id);
  ApplyPendingIfIdleLocked();
}

void StrategyCache::ApplyPending() {
  std::lock_guard lock(mutex_);
  if (!pending_) return;
  SetActiveLocked(std::move(pending_));
  pending_.reset();
}

void StrategyCache::Pin(const std::string& query_id, const std::string& colour) {
  const std::optional<std::string> normal = Normalize(colour);
  if (!normal || query_id.empty()) return;
  std::lock_guard lock(mutex_);
  pins_[query_id] = *normal;
}

std::optional<std::string> StrategyCache::ForQuery(const std::string& query_id) const {
  std::lock_guard lock(mutex_);
  const auto pin = pins_.find(query_id);
  if (pin != pins_.end()) return pin->second;
  return active_;
}

void StrategyCache::ApplyPendingIfIdleLocked() {
  if (pending_ && pins_.empty()) {
    SetActiveLocked(std::move(pending_));
    pending_.reset();
  }
}

}  // namespace e6odbc::session
