// FakeEngine: an in-process, scriptable QueryEngineService for the session
// unit tests. It records every call (method, headers, ids) and answers from
// fields the test sets: authenticate via a callback, queued failures and
// delays per method, result batches served in order then an empty batch.
// FakeServer serves it on 127.0.0.1 with an ephemeral port.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "e6x_engine.grpc.pb.h"

namespace e6odbc::session::fake {

// The bytes of tests/fixtures/<name>.
std::string Fixture(const std::string& name);

// What the fake saw of one call. Absent headers read "(absent)".
struct RecordedCall {
  std::string method;
  std::string strategy;
  std::string cluster_name;
  std::string planner_ip;
  std::string session_id;  // request field, empty for authenticate
  std::string query_id;    // request field of per-query calls
  std::string engine_ip;   // request field of per-query calls
};

class FakeEngine final : public QueryEngineService::Service {
 public:
  using AuthenticateHandler = std::function<grpc::Status(const std::string& strategy, AuthenticateResponse*)>;

  FakeEngine();

  // --- script (set before the calls it affects; guarded by the same lock) ---
  // Default: OK with session id "s<n>" for the n-th authenticate call.
  void OnAuthenticate(AuthenticateHandler handler);
  // The next call of `method` fails with `status` (queued, one per call).
  void FailNext(const std::string& method, const grpc::Status& status);
  // Every call of `method` sleeps `delay` before answering (less if the
  // client cancels or its deadline passes).
  void Delay(const std::string& method, std::chrono::milliseconds delay);
  // new_strategy carried by every prepare / execute response ("" = none).
  void AnnounceOnPrepare(const std::string& colour);
  // Batches each query gets, in order, before the empty end batch.
  void ServeBatches(std::vector<std::string> batches);
  // new_strategy carried by every `every`-th getNextResultBatch response,
  // counted over all queries ("" or every <= 0 = none): a switch announced mid-stream.
  void AnnounceOnBatches(const std::string& colour, int every);
  // The deployment colours served: a call whose strategy header names another
  // colour gets the 456 signal, as from a blue-green routing layer (a call
  // without the header is served). Empty (the default) serves every colour.
  void Accept(std::vector<std::string> colours);

  // --- observations ---
  int Calls(const std::string& method) const;
  std::vector<RecordedCall> Log() const;
  // The last call of `method`; throws std::out_of_range when there was none.
  RecordedCall Last(const std::string& method) const;
  std::string last_user() const;
  std::string last_query_text() const;
  std::string last_schema() const;
  std::string last_catalog() const;
  // Per-query calls (execute, metadata, batches) whose strategy header
  // differed from the one their query was prepared with, as
  // "<prepare colour> -> <call colour>" (either may be "(absent)") and how often.
  std::map<std::string, int> ColourChangesWithinQueries() const;

  // --- QueryEngineService ---
  grpc::Status authenticate(grpc::ServerContext* c, const AuthenticateRequest* q, AuthenticateResponse* r) override;
  grpc::Status prepareStatement(grpc::ServerContext* c, const PrepareStatementRequest* q,
                                PrepareStatementResponse* r) override;
  grpc::Status prepareStatementV2(grpc::ServerContext* c, const PrepareStatementV2Request* q,
                                  PrepareStatementResponse* r) override;
  grpc::Status executeStatement(grpc::ServerContext* c, const ExecuteStatementRequest* q,
                                ExecuteStatementResponse* r) override;
  grpc::Status executeStatementV2(grpc::ServerContext* c, const ExecuteStatementV2Request* q,
                                  ExecuteStatementResponse* r) override;
  grpc::Status getResultMetadata(grpc::ServerContext* c, const GetResultMetadataRequest* q,
                                 GetResultMetadataResponse* r) override;
  grpc::Status getNextResultBatch(grpc::ServerContext* c, const GetNextResultBatchRequest* q,
                                  GetNextResultBatchResponse* r) override;
  grpc::Status clearOrCancelQuery(grpc::ServerContext* c, const ClearOrCancelQueryRequest* q,
                                  ClearOrCancelQueryResponse* r) override;
  grpc::Status cancelQuery(grpc::ServerContext* c, const CancelQueryRequest* q, CancelQueryResponse* r) override;

 private:
  // Records the call, sleeps its delay (lock released) and returns the queued
  // failure for `method`, or OK. Takes the lock itself.
  grpc::Status Begin(grpc::ServerContext* context, const std::string& method, const std::string& session_id = {},
                     const std::string& query_id = {}, const std::string& engine_ip = {});
  grpc::Status Prepared(grpc::ServerContext* context, PrepareStatementResponse* response);

  mutable std::mutex mutex_;
  AuthenticateHandler on_authenticate_;
  std::map<std::string, std::deque<grpc::Status>> failures_;
  std::map<std::string, std::chrono::milliseconds> delays_;
  std::string announce_;
  std::vector<std::string> batches_;
  std::map<std::string, size_t> next_batch_;  // per query id
  std::string announce_on_batches_;
  int announce_every_ = 0;
  int batches_served_ = 0;
  std::vector<std::string> accepted_;
  std::map<std::string, std::string> prepared_colour_;  // query id -> strategy header of its prepare
  std::map<std::string, int> colour_changes_;
  std::vector<RecordedCall> log_;
  std::string last_user_;
  std::string last_query_text_;
  std::string last_schema_;
  std::string last_catalog_;
  int prepared_ = 0;
};

// Serves `engine` on 127.0.0.1:<ephemeral port> until destroyed.
class FakeServer {
 public:
  explicit FakeServer(FakeEngine& engine);
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  int port() const noexcept { return port_; }

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace e6odbc::session::fake
