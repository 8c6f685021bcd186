// Session against the fake engine: lazy authentication, the blue-green
// detection of spec §9.2 (T1, T2, T4), credential and reachability failures
// and their SQLSTATEs, and the cluster-name header.
#include "session/session.h"

#include <gtest/gtest.h>

#include "engine_test.h"
#include "session/query.h"
#include "unused_port.h"

namespace e6odbc::session::fake {
namespace {

using SessionTest = EngineTest;

// Blue refuses with the 456 signal; green grants a session.
grpc::Status GreenOnly(const std::string& strategy, AuthenticateResponse* response) {
  if (strategy != "green") return Mismatch456();
  response->set_sessionid("s-green");
  return grpc::Status::OK;
}

TEST_F(SessionTest, AuthenticationIsLazyAndDetectsBlueFirst) {
  Session session(Settings(), strategies_);
  EXPECT_EQ(engine_.Calls("authenticate"), 0) << "creating a session sends nothing";
  EXPECT_EQ(session.SessionId(), "s1");
  EXPECT_EQ(engine_.Calls("authenticate"), 1);
  EXPECT_EQ(engine_.last_user(), "me@example.com");
  EXPECT_EQ(engine_.Last("authenticate").strategy, "blue");
  EXPECT_EQ(engine_.Last("authenticate").planner_ip, "(absent)");
  EXPECT_EQ(strategies_.active(), "blue");
  session.EnsureAuthenticated();
  EXPECT_EQ(session.SessionId(), "s1");
  EXPECT_EQ(engine_.Calls("authenticate"), 1) << "the session id is kept";
}

TEST_F(SessionTest, StrategyMismatchMovesDetectionToGreenAndLaterCallsSayGreen) {
  engine_.OnAuthenticate(GreenOnly);
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-green");
  EXPECT_EQ(strategies_.active(), "green");
  const auto log = engine_.Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].strategy, "blue");
  EXPECT_EQ(log[1].strategy, "green");

  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  while (query->NextBatch()) {
  }
  query->Close();
  for (const char* method :
       {"prepareStatement", "executeStatement", "getResultMetadata", "getNextResultBatch", "clearOrCancelQuery"}) {
    EXPECT_EQ(engine_.Last(method).strategy, "green") << method;
    EXPECT_EQ(engine_.Last(method).session_id, "s-green") << method;
  }
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
}

TEST_F(SessionTest, CachedColourIsUsedWithoutDetection) {
  strategies_.SetActive("green");  // learnt by an earlier connection (T2)
  engine_.OnAuthenticate(GreenOnly);
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-green");
  EXPECT_EQ(engine_.Calls("authenticate"), 1);
  EXPECT_EQ(engine_.Last("authenticate").strategy, "green");
}

TEST_F(SessionTest, StaleCachedColourIsForgottenAndDetectedAgain) {
  strategies_.SetActive("green");
  engine_.OnAuthenticate([](const std::string& strategy, AuthenticateResponse* response) {
    if (strategy != "blue") return Mismatch456();
    response->set_sessionid("s-blue");
    return grpc::Status::OK;
  });
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-blue");
  EXPECT_EQ(strategies_.active(), "blue");
  const auto log = engine_.Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].strategy, "green");
  EXPECT_EQ(log[1].strategy, "blue");
}

TEST_F(SessionTest, AnnouncedColourOnAuthenticateIsFollowedOnce) {
  engine_.OnAuthenticate([](const std::string& strategy, AuthenticateResponse* response) {
    response->set_sessionid("s-" + strategy);
    response->set_new_strategy("GREEN");  // T4: every answer points at green
    return grpc::Status::OK;
  });
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s-green");
  EXPECT_EQ(strategies_.active(), "green");
  const auto log = engine_.Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].strategy, "blue");
  EXPECT_EQ(log[1].strategy, "green");
}

TEST_F(SessionTest, BothColoursRefusedIs08001) {
  engine_.OnAuthenticate([](const std::string&, AuthenticateResponse*) { return Mismatch456(); });
  Session session(Settings(), strategies_);
  std::string message;
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "08001");
  EXPECT_NE(message.find("status: 456"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
  EXPECT_EQ(strategies_.active(), std::nullopt);
}

TEST_F(SessionTest, EmptySessionIdIs28000NamingTheUserNotThePassword) {
  engine_.OnAuthenticate([](const std::string&, AuthenticateResponse*) { return grpc::Status::OK; });
  Session session(Settings(), strategies_);
  std::string message;
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "28000");
  EXPECT_NE(message.find("authentication failed for user 'me@example.com': invalid credentials"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("s3cret"), std::string::npos) << "never the password";
  EXPECT_EQ(engine_.Calls("authenticate"), 2) << "detection tries both colours (spec §8.4)";
  EXPECT_EQ(strategies_.active(), std::nullopt);
  // Still no session: the next use asks again rather than sending an empty id.
  EXPECT_EQ(StateOf([&] { session.SessionId(); }), "28000");
  EXPECT_EQ(engine_.Calls("authenticate"), 4);
}

TEST_F(SessionTest, RejectedCredentialsAre28000WithTheServersWords) {
  for (const grpc::Status& status : {grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "bad token"),
                                     grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "user disabled"),
                                     grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: bad token")}) {
    engine_.OnAuthenticate([status](const std::string&, AuthenticateResponse*) { return status; });
    StrategyCache fresh;
    Session session(Settings(), fresh);
    std::string message;
    EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "28000") << status.error_message();
    EXPECT_NE(message.find("e6data authenticate: " + status.error_message()), std::string::npos) << message;
    EXPECT_NE(message.find("'me@example.com'"), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
  }
}

TEST_F(SessionTest, OtherAuthenticateFailuresAreNotCredentialErrors) {
  engine_.FailNext("authenticate", grpc::Status(grpc::StatusCode::INTERNAL, "planner crashed"));
  Session session(Settings(), strategies_);
  std::string message;
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "08001");
  EXPECT_NE(message.find("e6data authenticate: planner crashed"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("authenticate"), 1);
}

TEST_F(SessionTest, UnreachableEndpointIs08001NamingIt) {
  SessionSettings settings = Settings();
  settings.port = e6test::UnusedLoopbackPort();
  Session session(settings, strategies_);
  std::string message;
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "08001");
  EXPECT_NE(message.find("cannot reach e6data at 127.0.0.1:" + std::to_string(settings.port)), std::string::npos)
      << message;
}

TEST_F(SessionTest, SuspendedClusterIs08001SayingSo) {
  engine_.FailNext("authenticate",
                   grpc::Status(grpc::StatusCode::UNAVAILABLE, "Received http2 header with status: 503"));
  Session session(Settings(), strategies_);
  std::string message;
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }, &message), "08001");
  EXPECT_NE(message.find("suspended"), std::string::npos) << message;
}

TEST_F(SessionTest, LoginTimeoutIsHYT00) {
  engine_.Delay("authenticate", std::chrono::milliseconds(2500));
  SessionSettings settings = Settings();
  settings.login_timeout = std::chrono::seconds(1);
  Session session(settings, strategies_);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(StateOf([&] { session.EnsureAuthenticated(); }), "HYT00");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2400));
}

TEST_F(SessionTest, ClusterNameIsSentLowerCasedOnEveryCall) {
  SessionSettings settings = Settings();
  settings.cluster_name = "Prod-Cluster";
  Session session(settings, strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  query->Close();
  const auto log = engine_.Log();
  ASSERT_EQ(log.size(), 5u);  // authenticate, prepare, execute, metadata, clear
  for (const RecordedCall& call : log) EXPECT_EQ(call.cluster_name, "prod-cluster") << call.method;
}

TEST_F(SessionTest, NoClusterNameHeaderWhenNoneIsSet) {
  Session session(Settings(), strategies_);
  session.EnsureAuthenticated();
  EXPECT_EQ(engine_.Last("authenticate").cluster_name, "(absent)");
}

TEST_F(SessionTest, ReauthenticateGetsANewSessionKeepingTheColour) {
  Session session(Settings(), strategies_);
  EXPECT_EQ(session.SessionId(), "s1");
  session.Reauthenticate();
  EXPECT_EQ(session.SessionId(), "s2");
  EXPECT_EQ(engine_.Last("authenticate").strategy, "blue");
}

}  // namespace
}  // namespace e6odbc::session::fake
