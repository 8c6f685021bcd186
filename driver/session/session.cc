#include "session/session.h"

#include <vector>

#include "common/driver_error.h"
#include "common/text.h"
#include "session/channel.h"
#include "session/query.h"
#include "session/status_map.h"

namespace e6odbc::session {

Session::Session(SessionSettings settings, StrategyCache& strategies)
    : settings_(std::move(settings)), strategies_(strategies), stub_(std::make_unique<EngineStub>(settings_)) {
  settings_.cluster_name = ToLower(settings_.cluster_name);
}

Session::~Session() = default;

std::unique_ptr<Query> Session::NewQuery() { return std::make_unique<Query>(*this); }

const std::string& Session::SessionId() {
  EnsureAuthenticated();
  return session_id_;
}

void Session::Reauthenticate() {
  // A fresh channel as well: the old one may be bound to a node that dropped us (spec §8.5).
  session_id_.clear();
  stub_ = std::make_unique<EngineStub>(settings_);
  EnsureAuthenticated();
}

CallHeaders Session::Headers(std::optional<std::string> strategy, std::string planner_ip) const {
  return CallHeaders{settings_.cluster_name, std::move(strategy), std::move(planner_ip)};
}

void Session::EnsureAuthenticated() {
  if (!session_id_.empty()) return;
  const std::string endpoint = settings_.host + ":" + std::to_string(settings_.port);
  const auto failed = [&](const std::string& why) {
    return DriverError("28000", "authentication failed for user '" + settings_.user + "': " + why);
  };
  // Candidates per spec §9.2: the cached colour (T2), else detection blue then green (T1).
  std::vector<std::string> candidates;
  if (auto active = strategies_.active()) {
    candidates = {*active};
  } else {
    candidates = {"blue", "green"};
  }
  bool redetected = false;
  bool followed_announcement = false;
  std::string mismatch;  // the last 456 answer, if every candidate was refused with one
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::string& colour = candidates[i];
    AuthenticateRequest request;
    request.set_user(settings_.user);
    request.set_password(settings_.password);
    AuthenticateResponse response;
    auto context = MakeContext(Headers(colour, ""), settings_.login_timeout);
    const grpc::Status status = stub_->engine().authenticate(context.get(), request, &response);
    if (!status.ok()) {
      if (IsStrategyMismatch(status)) {
        if (candidates.size() == 1 && !redetected) {  // the cached colour is stale (T2 -> T1)
          strategies_.Clear();
          candidates = {"blue", "green"};
          redetected = true;
          i = static_cast<size_t>(-1);
        }
        mismatch = status.error_message();
        continue;
      }
      if (status.error_code() == grpc::StatusCode::UNAVAILABLE && !IsClusterSuspended(status)) {
        throw DriverError("08001", "cannot reach e6data at " + endpoint + ": " + status.error_message(),
                          static_cast<int>(status.error_code()));
      }
      DriverError error = ToDriverError(status, "authenticate", Phase::kConnect);
      if (error.sqlstate() == "28000") throw failed(error.what());
      throw error;
    }
    mismatch.clear();
    if (response.sessionid().empty()) continue;  // rejected credentials: try the next candidate (§8.4)
    const std::optional<std::string> announced = StrategyCache::Normalize(response.new_strategy());
    if (announced && *announced != colour && !followed_announcement) {
      // T4: the engine moved to another colour; authenticate there instead.
      strategies_.SetActive(*announced);
      candidates = {*announced};
      followed_announcement = true;
      i = static_cast<size_t>(-1);
      continue;
    }
    strategies_.SetActive(colour);
    session_id_ = response.sessionid();
    return;
  }
  if (!mismatch.empty()) {
    throw DriverError("08001", "e6data at " + endpoint + " refused both deployment strategies (blue, green): " + mismatch);
  }
  throw failed("invalid credentials");
}

}  // namespace e6odbc::session
