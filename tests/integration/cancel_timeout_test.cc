// SQLCancel from another thread and the three ODBC timeouts (query, login,
// connection), against an emulator told to stall one RPC. Each test bounds
// the stalled call far below the stall, so a driver that waits it out fails.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <thread>

#include "odbc_test_support.h"

namespace e6test {
namespace {

constexpr int kStallMs = 30000;  // how long the emulator holds the stalled call
constexpr auto kNoHang = std::chrono::seconds(15);

using Clock = std::chrono::steady_clock;

class CancelTimeoutTest : public OwnEmulatorTest {
 protected:
  void SetUp() override { Start({"--batch-rows", "1000"}); }

  void Stall(const std::string& method) {
    ConfigureRequest delay;
    delay.set_delay_ms(kStallMs);
    delay.set_delay_method("QueryEngineService/" + method);
    emulator().Configure(delay);
  }
  void Unstall() {
    ConfigureRequest delay;
    delay.set_delay_ms(0);
    emulator().Configure(delay);
  }
  // Stalls `method`, runs `call` on `s` while SQLCancel arrives from another
  // thread during the next call of `method`, and checks that `call` failed
  // promptly with HY008 and that SQLCancel itself succeeded.
  void ExpectCancelledDuring(const Statement& s, const std::string& method, const std::function<SQLRETURN()>& call) {
    Stall(method);
    auto cancel = CancelDuring(s.get(), "QueryEngineService/" + method, Calls("QueryEngineService/" + method) + 1);
    const auto started = Clock::now();
    EXPECT_EQ(call(), SQL_ERROR);
    EXPECT_LT(Clock::now() - started, kNoHang);
    EXPECT_EQ(cancel.get(), SQL_SUCCESS);
    const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
    ASSERT_FALSE(records.empty());
    EXPECT_EQ(records.front().sqlstate, "HY008") << records.front().message;
    EXPECT_NE(records.front().message.find(method), std::string::npos) << records.front().message;
  }

  // Sends SQLCancel on `stmt` from another thread as soon as the emulator has
  // seen call number `count` of `method` (i.e. while that call is stalled).
  std::future<SQLRETURN> CancelDuring(SQLHSTMT stmt, const std::string& method, int64_t count) {
    return std::async(std::launch::async, [this, stmt, method, count] {
      AwaitCalls(method, count);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the call reach its wait
      return SQLCancel(stmt);
    });
  }
};

std::string FirstState(const Statement& s) {
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  return records.empty() ? "" : records.front().sqlstate;
}

TEST_F(CancelTimeoutTest, CancelDuringExecuteReturnsHY008AndCancelsOnTheServer) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ExpectCancelledDuring(s, "executeStatementV2", [&] { return s.Execute("SELECT COUNT(*) FROM region"); });
  EXPECT_EQ(Calls("QueryEngineService/cancelQuery"), 1);
  EXPECT_EQ(AwaitNoOpenQueries(), 0);

  // The statement stays usable.
  Unstall();
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM region"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "5");
}

TEST_F(CancelTimeoutTest, CancelDuringPrepareReturnsHY008) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ExpectCancelledDuring(s, "prepareStatementV2", [&] {
    return SQLPrepare(s.get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>("SELECT 1")), SQL_NTS);
  });
}

TEST_F(CancelTimeoutTest, CancelDuringACatalogFunction) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  SQLCHAR schema[] = "tpch";
  SQLCHAR table[] = "region";
  ExpectCancelledDuring(s, "getColumnsV2", [&] {
    return SQLColumns(s.get(), nullptr, 0, schema, SQL_NTS, table, SQL_NTS, nullptr, 0);
  });
  // No cursor was left open: the statement is usable at once.
  Unstall();
  ASSERT_EQ(SQLTables(s.get(), nullptr, 0, schema, SQL_NTS, table, SQL_NTS, nullptr, 0), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
}

TEST_F(CancelTimeoutTest, CancelWhileWaitingForTheFirstBatch) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ExpectCancelledDuring(s, "getNextResultBatch", [&] { return s.Execute("SELECT * FROM lineitem"); });
  EXPECT_EQ(Calls("QueryEngineService/cancelQuery"), 1);
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

TEST_F(CancelTimeoutTest, CancelMidStreamStopsTheCursorForGood) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT l_orderkey FROM lineitem"), SQL_SUCCESS) << s.Error();
  // The first batch (1000 rows) is read at execute; drain it, then stall the next.
  for (int row = 0; row < 1000; ++row) ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << row;
  ExpectCancelledDuring(s, "getNextResultBatch", [&] { return SQLFetch(s.get()); });
  // Never SQL_NO_DATA after a cancel: that would look like a complete result.
  // (unixODBC treats a successful SQLCancel as SQLFreeStmt(SQL_CLOSE), so the
  // driver manager itself answers HY010 here.)
  EXPECT_EQ(SQLFetch(s.get()), SQL_ERROR);
  EXPECT_EQ(Calls("QueryEngineService/cancelQuery"), 1);
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

TEST_F(CancelTimeoutTest, CancelOnAnIdleStatementClosesItsCursorLikeTheDriverManager) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT r_name FROM region ORDER BY r_regionkey"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  ASSERT_EQ(emulator().OpenQueries(), 1);
  // unixODBC treats SQLCancel with no function running as SQLFreeStmt(SQL_CLOSE);
  // the driver follows, so the server query is released and the statement reusable.
  EXPECT_EQ(SQLCancel(s.get()), SQL_SUCCESS);
  EXPECT_EQ(Calls("QueryEngineService/cancelQuery"), 0);
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
  ASSERT_EQ(s.Execute("SELECT r_name FROM region ORDER BY r_regionkey"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(s.GetChar(1), "AFRICA");
}

TEST_F(CancelTimeoutTest, QueryTimeoutIsHYT00AndCancelsOnTheServer) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0), SQL_SUCCESS);
  Stall("executeStatementV2");
  const auto started = Clock::now();
  EXPECT_EQ(s.Execute("SELECT COUNT(*) FROM region"), SQL_ERROR);
  EXPECT_LT(Clock::now() - started, kNoHang);
  EXPECT_EQ(FirstState(s), "HYT00") << s.Error();
  EXPECT_NE(s.Error().find("SQL_ATTR_QUERY_TIMEOUT"), std::string::npos) << s.Error();
  EXPECT_EQ(Calls("QueryEngineService/cancelQuery"), 1);
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

TEST_F(CancelTimeoutTest, ConnectionTimeoutIsHYT01) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  ASSERT_EQ(SQLSetConnectAttr(c.dbc(), SQL_ATTR_CONNECTION_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0), SQL_SUCCESS);
  Statement s(c);
  Stall("prepareStatementV2");
  const auto started = Clock::now();
  EXPECT_EQ(s.Execute("SELECT 1"), SQL_ERROR);
  EXPECT_LT(Clock::now() - started, kNoHang);
  EXPECT_EQ(FirstState(s), "HYT01") << s.Error();
}

TEST_F(CancelTimeoutTest, RpcTimeoutKeyBoundsEveryCall) {
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString("RPC_TIMEOUT=1")), SQL_SUCCESS) << c.Error();
  Statement s(c);
  Stall("getResultMetadata");
  const auto started = Clock::now();
  EXPECT_EQ(s.Execute("SELECT 1"), SQL_ERROR);
  EXPECT_LT(Clock::now() - started, kNoHang);
  EXPECT_EQ(FirstState(s), "HYT00") << s.Error();
  EXPECT_NE(s.Error().find("RPC_TIMEOUT"), std::string::npos) << s.Error();
}

TEST_F(CancelTimeoutTest, LoginTimeoutIsHYT00) {
  Stall("authenticate");
  SQLHENV env = SQL_NULL_HENV;
  SQLHDBC dbc = SQL_NULL_HDBC;
  ASSERT_TRUE(Succeeded(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)));
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  ASSERT_TRUE(Succeeded(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)));
  ASSERT_EQ(SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0), SQL_SUCCESS);
  const std::string text = ConnectionString();
  const auto started = Clock::now();
  EXPECT_EQ(SQLDriverConnect(dbc, nullptr, reinterpret_cast<SQLCHAR*>(const_cast<char*>(text.c_str())), SQL_NTS,
                             nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT),
            SQL_ERROR);
  EXPECT_LT(Clock::now() - started, kNoHang);
  const auto records = Diagnostics(SQL_HANDLE_DBC, dbc);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records.front().sqlstate, "HYT00") << records.front().message;
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
}

}  // namespace
}  // namespace e6test
