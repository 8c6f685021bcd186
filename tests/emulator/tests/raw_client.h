// A raw gRPC client for the emulator's self-tests: channels that get their own
// TCP connection, and the few calls most tests make (authenticate, prepare and
// execute, one batch, clear, the control service).
#pragma once

#include <grpcpp/grpcpp.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <chrono>
#include <memory>
#include <string>

#include "emulator.h"

namespace e6emu::testing {

// A channel with its own connection (no subchannel sharing with other channels to the
// same address), so that a dropped connection or a GOAWAY hits this channel only.
inline std::shared_ptr<grpc::Channel> OwnChannel(int port, grpc::ChannelArguments args = {},
                                                 std::shared_ptr<grpc::ChannelCredentials> credentials = nullptr) {
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetMaxReceiveMessageSize(-1);
  return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port),
                                   credentials ? credentials : grpc::InsecureChannelCredentials(), args);
}

// A context with a deadline, so that a hang fails the test instead of blocking it.
inline std::unique_ptr<grpc::ClientContext> Bounded(std::chrono::seconds limit = std::chrono::seconds(20)) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + limit);
  return context;
}

inline grpc::Status Authenticate(QueryEngineService::Stub& engine, std::string& session) {
  AuthenticateRequest request;
  request.set_user("demo@e6data.local");
  request.set_password("demo-token");
  AuthenticateResponse response;
  const grpc::Status status = engine.authenticate(Bounded().get(), request, &response);
  session = response.sessionid();
  return status;
}

// prepareStatement + executeStatement (V1); the query id, "" on failure.
inline std::string PrepareAndExecute(QueryEngineService::Stub& engine, const std::string& session,
                                     const std::string& sql) {
  PrepareStatementRequest prepare;
  prepare.set_sessionid(session);
  prepare.set_querystring(sql);
  PrepareStatementResponse prepared;
  if (!engine.prepareStatement(Bounded().get(), prepare, &prepared).ok()) return "";
  ExecuteStatementRequest execute;
  execute.set_sessionid(session);
  execute.set_queryid(prepared.queryid());
  ExecuteStatementResponse executed;
  if (!engine.executeStatement(Bounded().get(), execute, &executed).ok()) return "";
  return prepared.queryid();
}

// One getNextResultBatch; the raw bytes of resultBatch in `batch`.
inline grpc::Status NextBatch(QueryEngineService::Stub& engine, const std::string& session, const std::string& query,
                              std::string& batch) {
  GetNextResultBatchRequest request;
  request.set_sessionid(session);
  request.set_queryid(query);
  GetNextResultBatchResponse response;
  const grpc::Status status = engine.getNextResultBatch(Bounded().get(), request, &response);
  batch = std::move(*response.mutable_resultbatch());
  return status;
}

inline e6x::vectors::Chunk Decode(std::string bytes) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(reinterpret_cast<uint8_t*>(bytes.data()),
                                                                            static_cast<uint32_t>(bytes.size()));
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  e6x::vectors::Chunk chunk;
  chunk.read(&protocol);
  return chunk;
}

inline grpc::Status Clear(QueryEngineService::Stub& engine, const std::string& session, const std::string& query) {
  ClearOrCancelQueryRequest request;
  request.set_sessionid(session);
  request.set_queryid(query);
  ClearOrCancelQueryResponse response;
  return engine.clearOrCancelQuery(Bounded().get(), request, &response);
}

inline StatsResponse Stats(EmulatorControl::Stub& control) {
  StatsResponse response;
  control.stats(Bounded().get(), StatsRequest(), &response);
  return response;
}

inline grpc::Status Configure(EmulatorControl::Stub& control, const ConfigureRequest& request) {
  ConfigureResponse response;
  return control.configure(Bounded().get(), request, &response);
}

// Lower-case hex of `bytes`, for comparing encoded messages with the spec's vectors.
inline std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    out += kDigits[(static_cast<unsigned char>(c) >> 4) & 0xF];
    out += kDigits[static_cast<unsigned char>(c) & 0xF];
  }
  return out;
}

}  // namespace e6emu::testing
