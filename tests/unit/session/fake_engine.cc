#include "fake_engine.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace e6odbc::session::fake {
namespace {

std::string Header(const grpc::ServerContext* context, const std::string& key) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find(key);
  return found == metadata.end() ? "(absent)" : std::string(found->second.data(), found->second.size());
}

}  // namespace

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

FakeEngine::FakeEngine() : batches_{Fixture("tv1.bin")} {
  on_authenticate_ = [this](const std::string&, AuthenticateResponse* response) {
    // Called under mutex_: counting the log is safe.
    int n = 0;
    for (const RecordedCall& call : log_) n += call.method == "authenticate" ? 1 : 0;
    response->set_sessionid("s" + std::to_string(n));
    return grpc::Status::OK;
  };
}

void FakeEngine::OnAuthenticate(AuthenticateHandler handler) {
  std::lock_guard lock(mutex_);
  on_authenticate_ = std::move(handler);
}

void FakeEngine::FailNext(const std::string& method, const grpc::Status& status) {
  std::lock_guard lock(mutex_);
  failures_[method].push_back(status);
}

void FakeEngine::Delay(const std::string& method, std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delays_[method] = delay;
}

void FakeEngine::AnnounceOnPrepare(const std::string& colour) {
  std::lock_guard lock(mutex_);
  announce_ = colour;
}

void FakeEngine::ServeBatches(std::vector<std::string> batches) {
  std::lock_guard lock(mutex_);
  batches_ = std::move(batches);
}

void FakeEngine::AnnounceOnBatches(const std::string& colour, int every) {
  std::lock_guard lock(mutex_);
  announce_on_batches_ = colour;
  announce_every_ = every;
}

void FakeEngine::Accept(std::vector<std::string> colours) {
  std::lock_guard lock(mutex_);
  accepted_ = std::move(colours);
}

std::map<std::string, int> FakeEngine::ColourChangesWithinQueries() const {
  std::lock_guard lock(mutex_);
  return colour_changes_;
}

int FakeEngine::Calls(const std::string& method) const {
  std::lock_guard lock(mutex_);
  int n = 0;
  for (const RecordedCall& call : log_) n += call.method == method ? 1 : 0;
  return n;
}

std::vector<RecordedCall> FakeEngine::Log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

RecordedCall FakeEngine::Last(const std::string& method) const {
  std::lock_guard lock(mutex_);
  for (auto call = log_.rbegin(); call != log_.rend(); ++call) {
    if (call->method == method) return *call;
  }
  throw std::out_of_range("no call of " + method);
}

std::string FakeEngine::last_user() const {
  std::lock_guard lock(mutex_);
  return last_user_;
}

std::string FakeEngine::last_query_text() const {
  std::lock_guard lock(mutex_);
  return last_query_text_;
}

std::string FakeEngine::last_schema() const {
  std::lock_guard lock(mutex_);
  return last_schema_;
}

std::string FakeEngine::last_catalog() const {
  std::lock_guard lock(mutex_);
  return last_catalog_;
}

grpc::Status FakeEngine::Begin(grpc::ServerContext* context, const std::string& method, const std::string& session_id,
                               const std::string& query_id, const std::string& engine_ip) {
  std::chrono::milliseconds delay{0};
  const std::string strategy = Header(context, "strategy");
  {
    std::lock_guard lock(mutex_);
    log_.push_back(RecordedCall{method, strategy, Header(context, "cluster-name"), Header(context, "plannerip"),
                                session_id, query_id, engine_ip});
    const auto found = delays_.find(method);
    if (found != delays_.end()) delay = found->second;
    const auto prepared = prepared_colour_.find(query_id);
    if (method != "clearOrCancelQuery" && prepared != prepared_colour_.end() && prepared->second != strategy) {
      ++colour_changes_[prepared->second + " -> " + strategy];
    }
  }
  // Sleeps in steps so that a call the client gave up on (deadline) ends early.
  const auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until && !context->IsCancelled()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::lock_guard lock(mutex_);
  if (!accepted_.empty() && strategy != "(absent)" &&
      std::find(accepted_.begin(), accepted_.end(), strategy) == accepted_.end()) {
    return grpc::Status(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
  }
  auto& queued = failures_[method];
  if (queued.empty()) return grpc::Status::OK;
  grpc::Status status = queued.front();
  queued.pop_front();
  return status;
}

grpc::Status FakeEngine::Prepared(grpc::ServerContext* context, PrepareStatementResponse* response) {
  ++prepared_;
  response->set_queryid("q" + std::to_string(prepared_));
  prepared_colour_[response->queryid()] = Header(context, "strategy");
  response->set_engineip("10.0.0." + std::to_string(prepared_));
  if (!announce_.empty()) response->set_new_strategy(announce_);
  return grpc::Status::OK;
}

grpc::Status FakeEngine::authenticate(grpc::ServerContext* c, const AuthenticateRequest* q, AuthenticateResponse* r) {
  grpc::Status status = Begin(c, "authenticate");
  std::lock_guard lock(mutex_);
  last_user_ = q->user();
  if (!status.ok()) return status;
  return on_authenticate_(Header(c, "strategy"), r);
}

grpc::Status FakeEngine::prepareStatement(grpc::ServerContext* c, const PrepareStatementRequest* q,
                                          PrepareStatementResponse* r) {
  grpc::Status status = Begin(c, "prepareStatement", q->sessionid());
  std::lock_guard lock(mutex_);
  last_query_text_ = q->querystring();
  last_schema_ = q->schema();
  last_catalog_.clear();
  return status.ok() ? Prepared(c, r) : status;
}

grpc::Status FakeEngine::prepareStatementV2(grpc::ServerContext* c, const PrepareStatementV2Request* q,
                                            PrepareStatementResponse* r) {
  grpc::Status status = Begin(c, "prepareStatementV2", q->sessionid());
  std::lock_guard lock(mutex_);
  last_query_text_ = q->querystring();
  last_schema_ = q->schema();
  last_catalog_ = q->catalog();
  return status.ok() ? Prepared(c, r) : status;
}

grpc::Status FakeEngine::executeStatement(grpc::ServerContext* c, const ExecuteStatementRequest* q,
                                          ExecuteStatementResponse* r) {
  grpc::Status status = Begin(c, "executeStatement", q->sessionid(), q->queryid(), q->engineip());
  std::lock_guard lock(mutex_);
  if (status.ok() && !announce_.empty()) r->set_new_strategy(announce_);
  return status;
}

grpc::Status FakeEngine::executeStatementV2(grpc::ServerContext* c, const ExecuteStatementV2Request* q,
                                            ExecuteStatementResponse* r) {
  grpc::Status status = Begin(c, "executeStatementV2", q->sessionid(), q->queryid(), q->engineip());
  std::lock_guard lock(mutex_);
  if (status.ok() && !announce_.empty()) r->set_new_strategy(announce_);
  return status;
}

grpc::Status FakeEngine::getResultMetadata(grpc::ServerContext* c, const GetResultMetadataRequest* q,
                                           GetResultMetadataResponse* r) {
  grpc::Status status = Begin(c, "getResultMetadata", q->sessionid(), q->queryid(), q->engineip());
  if (status.ok()) r->set_resultmetadata(Fixture("m1.bin"));
  return status;
}

grpc::Status FakeEngine::getNextResultBatch(grpc::ServerContext* c, const GetNextResultBatchRequest* q,
                                            GetNextResultBatchResponse* r) {
  grpc::Status status = Begin(c, "getNextResultBatch", q->sessionid(), q->queryid(), q->engineip());
  if (!status.ok()) return status;
  std::lock_guard lock(mutex_);
  size_t& next = next_batch_[q->queryid()];
  if (next < batches_.size()) r->set_resultbatch(batches_[next++]);  // else: empty = end of data
  if (announce_every_ > 0 && !announce_on_batches_.empty() && ++batches_served_ % announce_every_ == 0) {
    r->set_new_strategy(announce_on_batches_);
  }
  return status;
}

grpc::Status FakeEngine::clearOrCancelQuery(grpc::ServerContext* c, const ClearOrCancelQueryRequest* q,
                                            ClearOrCancelQueryResponse*) {
  return Begin(c, "clearOrCancelQuery", q->sessionid(), q->queryid(), q->engineip());
}

grpc::Status FakeEngine::cancelQuery(grpc::ServerContext* c, const CancelQueryRequest* q, CancelQueryResponse*) {
  return Begin(c, "cancelQuery", q->sessionid(), q->queryid(), q->engineip());
}

FakeServer::FakeServer(FakeEngine& engine) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(&engine);
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) throw std::runtime_error("the fake engine could not listen on 127.0.0.1");
}

FakeServer::~FakeServer() {
  // Calls still sleeping in a scripted delay get a moment, then are cancelled.
  server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
}

}  // namespace e6odbc::session::fake
