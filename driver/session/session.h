// Session: one connection to an e6data endpoint — a gRPC channel, the
// credentials and the engine session id. Authentication is lazy (protocol spec
// §3.1): the first call that needs a session id authenticates; the ODBC layer
// asks for it at connect time so that bad credentials fail SQLConnect.
// Knows nothing of ODBC. Not thread-safe except where a method says so.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "session/call_control.h"
#include "session/call_headers.h"
#include "session/session_settings.h"
#include "session/strategy_cache.h"

class AuthenticateResponse;
namespace grpc {
class Status;
}

namespace e6odbc::session {

class Query;
class EngineStub;  // gRPC stub and channel, defined in channel.h

class Session {
 public:
  // Opens the channel (no RPC is sent). `strategies` must outlive the session.
  explicit Session(SessionSettings settings, StrategyCache& strategies = StrategyCache::ForProcess());
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Authenticates unless a session id is held (strategy detection per §9); a
  // suspended cluster is resumed first when settings().auto_resume (§8.3).
  // Throws DriverError: 28000 bad credentials, 08001 endpoint unreachable,
  // TLS failure or cluster suspended, HYT00 login timeout.
  void EnsureAuthenticated();

  // Current engine session id (authenticating first if needed).
  const std::string& SessionId();
  // The session id for a new query: as SessionId(), but first re-authenticates
  // once if the deployment colour switched since this session authenticated
  // (spec §9.2 T8/T9). In-flight queries keep the id they were prepared with.
  const std::string& SessionIdForNewQuery();
  // The colour this session authenticated with: the strategy a new query is
  // prepared (and pinned) with, consistent with SessionIdForNewQuery().
  const std::string& colour() const noexcept { return colour_; }

  // Drops the session id, opens a fresh channel and authenticates again
  // (expired session, strategy switch: spec §8.5). Throws as EnsureAuthenticated.
  void Reauthenticate();

  // SQL_ATTR_CONNECTION_DEAD: whether the endpoint still answers, probed with
  // one healthCheck call (2 s deadline). Any answer, even UNIMPLEMENTED or a
  // 456, proves the peer is there; only a transport failure or no answer does not.
  bool Reachable();

  // Auto-resume (spec §8.3) within AUTO_RESUME_TIMEOUT and `bound`; throws
  // as ResumeCluster(). For a query that found the cluster suspended.
  void ResumeCluster(const Deadline& bound);

  // A new query bound to this session; nothing is sent until Prepare().
  std::unique_ptr<Query> NewQuery();

  // The headers of a call made with `strategy` for a query on `planner_ip`.
  CallHeaders Headers(std::optional<std::string> strategy, std::string planner_ip) const;

  // SQL_ATTR_CONNECTION_TIMEOUT: every request of the connection must finish
  // within `timeout` (0 = none), else HYT01. Thread-safe.
  void set_request_timeout(std::chrono::seconds timeout) noexcept { request_timeout_seconds_ = timeout.count(); }
  // The deadline a request sent now must meet: RPC_TIMEOUT (HYT00) or the
  // connection timeout (HYT01), whichever is earlier; unlimited when neither is set.
  Deadline RequestDeadline() const;

  // The catalog queries and catalog calls use (SQL_ATTR_CURRENT_CATALOG may
  // change it after connecting; settings().catalog is the one connected with).
  // Empty: the V1 calls, the engine's default catalog. Thread-safe; a query
  // reads it once, when it is prepared.
  std::string catalog() const;
  void set_catalog(std::string catalog);

  const SessionSettings& settings() const noexcept { return settings_; }
  StrategyCache& strategies() noexcept { return strategies_; }
  EngineStub& stub() noexcept { return *stub_; }

 private:
  Deadline ResumeBudget() const;  // AUTO_RESUME_TIMEOUT from now
  // One authenticate call with `colour` as the strategy header, bounded by `login`.
  grpc::Status Authenticate(const std::string& colour, const Deadline& login, AuthenticateResponse& response);

  SessionSettings settings_;
  StrategyCache& strategies_;
  std::unique_ptr<EngineStub> stub_;
  std::string session_id_;
  std::string colour_;       // the strategy session_id_ was granted on
  uint64_t generation_ = 0;  // StrategyCache::generation() when session_id_ was obtained
  std::atomic<int64_t> request_timeout_seconds_{0};
  mutable std::mutex catalog_mutex_;
  std::string catalog_;
};

}  // namespace e6odbc::session
