#include "session/status_map.h"

namespace e6odbc::session {
namespace {

bool Contains(const grpc::Status& status, std::string_view needle) {
  return status.error_message().find(needle) != std::string::npos ||
         status.error_details().find(needle) != std::string::npos;
}

struct Rule {
  grpc::StatusCode code;
  const char* connect_state;
  const char* query_state;
  const char* what;
};

// One row per gRPC status code the driver distinguishes.
constexpr Rule kRules[] = {
    {grpc::StatusCode::UNAVAILABLE, "08001", "08S01", "cannot reach e6data"},
    {grpc::StatusCode::DEADLINE_EXCEEDED, "HYT00", "HYT00", "timeout expired"},
    {grpc::StatusCode::CANCELLED, "HY008", "HY008", "operation cancelled"},
    {grpc::StatusCode::UNAUTHENTICATED, "28000", "28000", "authentication failed"},
    {grpc::StatusCode::PERMISSION_DENIED, "28000", "42000", "permission denied"},
    {grpc::StatusCode::INVALID_ARGUMENT, "08001", "42000", "the engine rejected the request"},
    {grpc::StatusCode::NOT_FOUND, "08001", "HY000", "not found"},
    {grpc::StatusCode::RESOURCE_EXHAUSTED, "08001", "HY000", "resource exhausted"},
    {grpc::StatusCode::UNIMPLEMENTED, "08001", "HY000", "not implemented by the engine"},
};

}  // namespace

bool IsStrategyMismatch(const grpc::Status& status) noexcept { return Contains(status, "status: 456"); }

bool IsAccessDenied(const grpc::Status& status) noexcept {
  return status.error_code() == grpc::StatusCode::INTERNAL && Contains(status, "Access denied");
}

bool IsClusterSuspended(const grpc::Status& status) noexcept {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE && Contains(status, "status: 503");
}

DriverError ToDriverError(const grpc::Status& status, std::string_view rpc, Phase phase) {
  const std::string detail = "e6data " + std::string(rpc) + ": " + status.error_message();
  const int native = static_cast<int>(status.error_code());
  if (IsClusterSuspended(status)) {
    return DriverError(phase == Phase::kConnect ? "08001" : "08S01",
                       "the e6data cluster is suspended (" + detail + ")", native);
  }
  if (IsAccessDenied(status)) {
    return DriverError(phase == Phase::kConnect ? "28000" : "08S01", "access denied (" + detail + ")", native);
  }
  for (const Rule& rule : kRules) {
    if (rule.code == status.error_code()) {
      // The engine's own text is what the user needs; keep it verbatim.
      return DriverError(phase == Phase::kConnect ? rule.connect_state : rule.query_state,
                         std::string(rule.what) + ": " + detail, native);
    }
  }
  return DriverError(phase == Phase::kConnect ? "08001" : "HY000", detail, native);
}

}  // namespace e6odbc::session
