// The gRPC side of a session: channel creation (credentials and the channel
// arguments of protocol spec §10.2) and per-call contexts carrying the
// protocol's headers (§3.5) and deadlines.
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

std::shared_ptr<grpc::Channel> CreateEngineChannel(const SessionSettings& settings);

// A context with the headers set and, when `timeout` is positive, a deadline.
std::unique_ptr<grpc::ClientContext> MakeContext(const CallHeaders& headers, std::chrono::milliseconds timeout);

// The channel and stub of one session.
class EngineStub {
 public:
  explicit EngineStub(const SessionSettings& settings);
  QueryEngineService::Stub& engine() { return *stub_; }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<QueryEngineService::Stub> stub_;
};

}  // namespace e6odbc::session
