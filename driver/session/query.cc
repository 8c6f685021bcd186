#include "session/query.h"

#include "common/driver_error.h"
#include "session/channel.h"
#include "session/engine_call.h"
#include "session/open_queries.h"
#include "session/query_text.h"
#include "session/session.h"
#include "session/status_map.h"
#include "wire/decode_error.h"

namespace e6odbc::session {
namespace {

// Clearing and cancelling must not hang on an engine that stopped answering.
constexpr std::chrono::milliseconds kControlDeadline{10000};

int64_t ElapsedMs(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

template <typename Request>
void Query::Identify(Request& request) {
  request.set_engineip(engine_ip_);
  request.set_sessionid(session_id_);
  request.set_queryid(query_id_);
}

template <typename Invoke>
grpc::Status Query::Call(const char* rpc, const CallHeaders& headers, const Deadline& limit, Invoke&& invoke) {
  return SendEngineCall(session_, control_, rpc, subject_, headers, limit, last_deadline_,
                        std::forward<Invoke>(invoke));
}

void Query::Fail(const grpc::Status& status, const char* rpc) {
  if (executed_) interrupted_ = std::string("e6data ") + rpc + " failed";
  const DriverError error = CallError(status, control_, last_deadline_, rpc, subject_);
  if (IsInterruption(status, control_, last_deadline_)) {
    // The engine would otherwise keep working on a query nobody waits for.
    session_.settings().log->Write(LogLevel::kWarning, error.sqlstate() + " " + error.what() + "; sending cancelQuery");
    Abandon();
  } else {
    session_.settings().log->Write(LogLevel::kError, error.sqlstate() + " " + error.what());
  }
  throw error;
}

void Query::Abandon() noexcept {
  if (query_id_.empty()) return;
  Release<CancelQueryRequest, CancelQueryResponse>(
      "cancelQuery", [this](grpc::ClientContext& context, const auto& request, auto& response) {
        return session_.stub().engine().cancelQuery(&context, request, &response);
      });
  Forget();
}
Query::Query(Session& session) : session_(session) {}

Query::~Query() { Close(); }

CallHeaders Query::PerQueryHeaders() const {
  return session_.Headers(session_.strategies().ForQuery(query_id_), engine_ip_);
}

void Query::Prepare(std::string_view sql) {
  Close();
  interrupted_.clear();
  text_ = PrepareQueryText(sql);
  catalog_ = session_.catalog();
  metadata_ = {};
  RunWithRecovery(/*execute=*/false);
}

void Query::Execute() {
  if (!text_) throw DriverError("HY010", "function sequence error: execute before prepare");
  if (!executable_) Close();  // the held id was used already: prepare again
  interrupted_.clear();
  metadata_ = {};
  RunWithRecovery(/*execute=*/true);
}

void Query::RunWithRecovery(bool execute) {
  // Unlike the reference, a cluster that suspended itself while the
  // connection sat idle is resumed here too: nothing was read yet, so running
  // the query again from prepare is safe.
  bool may_resume = session_.settings().auto_resume;
  for (int attempt = 1;; ++attempt) {
    const char* rpc = "";
    const grpc::Status status = Attempt(execute, rpc);
    if (status.ok()) return;
    if (!IsRecoverable(status, may_resume) || attempt == kMaxRerunAttempts) Fail(status, rpc);
    PrepareRerun(session_, status, control_.deadline(), may_resume, rpc);
    // Rerun from prepare on a new session. The engine may still hold the
    // failed query (prepared, perhaps executed): clear it first, best effort.
    Close();
    session_.Reauthenticate();
  }
}

grpc::Status Query::Attempt(bool execute, const char*& rpc) {
  const bool v2 = !catalog_.empty();
  if (query_id_.empty()) {
    rpc = v2 ? "prepareStatementV2" : "prepareStatement";
    const grpc::Status status = PrepareCall();
    if (!status.ok()) return status;
  }
  if (!execute) return grpc::Status::OK;
  rpc = v2 ? "executeStatementV2" : "executeStatement";
  const grpc::Status executed = ExecuteCall();
  if (!executed.ok()) return executed;
  rpc = "getResultMetadata";
  return MetadataCall();
}

grpc::Status Query::PrepareCall() {
  const SessionSettings& settings = session_.settings();
  const Deadline limit = Deadline::After(settings.prepare_timeout, "HYT00",
                                         "PREPARE_TIMEOUT of " + std::to_string(settings.prepare_timeout.count()) + " s");
  session_id_ = session_.SessionIdForNewQuery();
  const std::string& session_id = session_id_;
  // The colour of this session, read with its id: another connection may
  // switch or clear the cache while this prepare is under way, and the query
  // must stay where it was prepared. plannerip: the previous query's engineIP
  // (spec §3.5).
  const std::string colour = session_.colour();
  const CallHeaders headers = session_.Headers(colour, engine_ip_);
  PrepareStatementResponse response;
  const char* rpc = catalog_.empty() ? "prepareStatement" : "prepareStatementV2";
  const grpc::Status status = Call(rpc, headers, limit, [&](grpc::ClientContext& context) {
    if (catalog_.empty()) {
      PrepareStatementRequest request;
      request.set_sessionid(session_id);
      request.set_schema(settings.database);
      request.set_querystring(*text_);
      return session_.stub().engine().prepareStatement(&context, request, &response);
    }
    PrepareStatementV2Request request;
    request.set_sessionid(session_id);
    request.set_schema(settings.database);
    request.set_catalog(catalog_);
    request.set_querystring(*text_);
    return session_.stub().engine().prepareStatementV2(&context, request, &response);
  });
  if (!status.ok()) return status;
  query_id_ = response.queryid();
  subject_ = query_id_.empty() ? std::string() : " [query id " + query_id_ + "]";
  engine_ip_ = response.engineip();
  if (!query_id_.empty()) OpenQueries::ForProcess().Add(*this);
  executable_ = true;
  session_.strategies().Pin(query_id_, colour);  // T6, before this response's announcement (T5)
  session_.strategies().Announce(response.new_strategy());
  return status;
}

grpc::Status Query::ExecuteCall() {
  ExecuteStatementResponse response;
  const char* rpc = catalog_.empty() ? "executeStatement" : "executeStatementV2";
  const grpc::Status status = Call(rpc, PerQueryHeaders(), Deadline(), [&](grpc::ClientContext& context) {
    if (catalog_.empty()) {
      ExecuteStatementRequest request;
      Identify(request);
      return session_.stub().engine().executeStatement(&context, request, &response);
    }
    ExecuteStatementV2Request request;
    Identify(request);
    return session_.stub().engine().executeStatementV2(&context, request, &response);
  });
  if (!status.ok()) return status;
  executable_ = false;
  session_.strategies().Announce(response.new_strategy());
  return status;
}

grpc::Status Query::MetadataCall() {
  GetResultMetadataRequest request;
  Identify(request);
  GetResultMetadataResponse response;
  const grpc::Status status = Call("getResultMetadata", PerQueryHeaders(), Deadline(), [&](grpc::ClientContext& context) {
    return session_.stub().engine().getResultMetadata(&context, request, &response);
  });
  if (!status.ok()) return status;
  session_.strategies().Announce(response.new_strategy());
  try {
    metadata_ = wire::DecodeResultMetadata(response.resultmetadata());
  } catch (const wire::DecodeError& error) {
    throw DriverError("HY000", std::string("malformed result metadata from e6data: ") + error.what() +
                                   subject_);
  }
  executed_ = true;
  at_end_ = false;
  executed_at_ = std::chrono::steady_clock::now();
  batches_read_ = 0;
  rows_read_ = 0;
  session_.settings().log->Write(LogLevel::kInfo, "query " + query_id_ + " executed: " +
                                                      std::to_string(metadata_.columns.size()) + " columns");
  return status;
}

std::optional<wire::ColumnBatch> Query::NextBatch() {
  if (!interrupted_.empty()) {
    // Asking again could skip the batch that failed: never pretend the result goes on or ended.
    throw DriverError("HY000", "the result is incomplete (" + interrupted_ +
                                   "); close the cursor and execute the statement again");
  }
  if (at_end_ || query_id_.empty()) return std::nullopt;
  if (!executed_) throw DriverError("HY010", "function sequence error: fetch before execute");
  // Spec §13.13: e6data's client takes a zero-row Chunk for the end, but an
  // engine might also send one mid-stream. So a zero-row Chunk is followed by
  // one more request: an empty answer or a second zero-row Chunk in a row
  // ends the data, rows carry on. One extra call at the end, never a lost row.
  for (int zero_row_chunks = 0;;) {
    std::optional<wire::ColumnBatch> batch = RequestBatch();
    if (!batch) return EndOfData();
    if (batch->at_end()) {
      if (++zero_row_chunks == 2) return EndOfData();
      continue;
    }
    ++batches_read_;
    rows_read_ += static_cast<int64_t>(batch->row_count());
    return batch;
  }
}

std::optional<wire::ColumnBatch> Query::RequestBatch() {
  GetNextResultBatchRequest request;
  Identify(request);
  GetNextResultBatchResponse response;
  const grpc::Status status = Call("getNextResultBatch", PerQueryHeaders(), Deadline(), [&](grpc::ClientContext& context) {
    return session_.stub().engine().getNextResultBatch(&context, request, &response);
  });
  if (!status.ok()) Fail(status, "getNextResultBatch");  // never retried: a repeat could lose or repeat rows
  session_.strategies().Announce(response.new_strategy());
  if (response.resultbatch().empty()) return std::nullopt;
  const auto malformed = [&](const std::string& why) {
    interrupted_ = "a malformed result batch";
    return DriverError("HY000", "malformed result batch from e6data: " + why + subject_);
  };
  std::optional<wire::ColumnBatch> batch;
  try {
    batch.emplace(wire::ColumnBatch::Decode(std::move(*response.mutable_resultbatch())));
  } catch (const wire::DecodeError& error) {
    throw malformed(error.what());
  }
  if (!batch->at_end() && batch->columns().size() < metadata_.columns.size()) {
    throw malformed(std::to_string(batch->columns().size()) + " columns, but the result metadata describes " +
                    std::to_string(metadata_.columns.size()));
  }
  return batch;
}

std::nullopt_t Query::EndOfData() {
  at_end_ = true;
  session_.settings().log->Write(LogLevel::kInfo, "query " + query_id_ + " read in full: " +
                                                      std::to_string(rows_read_) + " rows in " +
                                                      std::to_string(batches_read_) + " batches, " +
                                                      std::to_string(ElapsedMs(executed_at_)) + " ms after execute");
  return std::nullopt;
}

void Query::Forget() noexcept {
  if (!query_id_.empty()) session_.strategies().Unpin(query_id_);  // T7
  OpenQueries::ForProcess().Remove(*this);
  query_id_.clear();
  subject_.clear();
  executable_ = false;
  executed_ = false;
  at_end_ = false;
}

void Query::Close() noexcept {
  if (query_id_.empty()) return;
  Release<ClearOrCancelQueryRequest, ClearOrCancelQueryResponse>(
      "clearOrCancelQuery", [this](grpc::ClientContext& context, const auto& request, auto& response) {
        return session_.stub().engine().clearOrCancelQuery(&context, request, &response);
      });
  Forget();
}

template <typename Request, typename Response, typename Send>
void Query::Release(const char* rpc, Send&& send) noexcept {
  try {
    Request request;
    Identify(request);
    std::optional<std::string> colour = session_.strategies().ForQuery(query_id_);  // the pinned colour (§9.2 Rec a)
    for (int attempt = 1; attempt <= 2; ++attempt) {
      const Deadline limit = Deadline::Earliest(
          Deadline::After(kControlDeadline, "HYT00", "the 10 s limit of clear and cancel"), session_.RequestDeadline());
      auto context = MakeContext(session_.Headers(colour, engine_ip_), limit.Remaining());
      Response response;
      const grpc::Status status = send(*context, request, response);
      if (status.ok()) {
        session_.strategies().Announce(response.new_strategy());
        return;
      }
      session_.settings().log->Write(LogLevel::kWarning, DescribeStatus(status, rpc) + subject_ +
                                                             (attempt == 1 ? "; trying once more" : "; giving up"));
      // Idempotent on the engine (spec §12.1), so one more attempt is safe;
      // a refused colour means the pinned deployment is gone: try the current one.
      if (IsStrategyMismatch(status, /*any_code=*/true)) colour = session_.strategies().active();
    }
  } catch (...) {
    // Best effort: the query is gone from the client's view whatever the answer.
  }
}

}  // namespace e6odbc::session
