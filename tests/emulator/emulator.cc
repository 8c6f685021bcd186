#include "emulator.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <chrono>
#include <optional>
#include <stdexcept>

#include "connection_drop.h"
#include "sample_data.h"
#include "sql_dialect.h"
#include "synthetic_result.h"
#include "user_data.h"

namespace e6emu {
namespace {

struct QueryState {
  std::string session_id;
  std::string sql;
  std::optional<SyntheticSpec> synthetic;  // a `bench` query: no SQLite involved
  bool executed = false;
  int64_t prepare_millis = 0;  // measured, for explainAnalyze
  int64_t execute_millis = 0;
  std::unique_ptr<QueryResult> result;
  size_t next_row = 0;
  int batches_since_empty = 0;  // real batches since the last zero-row Chunk (--empty-chunks-every)
};

// Which gate a call passes: ClusterService keeps answering while suspended.
enum class Gate { kEngine, kCluster };

grpc::Status AccessDenied(const std::string& why) { return {grpc::StatusCode::INTERNAL, "Access denied: " + why}; }
grpc::Status Invalid(const std::string& why) { return {grpc::StatusCode::INVALID_ARGUMENT, why}; }
int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
}

grpc::Status NotFound(const std::string& query_id) {
  return {grpc::StatusCode::NOT_FOUND, "query '" + query_id + "' not found"};
}

}  // namespace

// Everything the services share; guarded by `mutex`.
struct EngineState {
  std::mutex mutex;
  EmulatorOptions options;
  sqlite3* db = nullptr;
  std::map<std::string, std::string> sessions;  // session id -> user
  std::map<std::string, QueryState> queries;
  std::map<std::string, int64_t> calls;
  uint64_t next_id = 1;

  // Misbehaviour, set through EmulatorControl.configure.
  std::string strategy;           // colour served; "" accepts any
  std::string previous_strategy;  // still accepted during a switch, until retired
  bool reject_missing_strategy = false;
  bool suspended = false;
  int delay_ms = 0;
  std::string delay_method;
  std::string fail_method;
  int fail_countdown = 0;
  grpc::StatusCode fail_code = grpc::StatusCode::UNKNOWN;
  std::string fail_message;
  std::map<std::string, int64_t> strategy_headers;
  ConfigureRequest::Mangle mangle = ConfigureRequest::NONE;
  int mangle_countdown = 0;
  int resume_ms = 0;
  std::optional<std::chrono::steady_clock::time_point> resuming_until;
  std::string drop_method;
  int drop_countdown = 0;
  WireQuirks quirks;
  int empty_chunks_every = 0;
  std::map<std::string, std::string> props;  // session id -> last setProps document
  std::string add_catalogs_status;           // what getAddCatalogsResponse reports

  // ClusterService view of a suspension: suspended -> resuming -> active.
  std::string ClusterStatus() {
    if (resuming_until && std::chrono::steady_clock::now() >= *resuming_until) {
      resuming_until.reset();
      suspended = false;
    }
    return resuming_until ? "resuming" : suspended ? "suspended" : "active";
  }

  // Applies a configured batch mangling to `batch` if this is the batch to damage.
  void MaybeMangle(std::string& batch) {
    if (mangle == ConfigureRequest::NONE || mangle_countdown <= 0 || --mangle_countdown != 0) return;
    switch (mangle) {
      case ConfigureRequest::TRUNCATE: batch.resize(batch.size() / 2); break;
      case ConfigureRequest::CORRUPT: {
        // Chunk: size field (7 bytes), vectors list header (8), then the first Vector's
        // size field (7) and its vectorType field header (3): the type value follows.
        const size_t type_offset = 7 + 8 + 7 + 3;
        if (batch.size() >= type_offset + 4) batch.replace(type_offset, 4, "\x7f\x00\x00\x63");
        break;
      }
      case ConfigureRequest::OVERSIZE: batch.append(8u << 20, '\x5a'); break;
      default: break;
    }
    mangle = ConfigureRequest::NONE;
  }

  std::string NewId(const char* prefix) { return std::string(prefix) + "-" + std::to_string(next_id++); }
  void Count(const char* method) { ++calls[method]; }

  // The gate every call of QueryEngineService and ClusterService passes first
  // (without the mutex held by the caller): counts it, records its strategy
  // header, then applies an injected failure or dropped connection, the
  // suspension (QueryEngineService only), the blue-green check and a delay.
  grpc::Status Admit(grpc::ServerContext* context, const char* method, Gate gate = Gate::kEngine) {
    int delay = 0;
    bool drop = false;
    {
      std::lock_guard lock(mutex);
      Count(method);
      const auto& metadata = context->client_metadata();
      const auto header = metadata.find("strategy");
      const bool has_header = header != metadata.end();
      const std::string colour = has_header ? std::string(header->second.data(), header->second.size()) : "";
      ++strategy_headers[colour];
      if (!fail_method.empty() && fail_method == method && fail_countdown > 0 && --fail_countdown == 0) {
        return {fail_code, fail_message};
      }
      drop = !drop_method.empty() && drop_method == method && drop_countdown > 0 && --drop_countdown == 0;
      if (!drop) {
        if (gate == Gate::kEngine && suspended && ClusterStatus() != "active") {
          return {grpc::StatusCode::UNAVAILABLE, "Received http2 header with status: 503"};
        }
        // What a real deployment's router answers for a wrong strategy (spec §8.2).
        const grpc::Status mismatch(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
        if (!strategy.empty()) {
          if (!has_header && reject_missing_strategy) return mismatch;
          if (has_header && colour != strategy && colour != previous_strategy) return mismatch;
        }
        if (delay_ms > 0 && (delay_method.empty() || delay_method == method)) delay = delay_ms;
      }
    }
    if (drop) {
      // Cut the caller's TCP connection under gRPC: the client sees UNAVAILABLE, this
      // answer is never delivered, other connections carry on.
      ShutdownPeerSockets(context->peer());
      return {grpc::StatusCode::UNAVAILABLE, "connection dropped by the emulator"};
    }
    // The delay ends early when the client gives up (cancel, deadline), so a
    // stalled test call never keeps a server thread, or the shutdown, waiting.
    // The call is still carried out, as a busy engine would: only its answer is lost.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay);
    while (std::chrono::steady_clock::now() < until && !context->IsCancelled()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return grpc::Status::OK;
  }

  // During a switch, responses announce the new colour (spec §9 T4/T5); responses
  // without a `new_strategy` field (platform calls) have nothing to announce with.
  template <typename Response>
  void Announce(Response* response) const {
    if constexpr (requires { response->set_new_strategy(std::string()); }) {
      if (!previous_strategy.empty()) response->set_new_strategy(strategy);
    }
  }
  grpc::Status CheckSession(const std::string& id) const {
    return sessions.count(id) != 0 ? grpc::Status::OK : AccessDenied("unknown or expired session '" + id + "'");
  }
};

class Emulator::EngineService final : public QueryEngineService::Service {
 public:
  explicit EngineService(EngineState& state) : s_(state) {}

  grpc::Status authenticate(grpc::ServerContext* context, const AuthenticateRequest* request,
                            AuthenticateResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/authenticate"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (request->user() != s_.options.user || request->password() != s_.options.token) {
      switch (s_.options.auth_failure) {
        case AuthFailure::kEmptySession: return grpc::Status::OK;  // sessionId left empty (spec §8.4)
        case AuthFailure::kAccessDenied: return AccessDenied("invalid credentials for user '" + request->user() + "'");
        case AuthFailure::kUnauthenticated:
          return {grpc::StatusCode::UNAUTHENTICATED, "invalid credentials for user '" + request->user() + "'"};
      }
    }
    const std::string id = s_.NewId("session");
    s_.sessions[id] = request->user();
    response->set_sessionid(id);
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status prepareStatement(grpc::ServerContext* context, const PrepareStatementRequest* request,
                                PrepareStatementResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/prepareStatement"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    return Prepare(request->sessionid(), request->schema(), "", request->querystring(), false, response);
  }

  grpc::Status prepareStatementV2(grpc::ServerContext* context, const PrepareStatementV2Request* request,
                                  PrepareStatementResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/prepareStatementV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    return Prepare(request->sessionid(), request->schema(), request->catalog(), request->querystring(), true, response);
  }

  grpc::Status executeStatement(grpc::ServerContext* context, const ExecuteStatementRequest* request,
                                ExecuteStatementResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/executeStatement"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return Execute(request->sessionid(), request->queryid());
  }

  grpc::Status executeStatementV2(grpc::ServerContext* context, const ExecuteStatementV2Request* request,
                                  ExecuteStatementResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/executeStatementV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return Execute(request->sessionid(), request->queryid());
  }

  grpc::Status getResultMetadata(grpc::ServerContext* context, const GetResultMetadataRequest* request,
                                 GetResultMetadataResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getResultMetadata"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    QueryState* query = nullptr;
    if (grpc::Status status = FindExecuted(request->sessionid(), request->queryid(), query); !status.ok()) return status;
    std::string metadata = query->result->EncodeMetadata();
    if (s_.quirks.metadata_row_count != MetadataRowCount::kTotal || s_.quirks.datetime_as_timestamp) {
      metadata = RewriteMetadata(metadata, s_.quirks);
    }
    response->set_resultmetadata(std::move(metadata));
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getNextResultBatch(grpc::ServerContext* context, const GetNextResultBatchRequest* request,
                                  GetNextResultBatchResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getNextResultBatch"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    QueryState* query = nullptr;
    if (grpc::Status status = FindExecuted(request->sessionid(), request->queryid(), query); !status.ok()) return status;
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    const size_t total = query->result->row_count();
    if (query->next_row >= total) return grpc::Status::OK;  // end of data: resultBatch left empty, every time
    // --empty-chunks-every: a zero-row Chunk (its vectors typed, empty) between real batches.
    const bool empty = s_.empty_chunks_every > 0 && query->batches_since_empty >= s_.empty_chunks_every;
    const size_t count = empty ? 0 : std::min(s_.options.batch_rows, total - query->next_row);
    std::string batch = query->result->EncodeChunk(query->next_row, count);
    if (s_.quirks.ChangesChunks()) batch = RewriteChunk(batch, s_.quirks);
    s_.MaybeMangle(batch);
    response->set_resultbatch(std::move(batch));
    query->next_row += count;
    query->batches_since_empty = empty ? 0 : query->batches_since_empty + 1;
    return grpc::Status::OK;
  }

  grpc::Status clearOrCancelQuery(grpc::ServerContext* context, const ClearOrCancelQueryRequest* request,
                                  ClearOrCancelQueryResponse* response) override {
    return Drop(context, "QueryEngineService/clearOrCancelQuery", request->sessionid(), request->queryid(), response);
  }
  grpc::Status clear(grpc::ServerContext* context, const ClearRequest* request, ClearResponse* response) override {
    return Drop(context, "QueryEngineService/clear", request->sessionid(), request->queryid(), response);
  }
  grpc::Status cancelQuery(grpc::ServerContext* context, const CancelQueryRequest* request,
                           CancelQueryResponse* response) override {
    return Drop(context, "QueryEngineService/cancelQuery", request->sessionid(), request->queryid(), response);
  }

  grpc::Status status(grpc::ServerContext* context, const StatusRequest* request, StatusResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/status"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    const auto found = s_.queries.find(request->queryid());
    if (found == s_.queries.end()) return NotFound(request->queryid());
    response->set_status(found->second.executed);
    response->set_rowcount(found->second.result ? static_cast<int64_t>(found->second.result->row_count()) : 0);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getSchemaNamesV2(grpc::ServerContext* context, const GetSchemaNamesV2Request* request,
                                GetSchemaNamesResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getSchemaNamesV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = CheckCatalog(request->catalog()); !status.ok()) return status;
    for (const std::string& schema : ListSchemas(s_.db)) response->add_schemas(schema);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getTablesV2(grpc::ServerContext* context, const GetTablesV2Request* request, GetTablesResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getTablesV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = CheckCatalog(request->catalog()); !status.ok()) return status;
    if (grpc::Status status = CheckSchema(request->schema()); !status.ok()) return status;
    for (const std::string& table : ListTables(s_.db, request->schema())) response->add_tables(table);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status explain(grpc::ServerContext* context, const ExplainRequest* request, ExplainResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/explain"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    QueryState* query = nullptr;
    if (grpc::Status status = FindQuery(request->sessionid(), request->queryid(), query); !status.ok()) return status;
    response->set_explain(PlanText(*query));
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status explainAnalyze(grpc::ServerContext* context, const ExplainAnalyzeRequest* request,
                              ExplainAnalyzeResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/explainAnalyze"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    QueryState* query = nullptr;
    if (grpc::Status status = FindExecuted(request->sessionid(), request->queryid(), query); !status.ok()) return status;
    // The keys the e6data docs read (spec §3.4), in milliseconds, measured.
    const int64_t total = query->execute_millis + query->prepare_millis;
    response->set_explainanalyze("{\"total_query_time\": " + std::to_string(total) +
                                 ", \"executionQueueingTime\": 0, \"parsingTime\": " +
                                 std::to_string(query->prepare_millis) + ", \"plan\": " + JsonString(PlanText(*query)) + "}");
    response->set_iscached(false);
    response->set_parsingtime(query->prepare_millis);
    response->set_queueingtime(0);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status dryRun(grpc::ServerContext* context, const DryRunRequest* request, DryRunResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/dryRun"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = Compiles(request->querystring()); !status.ok()) return status;
    response->set_dryrunvalue("{\"valid\": true}");
    return grpc::Status::OK;
  }

  grpc::Status dryRunV2(grpc::ServerContext* context, const DryRunRequestV2* request, DryRunResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/dryRunV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = CheckCatalog(request->catalog()); !status.ok()) return status;
    if (grpc::Status status = Compiles(request->querystring()); !status.ok()) return status;
    response->set_dryrunvalue("{\"valid\": true}");
    return grpc::Status::OK;
  }

  grpc::Status getCataloges(grpc::ServerContext* context, const GetCatalogesRequest*, GetCatalogesResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getCataloges"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (s_.options.catalog_list != grpc::StatusCode::OK) {
      return {s_.options.catalog_list, "listing catalogs is not allowed for this client (--refuse-catalog-list)"};
    }
    CatalogResponse* catalog = response->add_catalogresponses();
    catalog->set_name(kCatalog);
    catalog->set_isdefault(true);
    return grpc::Status::OK;
  }

  grpc::Status getColumnsV2(grpc::ServerContext* context, const GetColumnsV2Request* request,
                            GetColumnsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getColumnsV2"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = CheckCatalog(request->catalog()); !status.ok()) return status;
    return Columns(request->sessionid(), request->schema(), request->table(), response);
  }

  // ---- V1 catalog calls: the default catalog, `emulator` ----

  grpc::Status getSchemaNames(grpc::ServerContext* context, const GetSchemaNamesRequest* request,
                              GetSchemaNamesResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getSchemaNames"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    for (const std::string& schema : ListSchemas(s_.db)) response->add_schemas(schema);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getTables(grpc::ServerContext* context, const GetTablesRequest* request, GetTablesResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getTables"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (grpc::Status status = CheckSchema(request->schema()); !status.ok()) return status;
    for (const std::string& table : ListTables(s_.db, request->schema())) response->add_tables(table);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getColumns(grpc::ServerContext* context, const GetColumnsRequest* request,
                          GetColumnsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getColumns"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    return Columns(request->sessionid(), request->schema(), request->table(), response);
  }

  // ---- calls the reference client never makes, answered as a plausible engine would ----

  // One planner, never busy: GO_AHEAD, the planner's address, the existing query echoed.
  grpc::Status identifyPlanner(grpc::ServerContext* context, const IdentifyPlannerRequest* request,
                               IdentifyPlannerResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/identifyPlanner"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    if (request->has_firsttimerequestpayload() && !request->firsttimerequestpayload().catalog().empty()) {
      if (grpc::Status status = CheckCatalog(request->firsttimerequestpayload().catalog()); !status.ok()) return status;
    }
    if (request->has_existingquery()) *response->mutable_existingquery() = request->existingquery();
    response->set_plannerip("127.0.0.1");
    response->set_queuemessage(IdentifyPlannerResponse::GO_AHEAD);
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  // The emulator has no bind parameters: a known query has none.
  grpc::Status getDynamicParams(grpc::ServerContext* context, const GetDynamicParamsRequest* request,
                                GetDynamicParamsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getDynamicParams"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    QueryState* query = nullptr;
    if (grpc::Status status = FindQuery(request->sessionid(), request->queryid(), query); !status.ok()) return status;
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status healthCheck(grpc::ServerContext* context, const HealthCheckRequest*, HealthCheckResponse*) override {
    return s_.Admit(context, "QueryEngineService/healthCheck");
  }

  // No session in the request: checks the catalog (if given) and that the query compiles.
  grpc::Status analyzeQuery(grpc::ServerContext* context, const AnalyzeQueryRequest* request,
                            AnalyzeQueryResponse*) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/analyzeQuery"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (!request->catalog().empty()) {
      if (grpc::Status status = CheckCatalog(request->catalog()); !status.ok()) return status;
    }
    if (!request->schema().empty()) {
      if (grpc::Status status = CheckSchema(request->schema()); !status.ok()) return status;
    }
    return Compiles(request->query());
  }

  // The emulator's catalog is fixed: schema syncs are accepted and change nothing.
  grpc::Status syncSchemas(grpc::ServerContext* context, const SyncSchemaRequest*, SyncSchemaResponse*) override {
    return s_.Admit(context, "QueryEngineService/syncSchemas");
  }

  // Accepted and remembered for getAddCatalogsResponse, which then reports "success".
  grpc::Status addCatalogs(grpc::ServerContext* context, const AddCatalogsRequest* request,
                           AddCatalogsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/addCatalogs"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    s_.add_catalogs_status = "success";
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status refreshCatalogs(grpc::ServerContext* context, const RefreshCatalogsRequest* request,
                               RefreshCatalogsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/refreshCatalogs"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status getAddCatalogsResponse(grpc::ServerContext* context, const GetAddCatalogsRequest* request,
                                      GetAddCatalogsResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/getAddCatalogsResponse"); !admitted.ok()) {
      return admitted;
    }
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    response->set_status(s_.add_catalogs_status);  // "" until an addCatalogs
    response->set_sessionid(request->sessionid());
    s_.Announce(response);
    return grpc::Status::OK;
  }

  // Kept per session (nothing reads them): the one hinted key, USE_QUERY_RESULT_CACHE, has no
  // effect on an emulator that caches nothing.
  grpc::Status setProps(grpc::ServerContext* context, const SetPropsRequest* request, SetPropsResponse*) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/setProps"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    s_.props[request->sessionid()] = request->props();
    return grpc::Status::OK;
  }

  // Users come from the command line: accepted, changes nothing.
  grpc::Status updateUsers(grpc::ServerContext* context, const UpdateUsersRequest*, UpdateUsersResponse*) override {
    return s_.Admit(context, "QueryEngineService/updateUsers");
  }

  // Ends the session and releases its queries: later calls with it get "Access denied".
  grpc::Status dropUserContext(grpc::ServerContext* context, const DropUserContextRequest* request,
                               DropUserContextResponse*) override {
    if (grpc::Status admitted = s_.Admit(context, "QueryEngineService/dropUserContext"); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (grpc::Status status = s_.CheckSession(request->sessionid()); !status.ok()) return status;
    s_.sessions.erase(request->sessionid());
    s_.props.erase(request->sessionid());
    for (auto it = s_.queries.begin(); it != s_.queries.end();) {
      it = it->second.session_id == request->sessionid() ? s_.queries.erase(it) : std::next(it);
    }
    return grpc::Status::OK;
  }

  // ---- deprecated and dataframe calls: gated and counted, then UNIMPLEMENTED ----

  grpc::Status getNextRemoteCachedChunk(grpc::ServerContext* context, const RemoteChunkRequest*,
                                        RemoteChunkResponse*) override {
    return NotServed(context, "QueryEngineService/getNextRemoteCachedChunk", "deprecated");
  }
  grpc::Status createDataFrame(grpc::ServerContext* context, const CreateDataFrameRequest*,
                               CreateDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/createDataFrame", "a dataframe call");
  }
  grpc::Status projectionOnDataFrame(grpc::ServerContext* context, const ProjectionOnDataFrameRequest*,
                                     ProjectionOnDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/projectionOnDataFrame", "a dataframe call");
  }
  grpc::Status aggregateOnDataFrame(grpc::ServerContext* context, const AggregateOnDataFrameRequest*,
                                    AggregateOnDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/aggregateOnDataFrame", "a dataframe call");
  }
  grpc::Status filterOnDataFrame(grpc::ServerContext* context, const FilterOnDataFrameRequest*,
                                 FilterOnDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/filterOnDataFrame", "a dataframe call");
  }
  grpc::Status orderByOnDataFrame(grpc::ServerContext* context, const OrderByOnDataFrameRequest*,
                                  OrderByOnDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/orderByOnDataFrame", "a dataframe call");
  }
  grpc::Status limitOnDataFrame(grpc::ServerContext* context, const LimitOnDataFrameRequest*,
                                LimitOnDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/limitOnDataFrame", "a dataframe call");
  }
  grpc::Status executeDataFrame(grpc::ServerContext* context, const ExecuteDataFrameRequest*,
                                ExecuteDataFrameResponse*) override {
    return NotServed(context, "QueryEngineService/executeDataFrame", "a dataframe call");
  }

 private:
  grpc::Status CheckCatalog(const std::string& catalog) const {
    return catalog == kCatalog ? grpc::Status::OK
                               : Invalid("catalog '" + catalog + "' does not exist (the emulator serves '" + kCatalog + "')");
  }
  grpc::Status CheckSchema(const std::string& schema) const {
    if (schema == "bench") return grpc::Status::OK;  // the virtual schema of synthetic tables
    const std::vector<std::string> schemas = ListSchemas(s_.db);
    return std::find(schemas.begin(), schemas.end(), schema) != schemas.end()
               ? grpc::Status::OK
               : Invalid("schema '" + schema + "' does not exist in catalog '" + kCatalog + "'");
  }

  grpc::Status Columns(const std::string& session_id, const std::string& schema, const std::string& table,
                       GetColumnsResponse* response) {
    if (grpc::Status status = CheckSchema(schema); !status.ok()) return status;
    const std::vector<CatalogColumn> columns = ListColumns(s_.db, schema, table);
    if (columns.empty()) return Invalid("table '" + schema + "." + table + "' does not exist");
    for (const CatalogColumn& column : columns) {
      GFieldInfo* field = response->add_fieldinfo();
      field->set_fieldname(column.name);
      field->set_fieldtype(column.engine_type);
    }
    response->set_sessionid(session_id);
    s_.Announce(response);
    return grpc::Status::OK;
  }

  // Planning without running: a syntax error or unknown table -> INVALID_ARGUMENT.
  grpc::Status Compiles(const std::string& engine_sql) {
    if (ParseSyntheticQuery(engine_sql)) return grpc::Status::OK;
    const std::string sql = ToSqlite(engine_sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(s_.db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
      return Invalid(sqlite3_errmsg(s_.db));
    }
    const bool empty = stmt == nullptr;  // only blanks or comments
    sqlite3_finalize(stmt);
    return empty ? Invalid("empty query") : grpc::Status::OK;
  }

  grpc::Status NotServed(grpc::ServerContext* context, const char* method, const char* why) {
    if (grpc::Status admitted = s_.Admit(context, method); !admitted.ok()) return admitted;
    return {grpc::StatusCode::UNIMPLEMENTED,
            std::string(method) + " is " + why + " that the e6data emulator does not serve (docs/emulator.md)"};
  }

  grpc::Status Prepare(const std::string& session_id, const std::string& schema, const std::string& catalog,
                       const std::string& engine_sql, bool v2, PrepareStatementResponse* response) {
    const std::string sql = ToSqlite(engine_sql);
    if (grpc::Status status = s_.CheckSession(session_id); !status.ok()) return status;
    if (v2) {
      if (grpc::Status status = CheckCatalog(catalog); !status.ok()) return status;
    }
    if (!schema.empty()) {
      if (grpc::Status status = CheckSchema(schema); !status.ok()) return status;
    }
    const auto started = std::chrono::steady_clock::now();
    if (std::optional<SyntheticSpec> synthetic = ParseSyntheticQuery(sql)) {
      return Register(session_id, sql, synthetic, started, response);
    }
    // Planning = compiling: syntax errors and unknown tables surface here.
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(s_.db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return Invalid(sqlite3_errmsg(s_.db));
    if (stmt == nullptr) return Invalid("empty query");
    const bool read_only = sqlite3_stmt_readonly(stmt) != 0;
    sqlite3_finalize(stmt);
    if (!read_only) return Invalid("the emulator runs read-only queries only");
    return Register(session_id, sql, std::nullopt, started, response);
  }

  grpc::Status Register(const std::string& session_id, const std::string& sql,
                        const std::optional<SyntheticSpec>& synthetic, std::chrono::steady_clock::time_point started,
                        PrepareStatementResponse* response) {
    const std::string id = s_.NewId("query");
    QueryState& query = s_.queries[id];
    query.prepare_millis = MillisSince(started);
    query.session_id = session_id;
    query.sql = sql;
    query.synthetic = synthetic;
    response->set_queryid(id);
    response->set_engineip("127.0.0.1");
    response->set_sessionid(session_id);
    s_.Announce(response);
    return grpc::Status::OK;
  }

  grpc::Status Execute(const std::string& session_id, const std::string& query_id) {
    if (grpc::Status status = s_.CheckSession(session_id); !status.ok()) return status;
    const auto found = s_.queries.find(query_id);
    if (found == s_.queries.end()) return NotFound(query_id);
    QueryState& query = found->second;
    query.next_row = 0;
    const auto started = std::chrono::steady_clock::now();
    if (query.synthetic) {
      query.result = std::make_unique<SyntheticResult>(*query.synthetic);
      query.executed = true;
      return grpc::Status::OK;
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(s_.db, query.sql.c_str(), static_cast<int>(query.sql.size()), &stmt, nullptr) != SQLITE_OK) {
      return Invalid(sqlite3_errmsg(s_.db));
    }
    try {
      query.result = std::make_unique<ResultSet>(ResultSet::Run(s_.db, stmt));
    } catch (const std::exception& error) {
      sqlite3_finalize(stmt);
      return Invalid(error.what());
    }
    sqlite3_finalize(stmt);
    query.executed = true;
    query.execute_millis = MillisSince(started);
    return grpc::Status::OK;
  }

  grpc::Status FindQuery(const std::string& session_id, const std::string& query_id, QueryState*& query) {
    if (grpc::Status status = s_.CheckSession(session_id); !status.ok()) return status;
    const auto found = s_.queries.find(query_id);
    if (found == s_.queries.end()) return NotFound(query_id);
    query = &found->second;
    return grpc::Status::OK;
  }

  // SQLite's own plan (EXPLAIN QUERY PLAN), one step per line.
  std::string PlanText(const QueryState& query) {
    if (query.synthetic) return "SCAN bench (generated, " + std::to_string(query.synthetic->rows) + " rows)";
    std::string plan;
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "EXPLAIN QUERY PLAN " + query.sql;
    if (sqlite3_prepare_v2(s_.db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        plan += std::string(plan.empty() ? "" : "\n") + reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3));
      }
    }
    sqlite3_finalize(stmt);
    return plan;
  }

  static std::string JsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      out += c;
    }
    return out + "\"";
  }

  grpc::Status FindExecuted(const std::string& session_id, const std::string& query_id, QueryState*& query) {
    if (grpc::Status status = s_.CheckSession(session_id); !status.ok()) return status;
    const auto found = s_.queries.find(query_id);
    if (found == s_.queries.end()) return NotFound(query_id);
    if (!found->second.executed) {
      return {grpc::StatusCode::FAILED_PRECONDITION, "query '" + query_id + "' has not been executed"};
    }
    query = &found->second;
    return grpc::Status::OK;
  }

  // clear / cancel / clearOrCancel: idempotent, unknown or empty ids accepted.
  template <typename Response>
  grpc::Status Drop(grpc::ServerContext* context, const char* method, const std::string& session_id,
                    const std::string& query_id, Response* response) {
    if (grpc::Status admitted = s_.Admit(context, method); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    s_.queries.erase(query_id);
    response->set_sessionid(session_id);
    s_.Announce(response);
    return grpc::Status::OK;
  }

  EngineState& s_;
};

class Emulator::ClusterServiceImpl final : public ClusterService::Service {
 public:
  explicit ClusterServiceImpl(EngineState& state) : s_(state) {}
  // Every call passes the gate but the suspension: a suspended cluster still answers here.
  grpc::Status status(grpc::ServerContext* context, const ClusterStatusRequest*, ClusterStatusResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "ClusterService/status", Gate::kCluster); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    response->set_status(s_.ClusterStatus());
    return grpc::Status::OK;
  }
  grpc::Status resume(grpc::ServerContext* context, const ResumeRequest*, ResumeResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "ClusterService/resume", Gate::kCluster); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    if (s_.suspended && !s_.resuming_until) {
      s_.resuming_until = std::chrono::steady_clock::now() + std::chrono::milliseconds(s_.resume_ms);
    }
    response->set_status(s_.ClusterStatus());
    return grpc::Status::OK;
  }
  // Suspends the emulated cluster, as EmulatorControl.configure(suspended) does.
  grpc::Status suspend(grpc::ServerContext* context, const SuspendRequest*, SuspendResponse* response) override {
    if (grpc::Status admitted = s_.Admit(context, "ClusterService/suspend", Gate::kCluster); !admitted.ok()) return admitted;
    std::lock_guard lock(s_.mutex);
    s_.suspended = true;
    s_.resuming_until.reset();
    response->set_status(s_.ClusterStatus());
    return grpc::Status::OK;
  }

 private:
  EngineState& s_;
};

class Emulator::ControlService final : public EmulatorControl::Service {
 public:
  explicit ControlService(EngineState& state) : s_(state) {}
  grpc::Status stats(grpc::ServerContext*, const StatsRequest*, StatsResponse* response) override {
    std::lock_guard lock(s_.mutex);
    response->set_open_queries(static_cast<int32_t>(s_.queries.size()));
    response->set_sessions(static_cast<int32_t>(s_.sessions.size()));
    for (const auto& [method, count] : s_.calls) (*response->mutable_calls_by_method())[method] = count;
    for (const auto& [value, count] : s_.strategy_headers) (*response->mutable_strategy_headers())[value] = count;
    return grpc::Status::OK;
  }

  grpc::Status configure(grpc::ServerContext*, const ConfigureRequest* request, ConfigureResponse*) override {
    std::lock_guard lock(s_.mutex);
    if (request->has_strategy()) {
      s_.strategy = request->strategy();
      s_.previous_strategy.clear();
    }
    if (request->has_reject_missing_strategy()) s_.reject_missing_strategy = request->reject_missing_strategy();
    if (request->has_switch_strategy() && request->switch_strategy() != s_.strategy) {
      s_.previous_strategy = s_.strategy;
      s_.strategy = request->switch_strategy();
    }
    if (request->has_retire_previous_strategy() && request->retire_previous_strategy()) s_.previous_strategy.clear();
    if (request->has_suspended()) {
      s_.suspended = request->suspended();
      s_.resuming_until.reset();
    }
    if (request->has_expire_sessions() && request->expire_sessions()) s_.sessions.clear();
    if (request->has_delay_ms()) {
      s_.delay_ms = request->delay_ms();
      s_.delay_method = request->delay_method();
    }
    if (request->has_mangle_batch()) {
      s_.mangle = request->mangle_batch();
      s_.mangle_countdown = request->mangle_nth() > 0 ? request->mangle_nth() : 1;
    }
    if (request->has_resume_ms()) s_.resume_ms = request->resume_ms();
    if (request->has_drop_method()) {
      s_.drop_method = request->drop_method();
      s_.drop_countdown = request->drop_nth() > 0 ? request->drop_nth() : 1;
    }
    if (request->has_metadata_row_count()) {
      switch (request->metadata_row_count()) {
        case ConfigureRequest::ROW_COUNT_UNKNOWN: s_.quirks.metadata_row_count = MetadataRowCount::kUnknown; break;
        case ConfigureRequest::ROW_COUNT_ZERO: s_.quirks.metadata_row_count = MetadataRowCount::kZero; break;
        default: s_.quirks.metadata_row_count = MetadataRowCount::kTotal; break;
      }
    }
    if (request->has_empty_chunks_every()) s_.empty_chunks_every = std::max(0, request->empty_chunks_every());
    if (request->has_datetime_as_timestamp()) s_.quirks.datetime_as_timestamp = request->datetime_as_timestamp();
    if (request->has_decimal_without_scale()) s_.quirks.decimal_without_scale = request->decimal_without_scale();
    if (request->has_fail_method()) {
      s_.fail_method = request->fail_method();
      s_.fail_countdown = request->fail_nth() > 0 ? request->fail_nth() : 1;
      s_.fail_code = static_cast<grpc::StatusCode>(request->fail_code());
      s_.fail_message = request->fail_message();
    }
    return grpc::Status::OK;
  }

 private:
  EngineState& s_;
};

Emulator::Emulator(EmulatorOptions options) : state_(std::make_unique<EngineState>()) {
  state_->options = std::move(options);
  state_->strategy = state_->options.strategy;
  state_->reject_missing_strategy = state_->options.reject_missing_strategy;
  state_->quirks = state_->options.quirks;
  state_->empty_chunks_every = state_->options.empty_chunks_every;
  if (sqlite3_open(":memory:", &state_->db) != SQLITE_OK) throw std::runtime_error("cannot open SQLite");
  LoadSampleData(state_->db);
  for (const auto& [path, schema] : state_->options.sqlite_files) LoadSqliteFile(state_->db, path, schema);
  for (const auto& [path, schema] : state_->options.csv_directories) LoadCsvDirectory(state_->db, path, schema);
  engine_ = std::make_unique<EngineService>(*state_);
  cluster_ = std::make_unique<ClusterServiceImpl>(*state_);
  control_ = std::make_unique<ControlService>(*state_);
}

Emulator::~Emulator() {
  Shutdown();
  sqlite3_close(state_->db);
}

int Emulator::Start(const std::string& address) {
  grpc::ServerBuilder builder;
  int port = 0;
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (!state_->options.tls_certificate_pem.empty()) {
    grpc::SslServerCredentialsOptions tls;
    tls.pem_key_cert_pairs.push_back({state_->options.tls_private_key_pem, state_->options.tls_certificate_pem});
    credentials = grpc::SslServerCredentials(tls);
  }
  builder.AddListeningPort(address, credentials, &port);
  builder.RegisterService(engine_.get());
  builder.RegisterService(cluster_.get());
  builder.RegisterService(control_.get());
  builder.SetMaxReceiveMessageSize(-1);
  builder.SetMaxSendMessageSize(-1);
  if (state_->options.refuse_pings) {
    // gRPC's strict defaults, spelled out: no pings between calls, one per 5 minutes at
    // most, GOAWAY ENHANCE_YOUR_CALM "too_many_pings" after the second strike.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 300000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 2);
  } else {
    // Clients ping every 15-30 s, also between calls (spec §10.2): allow it, and
    // never count a ping as a strike (0 = unlimited), however often it comes.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 0);
  }
  // gRPC sets SO_REUSEPORT by default: a second emulator on a busy port would
  // then share it silently and split the calls. A busy port must be an error.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  server_ = builder.BuildAndStart();
  if (!server_ || port == 0) throw std::runtime_error("cannot listen on " + address);
  return port;
}

void Emulator::Shutdown() {
  if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
}

void Emulator::Wait() {
  if (server_) server_->Wait();
}

}  // namespace e6emu
