// Every QueryEngineService RPC of spec §1.2 through a raw gRPC client, table
// driven: each answers (or, for the deprecated and dataframe calls, says
// clearly that it is not served), fills sessionId where its response has one,
// and passes the same gates as the rest: unknown session -> "Access denied",
// suspension -> 503, wrong strategy -> 456. Then what the calls the reference
// client never makes actually do.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "raw_client.h"

namespace e6emu {
namespace {

using testing::Bounded;

// One call: returns its status; `echoed` gets the response's sessionId if it has that field.
using Call = std::function<grpc::Status(QueryEngineService::Stub&, grpc::ClientContext*, const std::string& session,
                                        const std::string& query, std::optional<std::string>& echoed)>;

struct Rpc {
  const char* method;
  bool checks_session;
  bool served;  // false: UNIMPLEMENTED with an explanation
  Call call;
};

template <typename Request, typename Response>
Call SessionCall(grpc::Status (QueryEngineService::Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                 std::function<void(Request&, const std::string&, const std::string&)> fill) {
  return [=](QueryEngineService::Stub& stub, grpc::ClientContext* context, const std::string& session,
             const std::string& query, std::optional<std::string>& echoed) {
    Request request;
    fill(request, session, query);
    Response response;
    const grpc::Status status = (stub.*method)(context, request, &response);
    if constexpr (requires { response.sessionid(); }) echoed = response.sessionid();
    return status;
  };
}

template <typename Request, typename Response>
Call PlainCall(grpc::Status (QueryEngineService::Stub::*method)(grpc::ClientContext*, const Request&, Response*),
               std::function<void(Request&)> fill = [](Request&) {}) {
  return [=](QueryEngineService::Stub& stub, grpc::ClientContext* context, const std::string&, const std::string&,
             std::optional<std::string>&) {
    Request request;
    fill(request);
    Response response;
    return (stub.*method)(context, request, &response);
  };
}

using S = QueryEngineService::Stub;

std::vector<Rpc> AllRpcs() {
  return {
      {"identifyPlanner", true, true,
       SessionCall<IdentifyPlannerRequest, IdentifyPlannerResponse>(
           &S::identifyPlanner, [](auto& r, auto& s, auto&) { r.set_sessionid(s); })},
      {"getDynamicParams", true, true,
       SessionCall<GetDynamicParamsRequest, GetDynamicParamsResponse>(
           &S::getDynamicParams, [](auto& r, auto& s, auto& q) { r.set_sessionid(s); r.set_queryid(q); })},
      {"clear", false, true,
       SessionCall<ClearRequest, ClearResponse>(
           &S::clear, [](auto& r, auto& s, auto& q) { r.set_sessionid(s); r.set_queryid(q); })},
      {"syncSchemas", false, true,
       PlainCall<SyncSchemaRequest, SyncSchemaResponse>(&S::syncSchemas, [](auto& r) { r.set_catalog("emulator"); })},
      {"healthCheck", false, true, PlainCall<HealthCheckRequest, HealthCheckResponse>(&S::healthCheck)},
      {"analyzeQuery", false, true,
       PlainCall<AnalyzeQueryRequest, AnalyzeQueryResponse>(&S::analyzeQuery, [](auto& r) {
         r.set_query("SELECT r_name FROM tpch.region");
         r.set_catalog("emulator");
         r.set_schema("tpch");
       })},
      {"addCatalogs", true, true,
       SessionCall<AddCatalogsRequest, AddCatalogsResponse>(
           &S::addCatalogs, [](auto& r, auto& s, auto&) { r.set_sessionid(s); r.set_json("{}"); })},
      {"refreshCatalogs", true, true,
       SessionCall<RefreshCatalogsRequest, RefreshCatalogsResponse>(
           &S::refreshCatalogs, [](auto& r, auto& s, auto&) { r.set_sessionid(s); })},
      {"getAddCatalogsResponse", true, true,
       SessionCall<GetAddCatalogsRequest, GetAddCatalogsResponse>(
           &S::getAddCatalogsResponse, [](auto& r, auto& s, auto&) { r.set_sessionid(s); })},
      {"getSchemaNames", true, true,
       SessionCall<GetSchemaNamesRequest, GetSchemaNamesResponse>(
           &S::getSchemaNames, [](auto& r, auto& s, auto&) { r.set_sessionid(s); })},
      {"getTables", true, true,
       SessionCall<GetTablesRequest, GetTablesResponse>(
           &S::getTables, [](auto& r, auto& s, auto&) { r.set_sessionid(s); r.set_schema("tpch"); })},
      {"getColumns", true, true,
       SessionCall<GetColumnsRequest, GetColumnsResponse>(
           &S::getColumns,
           [](auto& r, auto& s, auto&) {
             r.set_sessionid(s);
             r.set_schema("tpch");
             r.set_table("region");
           })},
      {"updateUsers", false, true, PlainCall<UpdateUsersRequest, UpdateUsersResponse>(&S::updateUsers)},
      {"setProps", true, true,
       SessionCall<SetPropsRequest, SetPropsResponse>(
           &S::setProps,
           [](auto& r, auto& s, auto&) {
             r.set_sessionid(s);
             r.set_props("{\"USE_QUERY_RESULT_CACHE\": false}");
           })},
      {"dryRunV2", true, true,
       SessionCall<DryRunRequestV2, DryRunResponse>(
           &S::dryRunV2,
           [](auto& r, auto& s, auto&) {
             r.set_sessionid(s);
             r.set_catalog("emulator");
             r.set_querystring("SELECT 1");
           })},
      {"dropUserContext", true, true,
       SessionCall<DropUserContextRequest, DropUserContextResponse>(
           &S::dropUserContext, [](auto& r, auto& s, auto&) { r.set_sessionid(s); })},
      {"getNextRemoteCachedChunk", false, false,
       PlainCall<RemoteChunkRequest, RemoteChunkResponse>(&S::getNextRemoteCachedChunk)},
      {"createDataFrame", false, false, PlainCall<CreateDataFrameRequest, CreateDataFrameResponse>(&S::createDataFrame)},
      {"projectionOnDataFrame", false, false,
       PlainCall<ProjectionOnDataFrameRequest, ProjectionOnDataFrameResponse>(&S::projectionOnDataFrame)},
      {"aggregateOnDataFrame", false, false,
       PlainCall<AggregateOnDataFrameRequest, AggregateOnDataFrameResponse>(&S::aggregateOnDataFrame)},
      {"filterOnDataFrame", false, false,
       PlainCall<FilterOnDataFrameRequest, FilterOnDataFrameResponse>(&S::filterOnDataFrame)},
      {"orderByOnDataFrame", false, false,
       PlainCall<OrderByOnDataFrameRequest, OrderByOnDataFrameResponse>(&S::orderByOnDataFrame)},
      {"limitOnDataFrame", false, false,
       PlainCall<LimitOnDataFrameRequest, LimitOnDataFrameResponse>(&S::limitOnDataFrame)},
      {"executeDataFrame", false, false,
       PlainCall<ExecuteDataFrameRequest, ExecuteDataFrameResponse>(&S::executeDataFrame)},
  };
}

class RpcCoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = std::make_unique<Emulator>(EmulatorOptions());
    const int port = emulator_->Start("127.0.0.1:0");
    auto channel = testing::OwnChannel(port);
    engine_ = QueryEngineService::NewStub(channel);
    control_ = EmulatorControl::NewStub(channel);
  }
  // A fresh session with one prepared query (dropUserContext ends sessions).
  std::pair<std::string, std::string> Fresh() {
    std::string session;
    EXPECT_TRUE(testing::Authenticate(*engine_, session).ok());
    return {session, testing::PrepareAndExecute(*engine_, session, "SELECT r_regionkey FROM tpch.region")};
  }
  void Configure(const ConfigureRequest& request) { ASSERT_TRUE(testing::Configure(*control_, request).ok()); }

  std::unique_ptr<Emulator> emulator_;
  std::unique_ptr<QueryEngineService::Stub> engine_;
  std::unique_ptr<EmulatorControl::Stub> control_;
};

TEST_F(RpcCoverageTest, EveryRpcAnswersAndEchoesTheSession) {
  for (const Rpc& rpc : AllRpcs()) {
    SCOPED_TRACE(rpc.method);
    const auto [session, query] = Fresh();
    std::optional<std::string> echoed;
    const grpc::Status status = rpc.call(*engine_, Bounded().get(), session, query, echoed);
    if (rpc.served) {
      EXPECT_TRUE(status.ok()) << status.error_code() << ": " << status.error_message();
      if (echoed) {
        EXPECT_EQ(*echoed, session);
      }
    } else {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
      EXPECT_NE(status.error_message().find(rpc.method), std::string::npos) << status.error_message();
      EXPECT_NE(status.error_message().find("emulator does not serve"), std::string::npos) << status.error_message();
    }
  }
  const StatsResponse stats = testing::Stats(*control_);
  for (const Rpc& rpc : AllRpcs()) {
    EXPECT_EQ(stats.calls_by_method().count(std::string("QueryEngineService/") + rpc.method), 1u) << rpc.method;
  }
}

TEST_F(RpcCoverageTest, UnknownSessionsAreAccessDenied) {
  for (const Rpc& rpc : AllRpcs()) {
    if (!rpc.checks_session) continue;
    SCOPED_TRACE(rpc.method);
    const auto [session, query] = Fresh();
    std::optional<std::string> echoed;
    const grpc::Status status = rpc.call(*engine_, Bounded().get(), "session-404", query, echoed);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
    EXPECT_NE(status.error_message().find("Access denied"), std::string::npos) << status.error_message();
  }
}

TEST_F(RpcCoverageTest, SuspensionAndWrongStrategyStopEveryRpc) {
  const auto [session, query] = Fresh();
  ConfigureRequest suspend;
  suspend.set_suspended(true);
  Configure(suspend);
  for (const Rpc& rpc : AllRpcs()) {
    std::optional<std::string> echoed;
    const grpc::Status status = rpc.call(*engine_, Bounded().get(), session, query, echoed);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << rpc.method;
    EXPECT_NE(status.error_message().find("status: 503"), std::string::npos) << rpc.method;
  }
  ConfigureRequest blue;
  blue.set_suspended(false);
  blue.set_strategy("blue");
  Configure(blue);
  for (const Rpc& rpc : AllRpcs()) {
    auto context = Bounded();
    context->AddMetadata("strategy", "green");
    std::optional<std::string> echoed;
    const grpc::Status status = rpc.call(*engine_, context.get(), session, query, echoed);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNKNOWN) << rpc.method;
    EXPECT_NE(status.error_message().find("status: 456"), std::string::npos) << rpc.method;
  }
}

// ---- what the calls do ----

TEST_F(RpcCoverageTest, V1CatalogCallsServeTheDefaultCatalog) {
  const auto [session, query] = Fresh();
  GetSchemaNamesRequest schemas_request;
  schemas_request.set_sessionid(session);
  GetSchemaNamesResponse schemas;
  ASSERT_TRUE(engine_->getSchemaNames(Bounded().get(), schemas_request, &schemas).ok());
  EXPECT_EQ(std::vector<std::string>(schemas.schemas().begin(), schemas.schemas().end()),
            (std::vector<std::string>{"tpch", "types"}));

  GetTablesRequest tables_request;
  tables_request.set_sessionid(session);
  tables_request.set_schema("tpch");
  GetTablesResponse tables;
  ASSERT_TRUE(engine_->getTables(Bounded().get(), tables_request, &tables).ok());
  EXPECT_EQ(std::vector<std::string>(tables.tables().begin(), tables.tables().end()),
            (std::vector<std::string>{"customer", "lineitem", "nation", "orders", "region"}));
  tables_request.set_schema("nope");
  EXPECT_EQ(engine_->getTables(Bounded().get(), tables_request, &tables).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  GetColumnsRequest columns_request;
  columns_request.set_sessionid(session);
  columns_request.set_schema("tpch");
  columns_request.set_table("region");
  GetColumnsResponse columns;
  ASSERT_TRUE(engine_->getColumns(Bounded().get(), columns_request, &columns).ok());
  ASSERT_EQ(columns.fieldinfo_size(), 3);
  EXPECT_EQ(columns.fieldinfo(0).fieldname(), "r_regionkey");
  EXPECT_EQ(columns.fieldinfo(0).fieldtype(), "bigint");
  EXPECT_EQ(columns.fieldinfo(1).fieldtype(), "string");
  columns_request.set_table("nope");
  EXPECT_EQ(engine_->getColumns(Bounded().get(), columns_request, &columns).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(RpcCoverageTest, IdentifyPlannerSaysGoAheadAndEchoesTheExistingQuery) {
  const auto [session, query] = Fresh();
  IdentifyPlannerRequest request;
  request.set_sessionid(session);
  request.mutable_existingquery()->set_queryid(query);
  request.mutable_existingquery()->set_elapsedtimemillis(12);
  IdentifyPlannerResponse response;
  ASSERT_TRUE(engine_->identifyPlanner(Bounded().get(), request, &response).ok());
  EXPECT_EQ(response.queuemessage(), IdentifyPlannerResponse::GO_AHEAD);
  EXPECT_FALSE(response.plannerip().empty());
  EXPECT_EQ(response.existingquery().queryid(), query);
  EXPECT_EQ(response.existingquery().elapsedtimemillis(), 12);
  request.mutable_firsttimerequestpayload()->set_catalog("other");
  EXPECT_EQ(engine_->identifyPlanner(Bounded().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(RpcCoverageTest, DryRunV2AndAnalyzeQueryCompileTheQuery) {
  const auto [session, query] = Fresh();
  DryRunRequestV2 dry;
  dry.set_sessionid(session);
  dry.set_catalog("emulator");
  dry.set_querystring("SELECT * FROM tpch.nation");
  DryRunResponse dry_response;
  ASSERT_TRUE(engine_->dryRunV2(Bounded().get(), dry, &dry_response).ok());
  EXPECT_EQ(dry_response.dryrunvalue(), "{\"valid\": true}");
  dry.set_querystring("SELECT * FROM tpch.no_such_table");
  EXPECT_EQ(engine_->dryRunV2(Bounded().get(), dry, &dry_response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  dry.set_querystring("SELECT 1");
  dry.set_catalog("other");
  EXPECT_EQ(engine_->dryRunV2(Bounded().get(), dry, &dry_response).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  AnalyzeQueryRequest analyze;
  analyze.set_query("SELEC 1");
  AnalyzeQueryResponse analyzed;
  const grpc::Status status = engine_->analyzeQuery(Bounded().get(), analyze, &analyzed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("syntax error"), std::string::npos) << status.error_message();
}

TEST_F(RpcCoverageTest, DynamicParamsOfAKnownQueryAreNone) {
  const auto [session, query] = Fresh();
  GetDynamicParamsRequest request;
  request.set_sessionid(session);
  request.set_queryid(query);
  GetDynamicParamsResponse response;
  ASSERT_TRUE(engine_->getDynamicParams(Bounded().get(), request, &response).ok());
  EXPECT_EQ(response.params_size(), 0);
  request.set_queryid("query-404");
  const grpc::Status missing = engine_->getDynamicParams(Bounded().get(), request, &response);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(missing.error_message().find("query-404"), std::string::npos);
}

TEST_F(RpcCoverageTest, AddCatalogsIsReportedAsASuccessAfterwards) {
  const auto [session, query] = Fresh();
  GetAddCatalogsRequest ask;
  ask.set_sessionid(session);
  GetAddCatalogsResponse before;
  ASSERT_TRUE(engine_->getAddCatalogsResponse(Bounded().get(), ask, &before).ok());
  EXPECT_EQ(before.status(), "");
  AddCatalogsRequest add;
  add.set_sessionid(session);
  add.set_json("{\"catalogs\": []}");
  AddCatalogsResponse added;
  ASSERT_TRUE(engine_->addCatalogs(Bounded().get(), add, &added).ok());
  GetAddCatalogsResponse after;
  ASSERT_TRUE(engine_->getAddCatalogsResponse(Bounded().get(), ask, &after).ok());
  EXPECT_EQ(after.status(), "success");
  EXPECT_EQ(after.failures_size(), 0);
}

TEST_F(RpcCoverageTest, DropUserContextEndsTheSessionAndReleasesItsQueries) {
  const auto [session, query] = Fresh();
  const auto [other_session, other_query] = Fresh();
  EXPECT_EQ(testing::Stats(*control_).open_queries(), 2);
  DropUserContextRequest request;
  request.set_sessionid(session);
  DropUserContextResponse response;
  ASSERT_TRUE(engine_->dropUserContext(Bounded().get(), request, &response).ok());
  const StatsResponse stats = testing::Stats(*control_);
  EXPECT_EQ(stats.open_queries(), 1) << "the other session's query stays";
  EXPECT_EQ(stats.sessions(), 1);
  std::string batch;
  const grpc::Status denied = testing::NextBatch(*engine_, session, query, batch);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(denied.error_message().find("Access denied"), std::string::npos);
  EXPECT_TRUE(testing::NextBatch(*engine_, other_session, other_query, batch).ok());
}

TEST_F(RpcCoverageTest, ASwitchIsAnnouncedOnEveryResponseWithTheField) {
  const auto [session, query] = Fresh();
  ConfigureRequest blue;
  blue.set_strategy("blue");
  Configure(blue);
  ConfigureRequest to_green;
  to_green.set_switch_strategy("green");
  Configure(to_green);
  const auto blue_context = [] {
    auto context = Bounded();
    context->AddMetadata("strategy", "blue");
    return context;
  };
  std::vector<std::string> announced;
  {
    StatusRequest request;
    request.set_sessionid(session);
    request.set_queryid(query);
    StatusResponse response;
    ASSERT_TRUE(engine_->status(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  {
    ExplainRequest request;
    request.set_sessionid(session);
    request.set_queryid(query);
    ExplainResponse response;
    ASSERT_TRUE(engine_->explain(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  {
    ExplainAnalyzeRequest request;
    request.set_sessionid(session);
    request.set_queryid(query);
    ExplainAnalyzeResponse response;
    ASSERT_TRUE(engine_->explainAnalyze(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  {
    GetSchemaNamesV2Request request;
    request.set_sessionid(session);
    request.set_catalog("emulator");
    GetSchemaNamesResponse response;
    ASSERT_TRUE(engine_->getSchemaNamesV2(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  {
    GetTablesV2Request request;
    request.set_sessionid(session);
    request.set_catalog("emulator");
    request.set_schema("tpch");
    GetTablesResponse response;
    ASSERT_TRUE(engine_->getTablesV2(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  {
    GetColumnsRequest request;
    request.set_sessionid(session);
    request.set_schema("tpch");
    request.set_table("nation");
    GetColumnsResponse response;
    ASSERT_TRUE(engine_->getColumns(blue_context().get(), request, &response).ok());
    announced.push_back(response.new_strategy());
  }
  EXPECT_EQ(announced, std::vector<std::string>(6, "green"));
}

}  // namespace
}  // namespace e6emu
