#include "session/query.h"

#include "common/driver_error.h"
#include "session/channel.h"
#include "session/query_text.h"
#include "session/session.h"
#include "session/status_map.h"
#include "wire/decode_error.h"

namespace e6odbc::session {
namespace {

// Spec §8.5: prepare/execute/metadata are retried after an expired session or
// a strategy switch, at most four times.
constexpr int kMaxAttempts = 5;
constexpr std::chrono::milliseconds kNoDeadline{0};
constexpr std::chrono::milliseconds kClearDeadline{10000};

}  // namespace

template <typename Request>
void Query::Identify(Request& request) {
  request.set_engineip(engine_ip_);
  request.set_sessionid(session_.SessionId());
  request.set_queryid(query_id_);
}

Query::Query(Session& session) : session_(session) {}

Query::~Query() { Close(); }

CallHeaders Query::PerQueryHeaders() const {
  return session_.Headers(session_.strategies().ForQuery(query_id_), engine_ip_);
}

template <typename Call>
void Query::WithRecovery(const char* rpc, Call&& call) {
  for (int attempt = 1;; ++attempt) {
    const grpc::Status status = call();
    if (status.ok()) return;
    const bool recoverable = IsAccessDenied(status) || IsStrategyMismatch(status);
    if (!recoverable || attempt == kMaxAttempts) throw ToDriverError(status, rpc, Phase::kQuery);
    if (IsStrategyMismatch(status)) session_.strategies().Clear();  // T10: re-detect
    session_.Reauthenticate();
    if (std::string_view(rpc).rfind("prepare", 0) != 0) {
      // The query belonged to the old session: start it over (spec §8.5 reruns from prepare).
      session_.strategies().Unpin(query_id_);
      query_id_.clear();
      PrepareOnce();
    }
  }
}

grpc::Status Query::PrepareCall() {
  const SessionSettings& settings = session_.settings();
  auto context = MakeContext(session_.Headers(session_.strategies().active(), engine_ip_),
                             std::chrono::duration_cast<std::chrono::milliseconds>(settings.prepare_timeout));
  PrepareStatementResponse response;
  grpc::Status status;
  if (settings.catalog.empty()) {
    PrepareStatementRequest request;
    request.set_sessionid(session_.SessionId());
    request.set_schema(settings.database);
    request.set_querystring(text_);
    status = session_.stub().engine().prepareStatement(context.get(), request, &response);
  } else {
    PrepareStatementV2Request request;
    request.set_sessionid(session_.SessionId());
    request.set_schema(settings.database);
    request.set_catalog(settings.catalog);
    request.set_querystring(text_);
    status = session_.stub().engine().prepareStatementV2(context.get(), request, &response);
  }
  if (!status.ok()) return status;
  query_id_ = response.queryid();
  engine_ip_ = response.engineip();
  session_.strategies().Pin(query_id_);  // T6, before any announcement is applied
  session_.strategies().Announce(response.new_strategy());
  return status;
}

void Query::PrepareOnce() {
  WithRecovery(session_.settings().catalog.empty() ? "prepareStatement" : "prepareStatementV2",
               [&] { return PrepareCall(); });
}

void Query::Prepare(std::string_view sql) {
  Close();
  text_ = PrepareQueryText(sql);
  executed_ = false;
  at_end_ = false;
  metadata_ = {};
  PrepareOnce();
}

void Query::Execute() {
  if (query_id_.empty()) {
    if (text_.empty() && !executed_) throw DriverError("HY010", "function sequence error: execute before prepare");
    PrepareOnce();  // executing again: a query id serves one execution
  }
  const bool v2 = !session_.settings().catalog.empty();
  WithRecovery(v2 ? "executeStatementV2" : "executeStatement", [&] {
    auto context = MakeContext(PerQueryHeaders(), kNoDeadline);
    ExecuteStatementResponse response;
    grpc::Status status;
    if (v2) {
      ExecuteStatementV2Request request;
      Identify(request);
      status = session_.stub().engine().executeStatementV2(context.get(), request, &response);
    } else {
      ExecuteStatementRequest request;
      Identify(request);
      status = session_.stub().engine().executeStatement(context.get(), request, &response);
    }
    if (status.ok()) session_.strategies().Announce(response.new_strategy());
    return status;
  });
  GetResultMetadataResponse response;
  WithRecovery("getResultMetadata", [&] {
    auto context = MakeContext(PerQueryHeaders(), kNoDeadline);
    GetResultMetadataRequest request;
    Identify(request);
    return session_.stub().engine().getResultMetadata(context.get(), request, &response);
  });
  session_.strategies().Announce(response.new_strategy());
  try {
    metadata_ = wire::DecodeResultMetadata(response.resultmetadata());
  } catch (const wire::DecodeError& error) {
    throw DriverError("HY000", std::string("malformed result metadata from e6data: ") + error.what());
  }
  executed_ = true;
  at_end_ = false;
}

std::optional<wire::ColumnBatch> Query::NextBatch() {
  if (at_end_ || query_id_.empty()) return std::nullopt;
  if (!executed_) throw DriverError("HY010", "function sequence error: fetch before execute");
  // Never retried: a repeated getNextResultBatch would lose or duplicate rows.
  auto context = MakeContext(PerQueryHeaders(), kNoDeadline);
  GetNextResultBatchRequest request;
  Identify(request);
  GetNextResultBatchResponse response;
  const grpc::Status status = session_.stub().engine().getNextResultBatch(context.get(), request, &response);
  if (!status.ok()) throw ToDriverError(status, "getNextResultBatch", Phase::kQuery);
  session_.strategies().Announce(response.new_strategy());
  if (response.resultbatch().empty()) {
    at_end_ = true;
    return std::nullopt;
  }
  std::optional<wire::ColumnBatch> batch;
  try {
    batch.emplace(wire::ColumnBatch::Decode(std::move(*response.mutable_resultbatch())));
  } catch (const wire::DecodeError& error) {
    throw DriverError("HY000", std::string("malformed result batch from e6data: ") + error.what());
  }
  if (batch->at_end()) {
    at_end_ = true;
    return std::nullopt;
  }
  if (batch->columns().size() < metadata_.columns.size()) {
    throw DriverError("HY000", "malformed result batch from e6data: " + std::to_string(batch->columns().size()) +
                                   " columns, but the result metadata describes " +
                                   std::to_string(metadata_.columns.size()));
  }
  return batch;
}

void Query::Close() noexcept {
  if (query_id_.empty()) return;
  try {
    auto context = MakeContext(PerQueryHeaders(), kClearDeadline);
    ClearOrCancelQueryRequest request;
    Identify(request);
    ClearOrCancelQueryResponse response;
    // Best effort: the query is gone from the client's view whatever the answer.
    if (session_.stub().engine().clearOrCancelQuery(context.get(), request, &response).ok()) {
      session_.strategies().Announce(response.new_strategy());
    }
  } catch (...) {
  }
  session_.strategies().Unpin(query_id_);  // T7
  query_id_.clear();
  executed_ = false;
}

}  // namespace e6odbc::session
