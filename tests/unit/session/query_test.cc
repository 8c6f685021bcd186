// Query against the fake engine: V1/V2 selection and request fields, the
// headers of per-query calls, SQL errors, the fetch loop and its end, Close,
// the bounded recovery of spec §8.5 and the strategy pinning of §9 (T5–T7).
#include "session/query.h"

#include <gtest/gtest.h>

#include "engine_test.h"
#include "session/session.h"

namespace e6odbc::session::fake {
namespace {

using QueryTest = EngineTest;

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (const int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// A Thrift Chunk of one row and ONE column: LONG [5].
std::string OneColumnChunk() {
  return Bytes({0x08, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,                    // size = 1
                0x0f, 0x00, 0x02, 0x0c, 0x00, 0x00, 0x00, 0x01,              // vectors: 1 struct
                0x08, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,                    //   size = 1
                0x08, 0x00, 0x02, 0x00, 0x00, 0x00, 0x06,                    //   LONG
                0x0f, 0x00, 0x03, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00,        //   nullSet [false]
                0x0c, 0x00, 0x04, 0x0c, 0x00, 0x03,                          //   data.int64Data
                0x0f, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x00, 0x01,              //     list<i64> x 1
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00,  //     5, STOP, STOP
                0x02, 0x00, 0x05, 0x00,                                      //   not constant
                0x00,                                                        // STOP Vector
                0x00});                                                      // STOP Chunk
}

// A Thrift Chunk whose size is 0: the end of the data (spec §3.4).
std::string ZeroSizeChunk() {
  return Bytes({0x08, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x0f, 0x00, 0x02, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00});
}

TEST_F(QueryTest, WithoutCatalogTheV1CallsCarryTheSchemaAndIds) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(query->query_id(), "q1");
  query->Execute();
  EXPECT_EQ(engine_.Calls("prepareStatement"), 1);
  EXPECT_EQ(engine_.Calls("executeStatement"), 1);
  EXPECT_EQ(engine_.Calls("prepareStatementV2"), 0);
  EXPECT_EQ(engine_.Calls("executeStatementV2"), 0);
  EXPECT_EQ(engine_.last_schema(), "sales");
  EXPECT_EQ(engine_.Last("prepareStatement").session_id, "s1");
  const RecordedCall execute = engine_.Last("executeStatement");
  EXPECT_EQ(execute.session_id, "s1");
  EXPECT_EQ(execute.query_id, "q1");
  EXPECT_EQ(execute.engine_ip, "10.0.0.1");
  EXPECT_EQ(engine_.Last("getResultMetadata").query_id, "q1");
}

TEST_F(QueryTest, CatalogSelectsTheV2CallsAndTextIsPreprocessed) {
  SessionSettings settings = Settings();
  settings.catalog = "lake";
  Session session(settings, strategies_);
  auto query = session.NewQuery();
  query->Prepare("  select 1 ;\n");
  query->Execute();
  EXPECT_EQ(engine_.Calls("prepareStatementV2"), 1);
  EXPECT_EQ(engine_.Calls("executeStatementV2"), 1);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 0);
  EXPECT_EQ(engine_.Calls("executeStatement"), 0);
  EXPECT_EQ(engine_.last_query_text(), "select 1 ");
  EXPECT_EQ(engine_.last_schema(), "sales");
  EXPECT_EQ(engine_.last_catalog(), "lake");
  EXPECT_EQ(engine_.Last("executeStatementV2").query_id, "q1");
}

TEST_F(QueryTest, PlannerIpFollowsTheQuerysEngineIp) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(engine_.Last("prepareStatement").planner_ip, "(absent)");
  query->Execute();
  while (query->NextBatch()) {
  }
  query->Close();
  for (const char* method : {"executeStatement", "getResultMetadata", "getNextResultBatch", "clearOrCancelQuery"}) {
    EXPECT_EQ(engine_.Last(method).planner_ip, "10.0.0.1") << method;
  }
  query->Prepare("select 2");  // spec §3.5: the previous query's engineIP
  EXPECT_EQ(engine_.Last("prepareStatement").planner_ip, "10.0.0.1");
  query->Execute();
  EXPECT_EQ(engine_.Last("executeStatement").planner_ip, "10.0.0.2");
}

TEST_F(QueryTest, RejectedSqlIs42000WithTheServerMessageAndIsNotRetried) {
  engine_.FailNext("prepareStatement",
                   grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "line 1:1: mismatched input 'SELEC'"));
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  std::string message;
  EXPECT_EQ(StateOf([&] { query->Prepare("SELEC 1"); }, &message), "42000");
  EXPECT_NE(message.find("e6data prepareStatement: line 1:1: mismatched input 'SELEC'"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("prepareStatement"), 1);
  EXPECT_EQ(query->query_id(), "");
}

TEST_F(QueryTest, PrepareDeadlineIsHYT00) {
  engine_.Delay("prepareStatement", std::chrono::milliseconds(2500));
  SessionSettings settings = Settings();
  settings.prepare_timeout = std::chrono::seconds(1);
  Session session(settings, strategies_);
  auto query = session.NewQuery();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(StateOf([&] { query->Prepare("select sleep(60)"); }), "HYT00");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(2400));
}

TEST_F(QueryTest, FetchesTv1ThenStopsAndSendsNothingAfterTheEnd) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select id, name from t");
  query->Execute();
  ASSERT_EQ(query->metadata().columns.size(), 2u);

  std::optional<wire::ColumnBatch> batch = query->NextBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->row_count(), 3u);
  ASSERT_EQ(batch->columns().size(), 2u);
  const wire::ColumnVector& ids = batch->columns()[0];
  EXPECT_EQ(ids.int64_values.at(0), 10);
  EXPECT_TRUE(ids.IsNull(1));
  EXPECT_EQ(ids.int64_values.at(2), -2);
  const wire::ColumnVector& names = batch->columns()[1];
  EXPECT_EQ(names.text_values.at(0), "ab");
  EXPECT_EQ(names.text_values.at(1), "");
  EXPECT_FALSE(names.IsNull(1));
  EXPECT_EQ(names.text_values.at(2), "e6");

  EXPECT_FALSE(query->NextBatch().has_value());  // the empty batch
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 2) << "the end is remembered";
  query->Close();
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1) << "close is idempotent";
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").query_id, "q1");
  EXPECT_FALSE(query->NextBatch().has_value());
  query.reset();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1);
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 2);
}

TEST_F(QueryTest, DestroyingAnOpenQueryClearsItOnce) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  query.reset();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1);
}

TEST_F(QueryTest, ClosingANeverPreparedQuerySendsNothing) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Close();
  query.reset();
  EXPECT_TRUE(engine_.Log().empty());
}

TEST_F(QueryTest, AZeroSizeChunkMidStreamIsSkippedNotTakenForTheEnd) {
  engine_.ServeBatches({ZeroSizeChunk(), Fixture("tv1.bin")});
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  const std::optional<wire::ColumnBatch> batch = query->NextBatch();
  ASSERT_TRUE(batch.has_value()) << "the rows after a zero-row Chunk must not be lost (spec §13.13)";
  EXPECT_GT(batch->row_count(), 0u);
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 2);
  EXPECT_FALSE(query->NextBatch().has_value());  // then the empty answer
}

TEST_F(QueryTest, TwoZeroSizeChunksInARowEndTheData) {
  engine_.ServeBatches({Fixture("tv1.bin"), ZeroSizeChunk(), ZeroSizeChunk(), Fixture("tv1.bin")});
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  EXPECT_TRUE(query->NextBatch().has_value());
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_FALSE(query->NextBatch().has_value());
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 3) << "nothing is asked after the end";
}

TEST_F(QueryTest, ABatchWithFewerColumnsThanTheMetadataIsHY000) {
  engine_.ServeBatches({OneColumnChunk()});
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  std::string message;
  EXPECT_EQ(StateOf([&] { query->NextBatch(); }, &message), "HY000");
  EXPECT_NE(message.find("1 columns"), std::string::npos) << message;
  EXPECT_NE(message.find("describes 2"), std::string::npos) << message;
}

TEST_F(QueryTest, AMalformedBatchIsHY000) {
  engine_.ServeBatches({Bytes({0x08, 0x00, 0x01, 0x00})});
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  std::string message;
  EXPECT_EQ(StateOf([&] { query->NextBatch(); }, &message), "HY000");
  EXPECT_NE(message.find("malformed result batch from e6data"), std::string::npos) << message;
}

TEST_F(QueryTest, AFailedBatchIsReportedAndNeverRetried) {
  engine_.FailNext("getNextResultBatch", AccessDenied());
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  std::string message;
  EXPECT_EQ(StateOf([&] { query->NextBatch(); }, &message), "HY000");
  EXPECT_NE(message.find("e6data getNextResultBatch: Access denied"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 1);
  EXPECT_EQ(engine_.Calls("authenticate"), 1);
  // Asking again could skip the failed batch: the result stays broken, without another call.
  EXPECT_EQ(StateOf([&] { query->NextBatch(); }, &message), "HY000");
  EXPECT_NE(message.find("the result is incomplete"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("getNextResultBatch"), 1);
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1);
  // A new execution reads again; a dropped connection mid-stream is 08S01 naming the query.
  query->Execute();
  engine_.FailNext("getNextResultBatch", grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection reset"));
  EXPECT_EQ(StateOf([&] { query->NextBatch(); }, &message), "08S01");
  EXPECT_NE(message.find("[query id " + query->query_id() + "]"), std::string::npos) << message;
}

TEST_F(QueryTest, ExecuteBeforePrepareIsHY010) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  EXPECT_EQ(StateOf([&] { query->Execute(); }), "HY010");
  EXPECT_TRUE(engine_.Log().empty());
}

TEST_F(QueryTest, ExecutingAgainClearsAndPreparesAgain) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  query->Execute();
  EXPECT_EQ(engine_.Calls("prepareStatement"), 2);
  EXPECT_EQ(engine_.Calls("executeStatement"), 2);
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 1);
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").query_id, "q1");
  EXPECT_EQ(engine_.Last("executeStatement").query_id, "q2");
  EXPECT_EQ(engine_.last_query_text(), "select 1");
}

TEST_F(QueryTest, ExpiredSessionOnExecuteReauthenticatesAndRerunsFromPrepare) {
  engine_.FailNext("executeStatement", AccessDenied());
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 2) << "the query is prepared again on the new session";
  EXPECT_EQ(engine_.Calls("executeStatement"), 2);
  EXPECT_EQ(engine_.Last("executeStatement").session_id, "s2");
  EXPECT_EQ(engine_.Last("executeStatement").query_id, "q2");
  EXPECT_EQ(query->metadata().columns.size(), 2u);
  EXPECT_TRUE(query->NextBatch().has_value());
}

TEST_F(QueryTest, ExpiredSessionOnMetadataRerunsPrepareAndExecute) {
  engine_.FailNext("getResultMetadata", AccessDenied());
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 2);
  EXPECT_EQ(engine_.Calls("executeStatement"), 2);
  EXPECT_EQ(engine_.Calls("getResultMetadata"), 2);
  EXPECT_EQ(engine_.Last("getResultMetadata").query_id, "q2");
  EXPECT_EQ(query->metadata().columns.size(), 2u);
}

TEST_F(QueryTest, ExpiredSessionOnPrepareReauthenticatesAndPreparesAgain) {
  engine_.FailNext("prepareStatement", AccessDenied());
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(engine_.Calls("authenticate"), 2);
  EXPECT_EQ(engine_.Calls("prepareStatement"), 2);
  EXPECT_EQ(engine_.Last("prepareStatement").session_id, "s2");
  EXPECT_EQ(query->query_id(), "q1");  // the first prepare failed and got no id
}

TEST_F(QueryTest, StrategySwitchOnExecuteRedetectsAndReruns) {
  strategies_.SetActive("blue");
  // The deployment moved to green: execute with blue now says 456 (any code counts, §8.5).
  engine_.FailNext("executeStatement",
                   grpc::Status(grpc::StatusCode::INTERNAL, "Received http2 header with status: 456"));
  engine_.OnAuthenticate([n = 0](const std::string& strategy, AuthenticateResponse* response) mutable {
    if (++n > 1 && strategy != "green") return Mismatch456();
    response->set_sessionid("s-" + strategy + std::to_string(n));
    return grpc::Status::OK;
  });
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Execute();
  EXPECT_EQ(strategies_.active(), "green");
  const auto log = engine_.Log();
  std::vector<std::string> sequence;
  for (const RecordedCall& call : log) sequence.push_back(call.method + ":" + call.strategy);
  const std::vector<std::string> expected = {
      "authenticate:blue",       "prepareStatement:blue",  "executeStatement:blue",
      "clearOrCancelQuery:blue",  // the abandoned attempt, on its pinned colour
      "authenticate:blue",       "authenticate:green",     "prepareStatement:green",
      "executeStatement:green",  "getResultMetadata:green"};
  EXPECT_EQ(sequence, expected);
  EXPECT_EQ(engine_.Last("executeStatement").session_id, "s-green3");
}

TEST_F(QueryTest, RetriesAreBoundedToFour) {
  for (int i = 0; i < 10; ++i) engine_.FailNext("executeStatement", AccessDenied());
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  std::string message;
  EXPECT_EQ(StateOf([&] { query->Execute(); }, &message), "HY000");
  EXPECT_NE(message.find("e6data executeStatement: Access denied"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("executeStatement"), 5);
  EXPECT_EQ(engine_.Calls("authenticate"), 5);  // the first plus four renewals
}

TEST_F(QueryTest, AnnouncedSwitchWaitsForTheInFlightQuery) {
  engine_.AnnounceOnPrepare("green");
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  EXPECT_EQ(strategies_.active(), "blue");
  EXPECT_EQ(strategies_.pending(), "green");  // T5
  query->Execute();
  EXPECT_TRUE(query->NextBatch().has_value());
  for (const char* method : {"executeStatement", "getResultMetadata", "getNextResultBatch"}) {
    EXPECT_EQ(engine_.Last(method).strategy, "blue") << method << " stays on the pinned colour (T6)";
  }
  query->Close();
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").strategy, "blue");
  EXPECT_EQ(strategies_.active(), "green");  // T7: nothing pinned any more
  EXPECT_EQ(strategies_.pending(), std::nullopt);
}

TEST_F(QueryTest, AfterASwitchEveryConnectionReauthenticatesOnceBeforeItsNextQuery) {
  Session first(Settings(), strategies_);
  Session second(Settings(), strategies_);
  first.EnsureAuthenticated();
  second.EnsureAuthenticated();
  ASSERT_EQ(engine_.Calls("authenticate"), 2);
  auto running = second.NewQuery();  // in flight on `second` across the switch
  running->Prepare("select 2");
  running->Execute();
  const std::string running_session = engine_.Last("executeStatement").session_id;

  engine_.AnnounceOnPrepare("green");
  auto query = first.NewQuery();
  query->Prepare("select 1");
  engine_.AnnounceOnPrepare("");
  query->Close();  // T7 would apply now, but `running` is still pinned to blue
  EXPECT_EQ(strategies_.pending(), "green");
  running->Close();  // the last pin goes: green becomes active (T7)
  EXPECT_EQ(strategies_.active(), "green");

  // T8/T9 with Rec (b): each connection re-authenticates once, on green.
  auto next = second.NewQuery();
  next->Prepare("select 3");
  EXPECT_EQ(engine_.Calls("authenticate"), 3);
  EXPECT_EQ(engine_.Last("authenticate").strategy, "green");
  EXPECT_NE(engine_.Last("prepareStatement").session_id, running_session);
  next->Prepare("select 4");
  EXPECT_EQ(engine_.Calls("authenticate"), 3) << "once per switch";
  auto other = first.NewQuery();
  other->Prepare("select 5");
  EXPECT_EQ(engine_.Calls("authenticate"), 4);
  EXPECT_EQ(engine_.Last("prepareStatement").strategy, "green");
}

TEST_F(QueryTest, ANewConnectionTakesAPendingSwitchAtOnceWhileOthersFinishOnTheOldColour) {
  Session first(Settings(), strategies_);
  engine_.AnnounceOnPrepare("green");
  auto running = first.NewQuery();
  running->Prepare("select 1");  // pinned to blue; green pending (T5, T6)
  engine_.AnnounceOnPrepare("");
  ASSERT_EQ(strategies_.pending(), "green");
  Session second(Settings(), strategies_);
  second.EnsureAuthenticated();  // T3: apply the pending colour, authenticate with it only
  EXPECT_EQ(engine_.Last("authenticate").strategy, "green");
  EXPECT_EQ(strategies_.active(), "green");
  EXPECT_EQ(strategies_.pending(), std::nullopt);
  running->Execute();  // the in-flight query stays on its colour
  EXPECT_EQ(engine_.Last("executeStatement").strategy, "blue");
  running->Close();
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").strategy, "blue");
}

TEST_F(QueryTest, AnInFlightQueryKeepsItsSessionWhenItsConnectionReauthenticates) {
  Session session(Settings(), strategies_);
  auto running = session.NewQuery();
  running->Prepare("select 1");
  running->Execute();
  const std::string prepared_in = engine_.Last("executeStatement").session_id;
  session.Reauthenticate();  // e.g. another statement of the connection found its session expired
  ASSERT_TRUE(running->NextBatch().has_value());
  EXPECT_EQ(engine_.Last("getNextResultBatch").session_id, prepared_in);
  running->Close();
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").session_id, prepared_in);
}

TEST_F(QueryTest, AFailedClearIsRepeatedOnceThenGivenUpAndStillUnpins) {
  engine_.AnnounceOnPrepare("green");
  engine_.FailNext("clearOrCancelQuery", grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone"));
  engine_.FailNext("clearOrCancelQuery", grpc::Status(grpc::StatusCode::UNAVAILABLE, "still gone"));
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 2) << "idempotent, so repeated once";
  EXPECT_EQ(query->query_id(), "");
  EXPECT_EQ(strategies_.active(), "green");
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 2);
}

TEST_F(QueryTest, AClearRefusedForItsPinnedColourIsRepeatedWithTheActiveOne) {
  engine_.AnnounceOnPrepare("green");
  Session session(Settings(), strategies_);
  auto running = session.NewQuery();
  running->Prepare("select 1");  // pinned to blue; green is pending
  auto other = session.NewQuery();
  engine_.AnnounceOnPrepare("");
  other->Prepare("select 2");
  strategies_.ApplyPending();  // another connection authenticated on green (T3)
  engine_.FailNext("clearOrCancelQuery", Mismatch456());
  running->Close();
  ASSERT_EQ(engine_.Calls("clearOrCancelQuery"), 2);
  EXPECT_EQ(engine_.Last("clearOrCancelQuery").strategy, "green");
}

TEST_F(QueryTest, AClearThatSucceedsOnItsSecondAttemptIsNotSentAThirdTime) {
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  query->Prepare("select 1");
  engine_.FailNext("clearOrCancelQuery", AccessDenied());
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 2);
  query->Close();
  EXPECT_EQ(engine_.Calls("clearOrCancelQuery"), 2);
}

TEST_F(QueryTest, ASuspendedClusterAtPrepareIsResumedAndThePrepareRepeated) {
  engine_.FailNext("prepareStatement",
                   grpc::Status(grpc::StatusCode::UNAVAILABLE, "Received http2 header with status: 503"));
  Session session(Settings(), strategies_);
  auto query = session.NewQuery();
  // The fake engine has no ClusterService: resuming fails, and says so.
  std::string message;
  EXPECT_EQ(StateOf([&] { query->Prepare("select 1"); }, &message), "08001");
  EXPECT_NE(message.find("could not be resumed"), std::string::npos) << message;
  EXPECT_EQ(engine_.Calls("prepareStatement"), 1);
}

}  // namespace
}  // namespace e6odbc::session::fake
