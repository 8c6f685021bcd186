// The one place where gRPC outcomes become DriverErrors with SQLSTATEs, and
// where the protocol's error signatures (spec §8.1) are recognised.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "common/driver_error.h"

namespace e6odbc::session {

// Which part of a connection's life a call belongs to: failures while
// connecting are 08001/28000, later ones 08S01/42000/...
enum class Phase { kConnect, kQuery };

// `rpc` names the call in the message ("e6data prepareStatementV2: ...").
DriverError ToDriverError(const grpc::Status& status, std::string_view rpc, Phase phase);

// UNKNOWN (or, for prepare/execute, any code) with "status: 456" (spec §8.1).
bool IsStrategyMismatch(const grpc::Status& status) noexcept;
// INTERNAL with "Access denied": the session expired or is unknown.
bool IsAccessDenied(const grpc::Status& status) noexcept;
// UNAVAILABLE with "status: 503": the cluster is suspended.
bool IsClusterSuspended(const grpc::Status& status) noexcept;

}  // namespace e6odbc::session
