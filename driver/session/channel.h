// The gRPC side of a session: channel creation (credentials and the channel
// arguments of protocol spec §10.2) and per-call contexts carrying the
// protocol's headers (§3.5) and deadlines. Used by Session and Query only;
// the one header besides status_map.h that exposes gRPC types.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "e6x_engine.grpc.pb.h"
#include "session/call_headers.h"
#include "session/session_settings.h"

namespace e6odbc::session {

// A channel to host:port: plaintext, or TLS with the system trust roots when
// settings.secure. Connects lazily (the first call does), so it never fails
// here; an unreachable endpoint surfaces as UNAVAILABLE on that call.
std::shared_ptr<grpc::Channel> CreateEngineChannel(const SessionSettings& settings);

// A context for one call (caller owns it; use it for that call only) with the
// non-empty headers set — a strategy other than blue/green is dropped — and,
// when `timeout` is positive, a deadline of now + timeout.
std::unique_ptr<grpc::ClientContext> MakeContext(const CallHeaders& headers, std::chrono::milliseconds timeout);

// The channel and stub of one session; replaced wholesale when the session
// re-authenticates. Thread-safe as gRPC stubs are.
class EngineStub {
 public:
  explicit EngineStub(const SessionSettings& settings);
  QueryEngineService::Stub& engine() { return *stub_; }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<QueryEngineService::Stub> stub_;
};

}  // namespace e6odbc::session
