// Query: one statement execution on the engine (protocol spec §3.3–§3.4):
// prepare → execute → getResultMetadata → getNextResultBatch until empty →
// clearOrCancelQuery. Knows nothing of ODBC. Created by Session::NewQuery()
// and driven by one ODBC statement; not thread-safe, except control().Cancel(),
// which another thread may call to interrupt the running operation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "session/call_control.h"
#include "session/call_headers.h"
#include "session/result_source.h"

namespace grpc {
class ClientContext;
class Status;
}

namespace e6odbc::session {

class Session;

class Query : public ResultSource {
 public:
  explicit Query(Session& session);  // `session` must outlive the query
  ~Query() override;                 // Close()s

  // Pre-processes the text (§3.2: trim, drop one trailing `;`) and sends
  // prepareStatement, or prepareStatementV2 when the session has a catalog
  // (read now: executing uses the same one), both with
  // the prepare deadline. A query held from before is closed first. An expired
  // session or a strategy switch is recovered from (§8.5, at most 4 retries).
  // Throws DriverError: 42000 for SQL the engine rejects (server message
  // kept), 08S01 communication failure, HYT00/HYT01 deadline, HY008 cancelled
  // (the engine is then told with cancelQuery), HY000 otherwise;
  // 28000/08001 when re-authenticating fails. Messages name the query id.
  void Prepare(std::string_view sql);

  // executeStatement(V2) then getResultMetadata, recovering as Prepare() does
  // by rerunning from prepare. A query id serves one execution: executing
  // again prepares the text again. Throws DriverError as Prepare(); HY010
  // before any Prepare(); HY000 for malformed metadata.
  void Execute();

  const wire::ResultMetadata& metadata() const override { return metadata_; }
  // getNextResultBatch, never retried (a repeat could lose or repeat rows):
  // after a failed or cancelled batch every later call throws HY000.
  std::optional<wire::ColumnBatch> NextBatch() override;
  // clearOrCancelQuery (errors ignored, 10 s deadline) and unpin (§9 T7).
  void Close() noexcept override;

  const std::string& query_id() const noexcept { return query_id_; }

  // Deadlines and cancellation of the operation in progress: callers wrap each
  // ODBC function in an Operation on it; SQLCancel calls control().Cancel().
  CallControl& control() noexcept { return control_; }

 private:
  // Sends one call: headers, the earliest applicable deadline (`limit`, the
  // operation's, the connection's) and registration for cancellation.
  // `invoke(context)` performs the RPC. Remembers the deadline used.
  template <typename Invoke>
  grpc::Status Call(const char* rpc, const CallHeaders& headers, const Deadline& limit, Invoke&& invoke);
  // Throws the DriverError for a failed call of `rpc`. A cancelled or timed
  // out operation first tells the engine (cancelQuery) and drops the query.
  [[noreturn]] void Fail(const grpc::Status& status, const char* rpc);
  // One getNextResultBatch: the decoded Chunk, or nullopt for an empty answer.
  std::optional<wire::ColumnBatch> RequestBatch();
  // Marks the end of the data (and logs what was read).
  std::nullopt_t EndOfData();
  // cancelQuery for the held query id (best effort), then Forget().
  void Abandon() noexcept;
  // Sends clearOrCancelQuery / cancelQuery (`send`) for the held query id:
  // best effort, at most two attempts, each within 10 s and the connection's
  // request deadline. Never throws.
  template <typename Request, typename Response, typename Send>
  void Release(const char* rpc, Send&& send) noexcept;
  // One pass: prepare (unless a fresh query id is held) and, when `execute`,
  // execute + getResultMetadata. Returns the first failing call's status and
  // names that call in `rpc`; OK when all succeeded.
  // (Every call is logged at debug level with its duration.)
  grpc::Status Attempt(bool execute, const char*& rpc);
  // Attempt() with the recovery of spec §8.5.
  void RunWithRecovery(bool execute);
  grpc::Status PrepareCall();
  grpc::Status ExecuteCall();
  grpc::Status MetadataCall();
  // Drops the held query id (and its pin) without telling the engine: used
  // when the session it belonged to is gone.
  void Forget() noexcept;
  CallHeaders PerQueryHeaders() const;
  // Sets engineIP, sessionId and queryId, which every per-query request carries.
  template <typename Request>
  void Identify(Request& request);

  Session& session_;
  CallControl control_;
  Deadline last_deadline_;           // of the latest Call(), to explain DEADLINE_EXCEEDED
  std::optional<std::string> text_;  // the pre-processed text; nullopt before Prepare()
  std::string catalog_;              // the session's catalog when prepared: V2 calls when set
  std::string query_id_;
  std::string subject_;      // " [query id …]" while query_id_ is held: ends messages and log lines
  std::string session_id_;   // the session query_id_ was prepared in: kept even if the connection re-authenticates
  std::string engine_ip_;    // kept after Close(): the next prepare's plannerip (§3.5)
  bool executable_ = false;  // query_id_ is prepared and not yet executed
  bool executed_ = false;    // execute and metadata succeeded for query_id_
  bool at_end_ = false;
  std::chrono::steady_clock::time_point executed_at_;  // for the end-of-data log line
  int64_t batches_read_ = 0;
  int64_t rows_read_ = 0;
  std::string interrupted_;  // why the executed result can no longer be read; empty when it can
  wire::ResultMetadata metadata_;
};

}  // namespace e6odbc::session
