#include "session/session.h"

#include <deque>

#include "common/driver_error.h"
#include "common/text.h"
#include "session/channel.h"
#include "session/cluster_resume.h"
#include "session/query.h"
#include "session/status_map.h"

#include "e6x_engine.grpc.pb.h"

namespace e6odbc::session {

Session::Session(SessionSettings settings, StrategyCache& strategies)
    : settings_(std::move(settings)),
      strategies_(strategies),
      stub_(std::make_unique<EngineStub>(settings_)),
      catalog_(settings_.catalog) {
  settings_.cluster_name = ToLower(settings_.cluster_name);
}

Session::~Session() = default;

std::unique_ptr<Query> Session::NewQuery() { return std::make_unique<Query>(*this); }

const std::string& Session::SessionId() {
  EnsureAuthenticated();
  return session_id_;
}

const std::string& Session::SessionIdForNewQuery() {
  if (!session_id_.empty() && strategies_.generation() != generation_) {
    settings_.log->Write(LogLevel::kInfo, "the deployment strategy switched to " +
                                              strategies_.active().value_or("(unknown)") + ": authenticating again");
    Reauthenticate();
  }
  return SessionId();
}

void Session::Reauthenticate() {
  // A fresh channel as well: the old one may be bound to a node that dropped us (spec §8.5).
  session_id_.clear();
  stub_ = std::make_unique<EngineStub>(settings_);
  EnsureAuthenticated();
}

Deadline Session::ResumeBudget() const {
  const std::chrono::seconds budget = settings_.auto_resume_timeout;
  return Deadline::After(budget, "08001", "AUTO_RESUME_TIMEOUT of " + std::to_string(budget.count()) + " s");
}

void Session::ResumeCluster(const Deadline& bound) {
  session::ResumeCluster(settings_, strategies_.active().value_or("blue"), Deadline::Earliest(ResumeBudget(), bound));
}

bool Session::Reachable() {
  auto context = MakeContext(Headers(strategies_.active(), ""), std::chrono::seconds(2));
  HealthCheckRequest request;
  HealthCheckResponse response;
  const grpc::Status status = stub_->engine().healthCheck(context.get(), request, &response);
  return status.error_code() != grpc::StatusCode::UNAVAILABLE &&
         status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED;
}

Deadline Session::RequestDeadline() const {
  const std::chrono::seconds rpc = settings_.rpc_timeout;
  const std::chrono::seconds request(request_timeout_seconds_.load());
  return Deadline::Earliest(
      Deadline::After(rpc, "HYT00", "RPC_TIMEOUT of " + std::to_string(rpc.count()) + " s"),
      Deadline::After(request, "HYT01",
                      "the connection timeout (SQL_ATTR_CONNECTION_TIMEOUT) of " + std::to_string(request.count()) + " s"));
}

CallHeaders Session::Headers(std::optional<std::string> strategy, std::string planner_ip) const {
  return CallHeaders{settings_.cluster_name, std::move(strategy), std::move(planner_ip)};
}

grpc::Status Session::Authenticate(const std::string& colour, const Deadline& login,
                                   AuthenticateResponse& response) {
  AuthenticateRequest request;
  request.set_user(settings_.user);
  request.set_password(settings_.password);
  auto context = MakeContext(Headers(colour, ""), login.Remaining());
  const auto started = std::chrono::steady_clock::now();
  const grpc::Status status = stub_->engine().authenticate(context.get(), request, &response);
  const Logger& log = *settings_.log;
  if (log.enabled(LogLevel::kInfo)) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    // The user, never the password; nor the session id, which works as a token.
    log.Write(LogLevel::kInfo, "authenticate user '" + settings_.user + "' at " + settings_.host + ":" +
                                   std::to_string(settings_.port) + " with strategy " + colour + ": " +
                                   std::to_string(ms) + " ms, " +
                                   (status.ok() ? (response.sessionid().empty() ? std::string("no session granted")
                                                                                : std::string("session granted"))
                                                : DescribeStatus(status, "authenticate")));
  }
  return status;
}

void Session::EnsureAuthenticated() {
  if (!session_id_.empty()) return;
  const std::string endpoint = settings_.host + ":" + std::to_string(settings_.port);
  // Names the user, never the password.
  const auto failed = [&](const std::string& why, int native) {
    return DriverError("28000", "authentication failed for user '" + settings_.user + "': " + why, native);
  };
  // Spec §9.2: try the cached colour (T2), else detect: blue, then green (T1).
  const std::deque<std::string> detection = {"blue", "green"};
  strategies_.ApplyPending();  // T3
  const std::optional<std::string> cached = strategies_.ActiveNoOlderThan(settings_.strategy_max_age);
  std::deque<std::string> candidates = cached ? std::deque<std::string>{*cached} : detection;
  bool may_redetect = cached.has_value();
  bool may_follow_announcement = true;
  bool may_resume = settings_.auto_resume;
  const Deadline login = Deadline::After(
      settings_.login_timeout, "HYT00",
      "the login timeout (SQL_ATTR_LOGIN_TIMEOUT) of " + std::to_string(settings_.login_timeout.count()) + " s");
  std::string mismatch;  // the last 456 answer, while every candidate refused with one
  while (!candidates.empty()) {
    const std::string colour = candidates.front();
    candidates.pop_front();
    AuthenticateResponse response;
    const grpc::Status status = Authenticate(colour, login, response);
    if (IsClusterSuspended(status) && may_resume) {
      may_resume = false;
      settings_.log->Write(LogLevel::kInfo, "the cluster is suspended: resuming it (AUTO_RESUME)");
      session::ResumeCluster(settings_, colour, Deadline::Earliest(ResumeBudget(), login));
      candidates.push_front(colour);  // then the same colour again (spec §8.4 Rec, unlike the reference)
      continue;
    }
    if (IsStrategyMismatch(status)) {
      mismatch = status.error_message();
      if (may_redetect) {  // the cached colour is stale: forget it and detect (T2 -> T1)
        strategies_.Clear();
        // The colour that was just refused goes last rather than being asked twice in a row.
        candidates = colour == detection.front() ? std::deque<std::string>{detection.back(), colour} : detection;
        may_redetect = false;
      }
      continue;
    }
    if (!status.ok()) {
      DriverError error = ToDriverError(status, "authenticate", Phase::kConnect, endpoint);
      if (error.sqlstate() == "28000") throw failed(DescribeStatus(status, "authenticate"), error.native());
      throw error;
    }
    mismatch.clear();
    if (response.sessionid().empty()) continue;  // credentials refused here: try the next candidate (§8.4)
    const std::optional<std::string> announced = StrategyCache::Normalize(response.new_strategy());
    if (announced && *announced != colour && may_follow_announcement) {
      // T4: the engine moved to another colour; authenticate there instead.
      strategies_.SetActive(*announced);
      candidates = {*announced};
      may_follow_announcement = false;
      continue;
    }
    if (strategies_.active() != colour) {
      settings_.log->Write(LogLevel::kInfo, "deployment strategy is now " + colour);
    }
    generation_ = strategies_.SetActive(colour);
    colour_ = colour;
    session_id_ = response.sessionid();
    return;
  }
  if (!mismatch.empty()) {
    throw DriverError("08001",
                      "e6data at " + endpoint + " refused both deployment strategies (blue, green): " + mismatch);
  }
  throw failed("invalid credentials", 0);
}

std::string Session::catalog() const {
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  return catalog_;
}

void Session::set_catalog(std::string catalog) {
  std::lock_guard<std::mutex> lock(catalog_mutex_);
  catalog_ = std::move(catalog);
}

}  // namespace e6odbc::session
