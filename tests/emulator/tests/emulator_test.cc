// The emulator through a raw gRPC client: authentication modes, the query
// lifecycle over tpch.lineitem in small batches, errors, catalog calls and
// the open-query counter.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <sqlite3.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include "emulator.h"
#include "sample_data.h"

namespace e6emu {
namespace {

// One getNextResultBatch call, decoded with the generated Thrift types;
// nullopt for the empty batch that signals the end.
std::optional<e6x::vectors::Chunk> NextChunk(QueryEngineService::Stub& engine, const std::string& session,
                                             const std::string& query) {
  grpc::ClientContext context;
  GetNextResultBatchRequest request;
  request.set_sessionid(session);
  request.set_queryid(query);
  GetNextResultBatchResponse response;
  EXPECT_TRUE(engine.getNextResultBatch(&context, request, &response).ok());
  if (response.resultbatch().empty()) return std::nullopt;
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(
      reinterpret_cast<uint8_t*>(response.mutable_resultbatch()->data()), static_cast<uint32_t>(response.resultbatch().size()));
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  e6x::vectors::Chunk chunk;
  chunk.read(&protocol);
  return chunk;
}

e6x::vectors::Chunk FirstChunk(QueryEngineService::Stub& engine, const std::string& session, const std::string& query) {
  std::optional<e6x::vectors::Chunk> chunk = NextChunk(engine, session, query);
  EXPECT_TRUE(chunk.has_value()) << "the result ended before its first batch";
  return chunk.value_or(e6x::vectors::Chunk());
}

class EmulatorTest : public ::testing::Test {
 protected:
  void Start(EmulatorOptions options) {
    emulator_ = std::make_unique<Emulator>(std::move(options));
    port_ = emulator_->Start("127.0.0.1:0");
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port_), grpc::InsecureChannelCredentials());
    engine_ = QueryEngineService::NewStub(channel);
    control_ = EmulatorControl::NewStub(channel);
  }
  void SetUp() override {
    EmulatorOptions options;
    options.batch_rows = 1000;
    Start(options);
  }

  std::string Authenticate(const std::string& user = "demo@e6data.local", const std::string& token = "demo-token") {
    grpc::ClientContext context;
    AuthenticateRequest request;
    request.set_user(user);
    request.set_password(token);
    AuthenticateResponse response;
    last_ = engine_->authenticate(&context, request, &response);
    return response.sessionid();
  }

  PrepareStatementResponse Prepare(const std::string& session, const std::string& sql) {
    grpc::ClientContext context;
    PrepareStatementV2Request request;
    request.set_sessionid(session);
    request.set_catalog("emulator");
    request.set_schema("tpch");
    request.set_querystring(sql);
    PrepareStatementResponse response;
    last_ = engine_->prepareStatementV2(&context, request, &response);
    return response;
  }

  StatsResponse Stats() {
    grpc::ClientContext context;
    StatsResponse response;
    EXPECT_TRUE(control_->stats(&context, StatsRequest(), &response).ok());
    return response;
  }

  std::unique_ptr<Emulator> emulator_;
  int port_ = 0;
  std::unique_ptr<QueryEngineService::Stub> engine_;
  std::unique_ptr<EmulatorControl::Stub> control_;
  grpc::Status last_;
};

TEST_F(EmulatorTest, AuthenticatesTheConfiguredPairOnly) {
  EXPECT_FALSE(Authenticate().empty());
  EXPECT_TRUE(Authenticate("demo@e6data.local", "wrong").empty());
  EXPECT_TRUE(last_.ok()) << "default mode answers OK with an empty session";
  EXPECT_EQ(Stats().sessions(), 1);
}

TEST_F(EmulatorTest, AuthFailureModes) {
  EmulatorOptions options;
  options.auth_failure = AuthFailure::kAccessDenied;
  Start(options);
  Authenticate("demo@e6data.local", "wrong");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(last_.error_message().find("Access denied"), std::string::npos);
  options.auth_failure = AuthFailure::kUnauthenticated;
  Start(options);
  Authenticate("nobody", "demo-token");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(EmulatorTest, SyntaxErrorsAndUnknownSessions) {
  const std::string session = Authenticate();
  Prepare(session, "SELEC 1");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(last_.error_message().find("syntax error"), std::string::npos);
  Prepare(session, "DELETE FROM tpch.region");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  Prepare("no-such-session", "SELECT 1");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(last_.error_message().find("Access denied"), std::string::npos);
}

TEST_F(EmulatorTest, LineitemStreamsInBatchesThenEmptyForever) {
  const std::string session = Authenticate();
  const PrepareStatementResponse prepared = Prepare(session, "SELECT l_orderkey, l_quantity FROM tpch.lineitem");
  ASSERT_TRUE(last_.ok()) << last_.error_message();
  EXPECT_FALSE(prepared.queryid().empty());
  EXPECT_FALSE(prepared.engineip().empty());
  EXPECT_EQ(prepared.sessionid(), session);
  EXPECT_EQ(Stats().open_queries(), 1);
  {
    grpc::ClientContext context;
    ExecuteStatementV2Request request;
    request.set_sessionid(session);
    request.set_queryid(prepared.queryid());
    ExecuteStatementResponse response;
    ASSERT_TRUE(engine_->executeStatementV2(&context, request, &response).ok());
  }
  int64_t total = 0;
  {
    grpc::ClientContext context;
    GetResultMetadataRequest request;
    request.set_sessionid(session);
    request.set_queryid(prepared.queryid());
    GetResultMetadataResponse response;
    ASSERT_TRUE(engine_->getResultMetadata(&context, request, &response).ok());
    const std::string& bytes = response.resultmetadata();
    for (int i = 0; i < 8; ++i) total = (total << 8) | static_cast<unsigned char>(bytes[static_cast<size_t>(i)]);
  }
  // SQLite on the same sample data says how many rows there are.
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  LoadSampleData(db);
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM tpch.lineitem", -1, &count, nullptr);
  sqlite3_step(count);
  const int64_t expected = sqlite3_column_int64(count, 0);
  sqlite3_finalize(count);
  sqlite3_close(db);
  EXPECT_EQ(total, expected);

  int64_t rows = 0;
  int batches = 0;
  while (std::optional<e6x::vectors::Chunk> chunk = NextChunk(*engine_, session, prepared.queryid())) {
    ASSERT_LE(chunk->size, 1000);
    ASSERT_EQ(chunk->vectors.size(), 2u);
    EXPECT_EQ(chunk->vectors[0].vectorType, e6x::vectors::VectorType::LONG);
    EXPECT_EQ(chunk->vectors[1].vectorType, e6x::vectors::VectorType::DECIMAL128);
    EXPECT_EQ(chunk->vectors[1].data.decimal128Data.scale, 2);
    EXPECT_EQ(chunk->vectors[1].data.decimal128Data.data[0].size(), 16u);
    rows += chunk->size;
    ++batches;
  }
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(batches, (expected + 999) / 1000);
  for (int again = 0; again < 3; ++again) {  // the end is repeated, not an error
    EXPECT_FALSE(NextChunk(*engine_, session, prepared.queryid()).has_value());
  }
  {
    grpc::ClientContext context;
    ClearOrCancelQueryRequest request;
    request.set_sessionid(session);
    request.set_queryid(prepared.queryid());
    ClearOrCancelQueryResponse response;
    ASSERT_TRUE(engine_->clearOrCancelQuery(&context, request, &response).ok());
  }
  EXPECT_EQ(Stats().open_queries(), 0);
  EXPECT_GE(Stats().calls_by_method().at("QueryEngineService/getNextResultBatch"), batches + 3);
}

// Prepares and executes `sql`; returns the query id.
std::string PrepareAndExecute(QueryEngineService::Stub& engine, const std::string& session, const std::string& sql) {
  grpc::ClientContext c1;
  PrepareStatementRequest prepare;
  prepare.set_sessionid(session);
  prepare.set_querystring(sql);
  PrepareStatementResponse prepared;
  EXPECT_TRUE(engine.prepareStatement(&c1, prepare, &prepared).ok());
  grpc::ClientContext c2;
  ExecuteStatementRequest execute;
  execute.set_sessionid(session);
  execute.set_queryid(prepared.queryid());
  ExecuteStatementResponse executed;
  EXPECT_TRUE(engine.executeStatement(&c2, execute, &executed).ok());
  return prepared.queryid();
}

TEST_F(EmulatorTest, LiteralColumnsTravelAsConstantVectors) {
  const std::string session = Authenticate();
  const std::string query = PrepareAndExecute(*engine_, session, "SELECT 1 AS one, 'x' AS x, 2.5 AS half, r_name FROM tpch.region");
  const e6x::vectors::Chunk chunk = FirstChunk(*engine_, session, query);
  ASSERT_EQ(chunk.size, 5);
  ASSERT_EQ(chunk.vectors.size(), 4u);
  EXPECT_TRUE(chunk.vectors[0].isConstantVector);
  EXPECT_EQ(chunk.vectors[0].data.numericConstantData.data, 1);
  EXPECT_TRUE(chunk.vectors[1].isConstantVector);
  EXPECT_EQ(chunk.vectors[1].data.varcharConstantData.data, "x");
  EXPECT_TRUE(chunk.vectors[2].isConstantVector);
  EXPECT_EQ(chunk.vectors[2].data.numericDecimalConstantData.data, 2.5);
  EXPECT_FALSE(chunk.vectors[3].isConstantVector);
  EXPECT_EQ(chunk.vectors[3].data.varcharData.data.size(), 5u);
}

TEST_F(EmulatorTest, ExplainExplainAnalyzeDryRunAndCatalogs) {
  const std::string session = Authenticate();
  const std::string query = PrepareAndExecute(*engine_, session, "SELECT * FROM tpch.nation WHERE n_regionkey = 1");
  {
    grpc::ClientContext context;
    ExplainRequest request;
    request.set_sessionid(session);
    request.set_queryid(query);
    ExplainResponse response;
    ASSERT_TRUE(engine_->explain(&context, request, &response).ok());
    EXPECT_NE(response.explain().find("nation"), std::string::npos) << response.explain();
    EXPECT_EQ(response.sessionid(), session);
  }
  {
    grpc::ClientContext context;
    ExplainAnalyzeRequest request;
    request.set_sessionid(session);
    request.set_queryid(query);
    ExplainAnalyzeResponse response;
    ASSERT_TRUE(engine_->explainAnalyze(&context, request, &response).ok());
    for (const char* key : {"\"total_query_time\"", "\"executionQueueingTime\"", "\"parsingTime\""}) {
      EXPECT_NE(response.explainanalyze().find(key), std::string::npos) << response.explainanalyze();
    }
    EXPECT_GE(response.parsingtime(), 0);
  }
  {
    grpc::ClientContext context;
    DryRunRequest request;
    request.set_sessionid(session);
    request.set_querystring("SELEC 1");
    DryRunResponse response;
    EXPECT_EQ(engine_->dryRun(&context, request, &response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
  {
    grpc::ClientContext context;
    GetCatalogesResponse response;
    ASSERT_TRUE(engine_->getCataloges(&context, GetCatalogesRequest(), &response).ok());
    ASSERT_EQ(response.catalogresponses_size(), 1);
    EXPECT_EQ(response.catalogresponses(0).name(), "emulator");
    EXPECT_TRUE(response.catalogresponses(0).isdefault());
  }
}

// ---- misbehaviour on request (EmulatorControl.configure) -------------------------

class FaultTest : public EmulatorTest {
 protected:
  void Configure(const ConfigureRequest& request) {
    grpc::ClientContext context;
    ConfigureResponse response;
    ASSERT_TRUE(control_->configure(&context, request, &response).ok());
  }
  grpc::Status AuthenticateAs(const std::string& strategy, AuthenticateResponse* response) {
    grpc::ClientContext context;
    if (!strategy.empty()) context.AddMetadata("strategy", strategy);
    AuthenticateRequest request;
    request.set_user("demo@e6data.local");
    request.set_password("demo-token");
    return engine_->authenticate(&context, request, response);
  }
};

TEST_F(FaultTest, WrongOrMissingStrategyGetsThe456Signal) {
  ConfigureRequest serve_green;
  serve_green.set_strategy("green");
  Configure(serve_green);
  AuthenticateResponse response;
  const grpc::Status blue = AuthenticateAs("blue", &response);
  EXPECT_EQ(blue.error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_NE(blue.error_message().find("status: 456"), std::string::npos);
  EXPECT_TRUE(AuthenticateAs("green", &response).ok());
  EXPECT_TRUE(AuthenticateAs("", &response).ok()) << "a missing header is accepted by default";
  ConfigureRequest strict;
  strict.set_reject_missing_strategy(true);
  Configure(strict);
  EXPECT_EQ(AuthenticateAs("", &response).error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_EQ(Stats().strategy_headers().at("blue"), 1);
  EXPECT_EQ(Stats().strategy_headers().at(""), 2);
}

TEST_F(FaultTest, SwitchAnnouncesTheNewColourAndRetiresTheOldOneLater) {
  ConfigureRequest serve_blue;
  serve_blue.set_strategy("blue");
  Configure(serve_blue);
  ConfigureRequest to_green;
  to_green.set_switch_strategy("green");
  Configure(to_green);
  AuthenticateResponse response;
  ASSERT_TRUE(AuthenticateAs("blue", &response).ok()) << "in-flight work may still use blue";
  EXPECT_EQ(response.new_strategy(), "green");
  ConfigureRequest retire;
  retire.set_retire_previous_strategy(true);
  Configure(retire);
  EXPECT_EQ(AuthenticateAs("blue", &response).error_code(), grpc::StatusCode::UNKNOWN);
  AuthenticateResponse settled;
  ASSERT_TRUE(AuthenticateAs("green", &settled).ok());
  EXPECT_FALSE(settled.has_new_strategy()) << "nothing to announce once the switch is over";
}

TEST_F(FaultTest, SuspendedClusterAnswers503UntilResumed) {
  ConfigureRequest suspend;
  suspend.set_suspended(true);
  Configure(suspend);
  AuthenticateResponse response;
  const grpc::Status status = AuthenticateAs("", &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(status.error_message().find("status: 503"), std::string::npos);
  auto cluster = ClusterService::NewStub(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port_), grpc::InsecureChannelCredentials()));
  grpc::ClientContext c1;
  ClusterStatusResponse cluster_status;
  ASSERT_TRUE(cluster->status(&c1, ClusterStatusRequest(), &cluster_status).ok());
  EXPECT_EQ(cluster_status.status(), "suspended");
  grpc::ClientContext c2;
  ResumeResponse resumed;
  ASSERT_TRUE(cluster->resume(&c2, ResumeRequest(), &resumed).ok());
  EXPECT_TRUE(AuthenticateAs("", &response).ok());
}

TEST_F(FaultTest, ResumeGoesThroughResumingWhenItTakesTime) {
  ConfigureRequest suspend;
  suspend.set_suspended(true);
  suspend.set_resume_ms(400);
  Configure(suspend);
  auto cluster = ClusterService::NewStub(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port_), grpc::InsecureChannelCredentials()));
  const auto status_now = [&] {
    grpc::ClientContext context;
    ClusterStatusResponse response;
    EXPECT_TRUE(cluster->status(&context, ClusterStatusRequest(), &response).ok());
    return response.status();
  };
  EXPECT_EQ(status_now(), "suspended");
  grpc::ClientContext c;
  ResumeResponse resumed;
  ASSERT_TRUE(cluster->resume(&c, ResumeRequest(), &resumed).ok());
  EXPECT_EQ(resumed.status(), "resuming");
  EXPECT_EQ(status_now(), "resuming");
  AuthenticateResponse response;
  EXPECT_EQ(AuthenticateAs("", &response).error_code(), grpc::StatusCode::UNAVAILABLE) << "still resuming";
  std::this_thread::sleep_for(std::chrono::milliseconds(450));
  EXPECT_EQ(status_now(), "active");
  EXPECT_TRUE(AuthenticateAs("", &response).ok());
}

TEST_F(FaultTest, ExpiredSessionsAreAccessDenied) {
  const std::string session = Authenticate();
  ConfigureRequest expire;
  expire.set_expire_sessions(true);
  Configure(expire);
  Prepare(session, "SELECT 1");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(last_.error_message().find("Access denied"), std::string::npos);
  EXPECT_EQ(Stats().sessions(), 0);
}

TEST_F(FaultTest, FailsTheNthCallOfAMethodOnce) {
  ConfigureRequest fail;
  fail.set_fail_method("QueryEngineService/authenticate");
  fail.set_fail_nth(2);
  fail.set_fail_code(static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  fail.set_fail_message("injected");
  Configure(fail);
  AuthenticateResponse response;
  EXPECT_TRUE(AuthenticateAs("", &response).ok());
  const grpc::Status second = AuthenticateAs("", &response);
  EXPECT_EQ(second.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(second.error_message(), "injected");
  EXPECT_TRUE(AuthenticateAs("", &response).ok());
}

TEST_F(FaultTest, DelaysTheChosenMethod) {
  ConfigureRequest delay;
  delay.set_delay_ms(300);
  delay.set_delay_method("QueryEngineService/authenticate");
  Configure(delay);
  const auto start = std::chrono::steady_clock::now();
  AuthenticateResponse response;
  EXPECT_TRUE(AuthenticateAs("", &response).ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
}

TEST_F(EmulatorTest, ServesUserDataFromSqliteFilesAndCsvDirectories) {
  const auto dir = std::filesystem::temp_directory_path() / ("e6emu-user-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "sales");
  sqlite3* file = nullptr;
  sqlite3_open((dir / "shop.db").c_str(), &file);
  sqlite3_exec(file, "CREATE TABLE items (id INTEGER, price decimal(10,2), name VARCHAR(20), added timestamp);"
               "INSERT INTO items VALUES (1, '12.50', 'pen', '2024-01-02 03:04:05');", nullptr, nullptr, nullptr);
  sqlite3_close(file);
  std::ofstream(dir / "sales" / "orders.csv") << "id:bigint,\"amount:decimal(12,2)\",note\n1,10.25,\"a, quoted\"\n2,,\n";
  EmulatorOptions options;
  options.sqlite_files.push_back({(dir / "shop.db").string(), ""});
  options.csv_directories.push_back({(dir / "sales").string(), "sales"});
  Start(options);
  const std::string session = Authenticate();

  grpc::ClientContext c1;
  GetColumnsV2Request columns;
  columns.set_sessionid(session);
  columns.set_catalog("emulator");
  columns.set_schema("shop");
  columns.set_table("items");
  GetColumnsResponse fields;
  ASSERT_TRUE(engine_->getColumnsV2(&c1, columns, &fields).ok());
  ASSERT_EQ(fields.fieldinfo_size(), 4);
  EXPECT_EQ(fields.fieldinfo(0).fieldtype(), "bigint");          // SQLite INTEGER is 64-bit
  EXPECT_EQ(fields.fieldinfo(1).fieldtype(), "decimal(10,2)");   // declared engine type kept
  EXPECT_EQ(fields.fieldinfo(2).fieldtype(), "varchar(20)");     // an engine type name, kept
  EXPECT_EQ(fields.fieldinfo(3).fieldtype(), "timestamp");

  const std::string query = PrepareAndExecute(*engine_, session, "SELECT id, amount, note FROM sales.orders ORDER BY id");
  const e6x::vectors::Chunk chunk = FirstChunk(*engine_, session, query);
  ASSERT_EQ(chunk.size, 2);
  EXPECT_EQ(chunk.vectors[0].vectorType, e6x::vectors::VectorType::LONG);
  EXPECT_EQ(chunk.vectors[1].vectorType, e6x::vectors::VectorType::DECIMAL128);
  EXPECT_EQ(chunk.vectors[1].data.decimal128Data.scale, 2);
  EXPECT_EQ(chunk.vectors[1].nullSet, (std::vector<bool>{false, true}));
  EXPECT_EQ(chunk.vectors[2].data.varcharData.data[0], "a, quoted");
  std::filesystem::remove_all(dir);
}

TEST_F(EmulatorTest, ClearIsIdempotentAndAcceptsUnknownIds) {
  for (const char* id : {"", "query-999", "query-999"}) {
    grpc::ClientContext context;
    ClearOrCancelQueryRequest request;
    request.set_queryid(id);
    ClearOrCancelQueryResponse response;
    EXPECT_TRUE(engine_->clearOrCancelQuery(&context, request, &response).ok());
  }
}

TEST_F(EmulatorTest, CatalogCallsUseLowerCaseEngineTypes) {
  const std::string session = Authenticate();
  grpc::ClientContext c1;
  GetSchemaNamesV2Request schemas;
  schemas.set_sessionid(session);
  schemas.set_catalog("emulator");
  GetSchemaNamesResponse schema_names;
  ASSERT_TRUE(engine_->getSchemaNamesV2(&c1, schemas, &schema_names).ok());
  ASSERT_EQ(schema_names.schemas_size(), 2);
  EXPECT_EQ(schema_names.schemas(0), "tpch");
  EXPECT_EQ(schema_names.schemas(1), "types");

  grpc::ClientContext c2;
  GetColumnsV2Request columns;
  columns.set_sessionid(session);
  columns.set_catalog("emulator");
  columns.set_schema("tpch");
  columns.set_table("lineitem");
  GetColumnsResponse fields;
  ASSERT_TRUE(engine_->getColumnsV2(&c2, columns, &fields).ok());
  ASSERT_EQ(fields.fieldinfo_size(), 16);
  EXPECT_EQ(fields.fieldinfo(4).fieldname(), "l_quantity");
  EXPECT_EQ(fields.fieldinfo(4).fieldtype(), "decimal(15,2)");
  EXPECT_EQ(fields.sessionid(), session);

  grpc::ClientContext c3;
  columns.set_table("nope");
  EXPECT_EQ(engine_->getColumnsV2(&c3, columns, &fields).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace e6emu
