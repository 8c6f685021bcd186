// Query: one statement execution on the engine (protocol spec §3.3–§3.4):
// prepare → execute → getResultMetadata → getNextResultBatch until empty →
// clearOrCancelQuery. Knows nothing of ODBC.
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
  // prepareStatement, or prepareStatementV2 when a catalog is set. A query
  // prepared before is closed first. Throws DriverError: 42000 for SQL the
  // engine rejects (server message kept), 08S01 communication failure.
  void Prepare(std::string_view sql);

  // executeStatement(V2) then getResultMetadata. Requires Prepare().
  void Execute();

  const wire::ResultMetadata& metadata() const override { return metadata_; }
  std::optional<wire::ColumnBatch> NextBatch() override;
  void Close() noexcept override;

  const std::string& query_id() const noexcept { return query_id_; }

 private:
  grpc::Status PrepareCall();
  void PrepareOnce();  // prepare with recovery
  CallHeaders PerQueryHeaders() const;
  // Sets engineIP, sessionId and queryId, which every per-query request carries.
  template <typename Request>
  void Identify(Request& request);
  // Runs `call` (returning grpc::Status) and recovers from an expired session
  // or a strategy switch by re-authenticating (and re-preparing), spec §8.5.
  template <typename Call>
  void WithRecovery(const char* rpc, Call&& call);

  Session& session_;
  std::string text_;  // the pre-processed statement text
  std::string query_id_;
  std::string engine_ip_;
  bool executed_ = false;
  bool at_end_ = false;
  wire::ResultMetadata metadata_;
};

}  // namespace e6odbc::session
