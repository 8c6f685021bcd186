// StrategyCache: the blue-green deployment strategy shared by every
// connection of the process (protocol spec §9). One instance per process,
// reached through ForProcess() (a never-destroyed function-local static, so
// unloading the driver runs no destructor in an undefined order); tests build
// their own and hand it to Session. All members are thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace e6odbc::session {

class StrategyCache {
 public:
  static StrategyCache& ForProcess();

  // Lower-cases `value`; returns it when it is "blue" or "green", else nullopt.
  static std::optional<std::string> Normalize(std::string_view value);

  std::optional<std::string> active() const;
  std::optional<std::string> pending() const;
  // The active colour unless it was set more than `max_age` ago (0 = it never
  // ages: the reference's behaviour). For choosing the colour to authenticate
  // with; the optional expiry of spec §9.2 Rec (c), 300 s in the reference's docs.
  std::optional<std::string> ActiveNoOlderThan(std::chrono::seconds max_age) const;

  // Counts switches of the active colour. A session remembers the generation
  // it authenticated under and re-authenticates once when it changed before
  // its next new query (T8/T9, with the spec's Rec (b): every connection
  // once, not only the first to notice).
  uint64_t generation() const;

  // Detection succeeded with `colour` (T1/T2), or an authenticate response
  // announced it (T4): active := colour, pending cleared; a different colour
  // than before is a switch (generation + 1).
  // Returns the generation after the change, read under the same lock, so a
  // session records exactly the generation its colour belongs to.
  uint64_t SetActive(const std::string& colour);
  // 456 on a cached strategy (T2/T10): forget active and pending (pins kept).
  void Clear();
  // A non-authenticate response announced `new_strategy` (T5): pending := Y
  // when Y differs from active. Empty / unknown values are ignored.
  void Announce(std::string_view new_strategy);
  // T6: pin query_id to the active strategy (if any).
  void Pin(const std::string& query_id);
  // T6 with the colour the prepare was actually sent with: the query stays
  // there even if another connection switched or cleared the cache meanwhile.
  void Pin(const std::string& query_id, const std::string& colour);
  // T3: a connection about to authenticate takes a pending switch at once
  // (in-flight queries keep their pinned colour). No-op without one.
  void ApplyPending();
  // T7: unpin; when nothing is pinned any more, apply a pending switch
  // (active := pending, generation + 1). Announce() applies at once when nothing is pinned.
  void Unpin(const std::string& query_id);
  // Header value for a per-query call: the pin if present, else active.
  std::optional<std::string> ForQuery(const std::string& query_id) const;

 private:
  void ApplyPendingIfIdleLocked();
  void SetActiveLocked(std::optional<std::string> colour);

  mutable std::mutex mutex_;
  std::optional<std::string> active_;
  std::optional<std::string> pending_;
  std::map<std::string, std::string> pins_;
  std::string last_active_;  // survives Clear(): tells a switch from a re-detection of the same colour
  std::chrono::steady_clock::time_point active_since_;
  uint64_t generation_ = 0;
};

}  // namespace e6odbc::session
