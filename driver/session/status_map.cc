#include "session/status_map.h"

namespace e6odbc::session {
namespace {

bool Contains(const grpc::Status& status, std::string_view needle) noexcept {
  return status.error_message().find(needle) != std::string::npos ||
         status.error_details().find(needle) != std::string::npos;
}

struct Rule {
  grpc::StatusCode code;
  const char* connect_state;  // while connecting / authenticating
  const char* query_state;    // any later call
  const char* what;           // leads the message
};

// One row per gRPC status code the driver distinguishes; any other code is
// 08001 while connecting and HY000 later. The Access-denied and 503 signals
// are checked before this table.
constexpr Rule kRules[] = {
    {grpc::StatusCode::UNAVAILABLE, "08001", "08S01", "cannot reach e6data"},
    {grpc::StatusCode::DEADLINE_EXCEEDED, "HYT00", "HYT00", "timeout expired"},
    {grpc::StatusCode::CANCELLED, "HY008", "HY008", "operation cancelled"},
    {grpc::StatusCode::UNAUTHENTICATED, "28000", "28000", "authentication failed"},
    // Later: a denied table or operation is ODBC's "access violation" (42000).
    {grpc::StatusCode::PERMISSION_DENIED, "28000", "42000", "permission denied"},
    {grpc::StatusCode::INVALID_ARGUMENT, "08001", "42000", "the engine rejected the statement"},
    {grpc::StatusCode::NOT_FOUND, "08001", "HY000", "not found"},
    {grpc::StatusCode::RESOURCE_EXHAUSTED, "08001", "HY000", "the engine ran out of resources"},
    {grpc::StatusCode::UNIMPLEMENTED, "08001", "HY000", "not implemented by the engine"},
};

}  // namespace

std::string DescribeStatus(const grpc::Status& status, std::string_view rpc) {
  return "e6data " + std::string(rpc) + ": " + status.error_message();
}

bool IsStrategyMismatch(const grpc::Status& status, bool any_code) noexcept {
  return (any_code || status.error_code() == grpc::StatusCode::UNKNOWN) && Contains(status, "status: 456");
}

bool IsAccessDenied(const grpc::Status& status) noexcept {
  return status.error_code() == grpc::StatusCode::INTERNAL && Contains(status, "Access denied");
}

bool IsClusterSuspended(const grpc::Status& status) noexcept {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE && Contains(status, "status: 503");
}

DriverError ToDriverError(const grpc::Status& status, std::string_view rpc, Phase phase, std::string_view endpoint) {
  const bool connecting = phase == Phase::kConnect;
  const std::string detail = DescribeStatus(status, rpc);
  const int native = static_cast<int>(status.error_code());
  if (IsClusterSuspended(status)) {
    return DriverError(connecting ? "08001" : "08S01", "the e6data cluster is suspended (" + detail + ")", native);
  }
  if (IsStrategyMismatch(status, /*any_code=*/true)) {
    return DriverError(connecting ? "08001" : "08S01",
                       "the e6data deployment no longer serves this strategy (a blue-green switch) (" + detail + ")",
                       native);
  }
  if (IsAccessDenied(status)) {
    // Later calls only get here once re-authenticating did not help (spec §8.5).
    return DriverError(connecting ? "28000" : "HY000", "access denied by e6data (" + detail + ")", native);
  }
  for (const Rule& rule : kRules) {
    if (rule.code != status.error_code()) continue;
    std::string what = rule.what;
    if (rule.code == grpc::StatusCode::UNAVAILABLE && connecting && !endpoint.empty()) {
      what += " at " + std::string(endpoint);
    }
    // The engine's own text is what the user needs; it is kept verbatim.
    return DriverError(connecting ? rule.connect_state : rule.query_state, what + ": " + detail, native);
  }
  return DriverError(connecting ? "08001" : "HY000", detail, native);
}

}  // namespace e6odbc::session
