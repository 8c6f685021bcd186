// Session and Query against an in-process fake engine whose answers each
// test scripts: authentication and strategy detection, headers, V1/V2
// selection, errors and their SQLSTATEs, the fetch loop and cleanup.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>

#include "common/driver_error.h"
#include "e6x_engine.grpc.pb.h"
#include "session/query.h"
#include "session/session.h"
#include "unused_port.h"

namespace e6odbc::session {
namespace {

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Header(grpc::ServerContext* context, const std::string& key) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find(key);
  return found == metadata.end() ? "(absent)" : std::string(found->second.data(), found->second.size());
}

// A scriptable engine: records calls and headers; answers from the fields below.
class FakeEngine final : public QueryEngineService::Service {
 public:
  std::mutex mutex;
  std::map<std::string, int> calls;
  std::vector<std::string> strategies_seen;  // "method:strategy"
  std::string cluster_seen;
  std::string last_query_text;
  std::function<grpc::Status(const std::string& strategy, AuthenticateResponse*)> on_authenticate =
      [](const std::string&, AuthenticateResponse* r) {
        r->set_sessionid("s1");
        return grpc::Status::OK;
      };
  grpc::Status prepare_status = grpc::Status::OK;
  std::vector<grpc::Status> execute_statuses;  // consumed one per call, then OK
  std::string announce;                        // new_strategy on prepare responses
  int batches_sent = 0;

  grpc::Status authenticate(grpc::ServerContext* c, const AuthenticateRequest*, AuthenticateResponse* r) override {
    std::lock_guard lock(mutex);
    Record(c, "authenticate");
    return on_authenticate(Header(c, "strategy"), r);
  }
  grpc::Status prepareStatement(grpc::ServerContext* c, const PrepareStatementRequest* q,
                                PrepareStatementResponse* r) override {
    std::lock_guard lock(mutex);
    Record(c, "prepareStatement");
    last_query_text = q->querystring();
    return Prepared(r);
  }
  grpc::Status prepareStatementV2(grpc::ServerContext* c, const PrepareStatementV2Request* q,
                                  PrepareStatementResponse* r) override {
    std::lock_guard lock(mutex);
    Record(c, "prepareStatementV2");
    last_query_text = q->querystring();
    return Prepared(r);
  }
  grpc::Status executeStatement(grpc::ServerContext* c, const ExecuteStatementRequest*, ExecuteStatementResponse*) override {
    std::lock_guard lock(mutex);
    Record(c, "executeStatement");
    return NextExecuteStatus();
  }
  grpc::Status executeStatementV2(grpc::ServerContext* c, const ExecuteStatementV2Request*,
                                  ExecuteStatementResponse*) override {
    std::lock_guard lock(mutex);
    Record(c, "executeStatementV2");
    return NextExecuteStatus();
  }
  grpc::Status getResultMetadata(grpc::ServerContext* c, const GetResultMetadataRequest*,
                                 GetResultMetadataResponse* r) override {
    std::lock_guard lock(mutex);
    Record(c, "getResultMetadata");
    r->set_resultmetadata(Fixture("m1.bin"));
    return grpc::Status::OK;
  }
  grpc::Status getNextResultBatch(grpc::ServerContext* c, const GetNextResultBatchRequest*,
                                  GetNextResultBatchResponse* r) override {
    std::lock_guard lock(mutex);
    Record(c, "getNextResultBatch");
    if (batches_sent++ == 0) r->set_resultbatch(Fixture("tv1.bin"));
    return grpc::Status::OK;
  }
  grpc::Status clearOrCancelQuery(grpc::ServerContext* c, const ClearOrCancelQueryRequest*,
                                  ClearOrCancelQueryResponse*) override {
    std::lock_guard lock(mutex);
    Record(c, "clearOrCancelQuery");
    return grpc::Status::OK;
  }

  int Calls(const std::string& method) {
    std::lock_guard lock(mutex);
    return calls[method];
  }

 private:
  void Record(grpc::ServerContext* c, const std::string& method) {
    ++calls[method];
    strategies_seen.push_back(method + ":" + Header(c, "strategy"));
    cluster_seen = Header(c, "cluster-name");
  }
  grpc::Status Prepared(PrepareStatementResponse* r) {
    if (!prepare_status.ok()) return prepare_status;
    r->set_queryid("q" + std::to_string(calls["prepareStatement"] + calls["prepareStatementV2"]));
    r->set_engineip("10.0.0.1");
    if (!announce.empty()) r->set_new_strategy(announce);
    return grpc::Status::OK;
  }
  grpc::Status NextExecuteStatus() {
    if (execute_statuses.empty()) return grpc::Status::OK;
    grpc::Status s = execute_statuses.front();
    execute_statuses.erase(execute_statuses.begin());
    return s;
  }
};

std::string StateOf(const std::function<void()>& f) {
  try {
    f();
    return "ok";
  } catch (const DriverError& e) {
    return e.sqlstate();
  }
}

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&engine_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(port_, 0);
  }
  void TearDown() override { server_->Shutdown(); }

  SessionSettings Settings() {
    SessionSettings s;
    s.host = "127.0.0.1";
    s.port = port_;
    s.user = "me@example.com";
    s.password = "token";
    return s;
  }

  FakeEngine engine_;
  StrategyCache strategies_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

TEST_F(SessionTest, AuthenticationIsLazyAndDetectsBlueFirst) {
  Session session(Settings(), strategies_);
  EXPECT_EQ(engine_.Calls("authenticate"), 0) << "creating a session sends nothing";
  EXPECT_EQ(session.SessionId(), "s1");
  EXPECT_EQ(engine_.Calls("authenticate"), 1);
  EXPECT_EQ(strategies_.active(), "blue");
  EXPECT_EQ(engine_.strategies_seen.at(0), "authenticate:blue");
  session.EnsureAuthenticated();
  EXPECT_EQ(engine_.Calls("authenticate"), 1) << "the session id is cached";
}

TEST_F(SessionTest, StrategyMismatchMovesDetectionToGreen) {
  engine_.on_authenticate = [](const std::string& strategy, AuthenticateResponse* r) {
    if (strategy != "green") return grpc::Status(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
    r->set_sessionid("s-green");
    return grpc::Status::OK;
  };
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-green");
  EXPECT_EQ(strategies_.active(), "green");
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(engine_.strategies_seen.back(), "prepareStatement:green");
}

TEST_F(SessionTest, StaleCachedColourIsForgottenAndDetectedAgain) {
  strategies_.SetActive("green");  // what an earlier connection learnt
  engine_.on_authenticate = [](const std::string& strategy, AuthenticateResponse* r) {
    if (strategy != "blue") return grpc::Status(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
    r->set_sessionid("s-blue");
    return grpc::Status::OK;
  };
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-blue");
  EXPECT_EQ(strategies_.active(), "blue");
  EXPECT_EQ(engine_.strategies_seen.at(0), "authenticate:green");
  EXPECT_EQ(engine_.strategies_seen.at(1), "authenticate:blue");
}

TEST_F(SessionTest, AnnouncedColourOnAuthenticateIsFollowedOnce) {
  engine_.on_authenticate = [](const std::string& strategy, AuthenticateResponse* r) {
    r->set_sessionid("s-" + strategy);
    r->set_new_strategy("green");  // T4: every answer points at green
    return grpc::Status::OK;
  };
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-green");
  EXPECT_EQ(strategies_.active(), "green");
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
}

TEST_F(SessionTest, BothColoursRefusedIs08001) {
  engine_.on_authenticate = [](const std::string&, AuthenticateResponse*) {
    return grpc::Status(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
  };
  Session session(Settings(), strategies_);
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }), "08001");
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
}

TEST_F(SessionTest, EmptySessionIdIs28000NamingTheUser) {
  engine_.on_authenticate = [](const std::string&, AuthenticateResponse*) { return grpc::Status::OK; };
  Session session(Settings(), strategies_);
  try {
    session.EnsureAuthenticated();
    FAIL();
  } catch (const DriverError& e) {
    EXPECT_EQ(e.sqlstate(), "28000");
    EXPECT_NE(std::string(e.what()).find("me@example.com"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("token"), std::string::npos) << "never the password";
  }
}

TEST_F(SessionTest, RejectedCredentialsAre28000WhateverTheSignal) {
  for (const grpc::Status& status :
       {grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "bad token"),
        grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: invalid credentials")}) {
    engine_.on_authenticate = [status](const std::string&, AuthenticateResponse*) { return status; };
    StrategyCache fresh;
    Session session(Settings(), fresh);
    EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }), "28000") << status.error_message();
  }
}

TEST_F(SessionTest, UnreachableEndpointIs08001) {
  SessionSettings settings = Settings();
  settings.port = e6test::UnusedLoopbackPort();
  Session session(settings, strategies_);
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }), "08001");
}

TEST_F(SessionTest, ClusterNameHeaderIsLowerCased) {
  SessionSettings settings = Settings();
  settings.cluster_name = "Prod-Cluster";
  Session session(settings, strategies_);
  session.EnsureAuthenticated();
  EXPECT_EQ(engine_.cluster_seen, "prod-cluster");
}

TEST_F(SessionTest, CatalogSelectsTheV2CallsAndTextIsPreprocessed) {
  SessionSettings settings = Settings();
  settings.catalog = "lake";
  Session session(settings, strategies_);
  auto query = session.NewQuery();
  query->Prepare("  select 1 ;\n");
  query->Execute();
  EXPECT_EQ(engine_.Calls("prepareStatementV2"), 1);
  EXPECT_EQ(engine_.Calls("executeStatementV2"), 1);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 0);
  EXPECT_EQ(engine_.last_query_text, "select 1 ");
}

TEST_F(SessionTest, RejectedSqlIs42000WithTheServerMessage) {
  engine_.prepare_status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "near \"SELEC\": syntax error");
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  try {
    query->Prepare("SELEC 1");
    FAIL();
  } catch (const DriverError& e) {
    EXPECT_EQ(e.sqlstate(), "42000");
    EXPECT_NE(std::string(e.what()).find("near \"SELEC\": syntax error"), std::string::npos) << e.what();
  }
}

TEST_F(SessionTest, FetchesUntilTheEndAndSendsNothingAfterIt) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select id, name from t");
  query->Execute();
  EXPECT_EQ(query->metadata().columns.size(), 2u);
  auto batch = query->NextBatch();
  ASSERT_TRUE(batch.has_value());
  EXPECT_EQ(batch->row_count(), 3u);
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 2) << "the end is remembered";
  query->Close();
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1) << "close is idempotent";
  query.reset();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1);
}

TEST_F(SessionTest, ExpiredSessionOnExecuteReauthenticatesAndRetries) {
  engine_.execute_statuses = {grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: session expired")};
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 2) << "the query is prepared again on the new session";
  EXPECT_EQ(engine_.Calls("executeStatement"), 2);
}

TEST_F(SessionTest, RetriesAreBounded) {
  engine_.execute_statuses.assign(10, grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: session expired"));
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(StateOf([&] { query->Execute(); }), "08S01");
  EXPECT_EQ(engine_.Calls("executeStatement"), 5);
}

TEST_F(SessionTest, AnnouncedSwitchWaitsForTheInFlightQuery) {
  engine_.announce = "green";
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(strategies_.active(), "blue");
  EXPECT_EQ(strategies_.pending(), "green");
  query->Execute();
  EXPECT_EQ(engine_.strategies_seen.back(), "getResultMetadata:blue") << "pinned to its colour";
  query->Close();
  EXPECT_EQ(strategies_.active(), "green");
}

}  // namespace
}  // namespace e6odbc::session
