// Query: one statement execution on the engine (protocol spec §3.3–§3.4):
// prepare → execute → getResultMetadata → getNextResultBatch until empty →
// clearOrCancelQuery. Knows nothing of ODBC. Created by Session::NewQuery()
// and driven by one ODBC statement; not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "session/call_headers.h"
#include "session/result_source.h"

namespace grpc {
class Status;
}

namespace e6odbc::session {

class Session;

class Query : public ResultSource {
 public:
  explicit Query(Session& session);  // `session` must outlive the query
  ~Query() override;                 // Close()s

  // Pre-processes the text (§3.2: trim, drop one trailing `;`) and sends
  // prepareStatement, or prepareStatementV2 when a catalog is set, both with
  // the prepare deadline. A query held from before is closed first. An expired
  // session or a strategy switch is recovered from (§8.5, at most 4 retries).
  // Throws DriverError: 42000 for SQL the engine rejects (server message
  // kept), 08S01 communication failure, HYT00 deadline, HY000 otherwise;
  // 28000/08001 when re-authenticating fails.
  void Prepare(std::string_view sql);

  // executeStatement(V2) then getResultMetadata, recovering as Prepare() does
  // by rerunning from prepare. A query id serves one execution: executing
  // again prepares the text again. Throws DriverError as Prepare(); HY010
  // before any Prepare(); HY000 for malformed metadata.
  void Execute();

  const wire::ResultMetadata& metadata() const override { return metadata_; }
  // getNextResultBatch, never retried (a repeat could lose or repeat rows).
  std::optional<wire::ColumnBatch> NextBatch() override;
  // clearOrCancelQuery (errors ignored, 10 s deadline) and unpin (§9 T7).
  void Close() noexcept override;

  const std::string& query_id() const noexcept { return query_id_; }

 private:
  // One pass: prepare (unless a fresh query id is held) and, when `execute`,
  // execute + getResultMetadata. Returns the first failing call's status and
  // names that call in `rpc`; OK when all succeeded.
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
  std::optional<std::string> text_;  // the pre-processed text; nullopt before Prepare()
  std::string query_id_;
  std::string engine_ip_;    // kept after Close(): the next prepare's plannerip (§3.5)
  bool executable_ = false;  // query_id_ is prepared and not yet executed
  bool executed_ = false;    // execute and metadata succeeded for query_id_
  bool at_end_ = false;
  wire::ResultMetadata metadata_;
};

}  // namespace e6odbc::session
