// StrategyCache: the blue-green deployment strategy shared by every
// connection of the process (protocol spec §9). One instance per process,
// reached through ForProcess() (a never-destroyed function-local static, so
// unloading the driver runs no destructor in an undefined order); tests build
// their own and hand it to Session. All members are thread-safe.
#pragma once

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

  // Detection succeeded with `colour` (T1/T2): active := colour, pending cleared.
  void SetActive(const std::string& colour);
  // 456 on a cached strategy (T2/T10): forget active and pending (pins kept).
  void Clear();
  // A non-authenticate response announced `new_strategy` (T5): pending := Y
  // when Y differs from active. Empty / unknown values are ignored.
  void Announce(std::string_view new_strategy);
  // T6: pin query_id to the active strategy (if any).
  void Pin(const std::string& query_id);
  // T7: unpin; when nothing is pinned any more, apply a pending switch.
  void Unpin(const std::string& query_id);
  // Header value for a per-query call: the pin if present, else active.
  std::optional<std::string> ForQuery(const std::string& query_id) const;

 private:
  void ApplyPendingIfIdleLocked();

  mutable std::mutex mutex_;
  std::optional<std::string> active_;
  std::optional<std::string> pending_;
  std::map<std::string, std::string> pins_;
};

}  // namespace e6odbc::session
