// The driver against an emulator told to misbehave: blue-green strategy
// detection, expired sessions, a suspended cluster. Each test runs its own
// emulator so the faults stay local.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <chrono>
#include <memory>

#include "odbc_test_support.h"
#include "throwaway_ca.h"

namespace e6test {
namespace {

using ResilienceTest = OwnEmulatorTest;

TEST_F(ResilienceTest, DetectsAGreenDeploymentAndSendsGreenFromThenOn) {
  Start({"--strategy", "green"});
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM region"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "5");
  const StatsResponse stats = emulator().Stats();
  // The process-wide cache may already know green from an earlier test in
  // this process; blue is tried at most once, and green carries the rest.
  const auto& headers = stats.strategy_headers();
  EXPECT_LE(headers.count("blue") ? headers.at("blue") : 0, 1);
  EXPECT_GE(headers.at("green"), 5);  // authenticate, prepare, execute, metadata, batches...
  EXPECT_EQ(headers.count(""), 0u) << "every call carries a strategy";
}

TEST_F(ResilienceTest, AnExpiredSessionIsRenewedTransparently) {
  Start();
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  ConfigureRequest expire;
  expire.set_expire_sessions(true);
  emulator().Configure(expire);
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT r_name FROM region ORDER BY r_regionkey"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "AFRICA");
  EXPECT_EQ(emulator().Stats().calls_by_method().at("QueryEngineService/authenticate"), 2);
}

// The connection's first diagnostic record, or an empty one.
Diagnostic FirstRecord(const Connection& c) {
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  return records.empty() ? Diagnostic{} : records.front();
}

void Suspend(EmulatorProcess& emulator, int resume_ms) {
  ConfigureRequest suspend;
  suspend.set_suspended(true);
  suspend.set_resume_ms(resume_ms);
  emulator.Configure(suspend);
}

TEST_F(ResilienceTest, ASuspendedClusterWithoutAutoResumeIs08001SayingSo) {
  Start();
  Suspend(emulator(), 0);
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString("AUTO_RESUME=0")), SQL_ERROR);
  EXPECT_EQ(FirstRecord(c).sqlstate, "08001");
  EXPECT_NE(FirstRecord(c).message.find("suspended"), std::string::npos) << FirstRecord(c).message;
  EXPECT_EQ(Calls("ClusterService/resume"), 0);
}

TEST_F(ResilienceTest, ASuspendedClusterIsResumedWhileConnecting) {
  Start();
  Suspend(emulator(), 700);  // status answers `resuming` for 0.7 s after resume
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  EXPECT_EQ(Calls("ClusterService/resume"), 1);
  EXPECT_GE(Calls("ClusterService/status"), 2);  // suspended, then polled until active
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM nation"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "25");
}

TEST_F(ResilienceTest, AutoResumeGivesUpWhenItsBudgetRunsOut) {
  Start();
  Suspend(emulator(), 600000);
  Connection c;
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(c.Open(ConnectionString("AUTO_RESUME_TIMEOUT=1")), SQL_ERROR);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(15));
  EXPECT_EQ(FirstRecord(c).sqlstate, "08001");
  EXPECT_NE(FirstRecord(c).message.find("could not be resumed"), std::string::npos) << FirstRecord(c).message;
  EXPECT_NE(FirstRecord(c).message.find("AUTO_RESUME_TIMEOUT"), std::string::npos) << FirstRecord(c).message;
}

TEST_F(ResilienceTest, TheLoginTimeoutAlsoBoundsAutoResume) {
  Start();
  Suspend(emulator(), 600000);
  Connection c;
  ASSERT_EQ(SQLSetConnectAttr(c.dbc(), SQL_ATTR_LOGIN_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0), SQL_SUCCESS);
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(c.Open(ConnectionString()), SQL_ERROR);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(15));
  EXPECT_EQ(FirstRecord(c).sqlstate, "HYT00") << FirstRecord(c).message;
  EXPECT_NE(FirstRecord(c).message.find("suspended"), std::string::npos) << FirstRecord(c).message;
}

SQLUINTEGER ConnectionDead(const Connection& c) {
  SQLUINTEGER dead = 99;
  EXPECT_EQ(SQLGetConnectAttr(c.dbc(), SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr), SQL_SUCCESS) << c.Error();
  return dead;
}

TEST_F(ResilienceTest, ConnectionDeadTellsWhetherTheServerIsStillThere) {
  Start();
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  EXPECT_EQ(ConnectionDead(c), SQL_CD_FALSE);
  emulator().Kill();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(ConnectionDead(c), SQL_CD_TRUE);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_F(ResilienceTest, TheDriverLogShowsCallsAndQueriesButNoSecrets) {
  Start();
  const auto log_path = OdbcEnvironment::dir() / "driver-log-test.log";
  std::filesystem::remove(log_path);
  {
    Connection c;
    ASSERT_EQ(c.Open(ConnectionString("LOG_LEVEL=debug;LOG_FILE=" + log_path.string())), SQL_SUCCESS) << c.Error();
    Statement s(c);
    ASSERT_EQ(s.Execute("SELECT r_name FROM region"), SQL_SUCCESS) << s.Error();
    while (SQLFetch(s.get()) == SQL_SUCCESS) {
    }
  }
  const std::string log = ReadFile(log_path);
  EXPECT_NE(log.find("connecting to 127.0.0.1:" + std::to_string(emulator().port())), std::string::npos) << log;
  EXPECT_NE(log.find("authenticate user 'demo@e6data.local'"), std::string::npos) << log;
  EXPECT_NE(log.find("DEBUG e6data getNextResultBatch [query id "), std::string::npos) << log;
  EXPECT_NE(log.find("read in full: 5 rows in 1 batches"), std::string::npos) << log;
  EXPECT_EQ(log.find("demo-token"), std::string::npos) << "the password leaked into the log";
}

TEST_F(ResilienceTest, AnUnwritableLogIsAWarningNotAFailure) {
  Start();
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString("LOG_LEVEL=info;LOG_FILE=/nonexistent/dir/e6.log")), SQL_SUCCESS_WITH_INFO);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "01000");
  EXPECT_NE(records[0].message.find("/nonexistent/dir/e6.log"), std::string::npos) << records[0].message;
}

TEST_F(ResilienceTest, AFailedBatchIsReportedNotRetried) {
  Start({"--batch-rows", "100"});
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  ConfigureRequest fail;
  fail.set_fail_method("QueryEngineService/getNextResultBatch");
  fail.set_fail_nth(2);
  fail.set_fail_code(13);  // gRPC INTERNAL
  fail.set_fail_message("worker lost");
  emulator().Configure(fail);
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT * FROM orders"), SQL_SUCCESS) << s.Error();  // batch 1 arrives with execute
  for (int i = 0; i < 100; ++i) ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(SQLFetch(s.get()), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_NE(records[0].message.find("worker lost"), std::string::npos) << records[0].message;
  EXPECT_EQ(emulator().Stats().calls_by_method().at("QueryEngineService/getNextResultBatch"), 2);
  EXPECT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  EXPECT_EQ(emulator().OpenQueries(), 0);
}

// Reads every row of `sql`; returns the SQLSTATE of the first failure, or "".
std::string FetchAll(Statement& s, const std::string& sql, int& rows) {
  rows = 0;
  if (s.Execute(sql) != SQL_SUCCESS) return Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate;
  SQLRETURN rc;
  while ((rc = SQLFetch(s.get())) == SQL_SUCCESS) ++rows;
  if (rc != SQL_NO_DATA) return Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate;
  return "";
}

class TlsTest : public ResilienceTest {
 protected:
  void SetUp() override {
    ca_ = MakeThrowawayCa(OdbcEnvironment::dir() / "tls");
    Start({"--tls-cert", ca_.server_pem.string(), "--tls-key", ca_.server_key.string()});
  }
  ThrowawayCa ca_;
};

TEST_F(TlsTest, ATrustedCertificateConnects) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString() + ";SECURE=1;SSL_CA={" + ca_.ca_pem.string() + "}"), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM nation"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "25");
}

TEST_F(TlsTest, AnUntrustedCertificateIs08001NamingTheTlsFailure) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString() + ";SECURE=1"), SQL_ERROR);  // system roots do not know the test CA
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "08001");
  std::string message = records[0].message;
  for (char& ch : message) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_TRUE(message.find("ssl") != std::string::npos || message.find("handshake") != std::string::npos ||
              message.find("certificate") != std::string::npos)
      << records[0].message;
}

TEST_F(TlsTest, PlaintextAgainstATlsServerIs08001) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_DBC, c.dbc()).at(0).sqlstate, "08001");
}

TEST_F(TlsTest, SkippingVerificationConnectsWithAWarning) {
  Connection c;
  // No CA: the test CA is unknown to the system store, so only skipping verification lets this in.
  ASSERT_EQ(c.Open(ConnectionString() + ";SECURE=1;SSL_SKIP_VERIFY=1"), SQL_SUCCESS_WITH_INFO) << c.Error();
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "01000");
  EXPECT_NE(records[0].message.find("not verified"), std::string::npos) << records[0].message;
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM region"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "5");
}

TEST_F(TlsTest, AMissingCaFileIs08001NamingIt) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString() + ";SECURE=1;SSL_CA=/nonexistent/ca.pem"), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  EXPECT_EQ(records.at(0).sqlstate, "08001");
  EXPECT_NE(records.at(0).message.find("/nonexistent/ca.pem"), std::string::npos) << records.at(0).message;
}

class MangledBatchTest : public ResilienceTest, public ::testing::WithParamInterface<int> {};

TEST_P(MangledBatchTest, DamagedBatchesAreHY000AndNeverCrash) {
  Start({"--batch-rows", "1000"});
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  ConfigureRequest mangle;
  mangle.set_mangle_batch(static_cast<ConfigureRequest::Mangle>(GetParam()));
  mangle.set_mangle_nth(3);
  emulator().Configure(mangle);
  Statement s(c);
  int rows = 0;
  const std::string state = FetchAll(s, "SELECT * FROM orders", rows);
  EXPECT_EQ(state, "HY000");
  EXPECT_EQ(rows, 2000) << "the two good batches are delivered whole";
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_NE(records[0].message.find("malformed result batch"), std::string::npos) << records[0].message;
  EXPECT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  EXPECT_EQ(emulator().OpenQueries(), 0);
}

INSTANTIATE_TEST_SUITE_P(Damage, MangledBatchTest,
                         ::testing::Values(static_cast<int>(ConfigureRequest::TRUNCATE),
                                           static_cast<int>(ConfigureRequest::CORRUPT)));

TEST_F(ResilienceTest, BatchesAboveGrpcsDefaultLimitArrive) {
  Start({"--batch-rows", "1000"});
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  ConfigureRequest mangle;
  mangle.set_mangle_batch(ConfigureRequest::OVERSIZE);  // an 8 MiB response: receive limit must be lifted
  emulator().Configure(mangle);
  Statement s(c);
  int rows = 0;
  EXPECT_EQ(FetchAll(s, "SELECT * FROM orders", rows), "") << s.Error();
  EXPECT_EQ(rows, 16000);
}

}  // namespace
}  // namespace e6test
