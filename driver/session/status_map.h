// The one place where gRPC outcomes become DriverErrors with SQLSTATEs, and
// where the protocol's error signatures (spec §8.1) are recognised. Used by
// Session (authentication) and Query (every per-query call); gRPC-facing, so
// only this folder includes it.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

#include "common/driver_error.h"

namespace e6odbc::session {

// Which part of a connection's life a call belongs to: failures while
// connecting are 08001/28000/HYT00, later ones 08S01/42000/HY008/HY000...
enum class Phase { kConnect, kQuery };

// "e6data <rpc>: <server message>" — the operation and the engine's own words.
std::string DescribeStatus(const grpc::Status& status, std::string_view rpc);

// Maps a failed `status` of the call `rpc` ("prepareStatementV2") to the
// DriverError the application sees; the message always contains
// DescribeStatus(). `endpoint` ("host:port") is named when the engine cannot
// be reached while connecting. The native code is the gRPC status code.
// Never throws other than std::bad_alloc.
DriverError ToDriverError(const grpc::Status& status, std::string_view rpc, Phase phase,
                          std::string_view endpoint = {});

// The 456 signal of a wrong `strategy` header (spec §8.1): "status: 456" in the
// message or details, with code UNKNOWN — or with any code when `any_code`
// (the retry of prepare/execute/getResultMetadata checks only the text, §8.5).
bool IsStrategyMismatch(const grpc::Status& status, bool any_code = false) noexcept;
// INTERNAL with "Access denied": the session expired or is unknown.
bool IsAccessDenied(const grpc::Status& status) noexcept;
// UNAVAILABLE with "status: 503": the cluster is suspended.
bool IsClusterSuspended(const grpc::Status& status) noexcept;

}  // namespace e6odbc::session
