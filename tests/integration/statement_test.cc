// Executing and fetching through the driver manager: prepare/execute, bound
// and unbound fetches, errors, and the server-side cleanup of every cursor.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "odbc_test_support.h"

namespace e6test {
namespace {

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error(); }
  Connection connection_;
};

TEST_F(StatementTest, SyntaxErrorIs42000WithTheServerMessage) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELEC 1 FROM tpch.region"), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "42000") << records[0].message;
  // SQLite's own wording reaches the application.
  EXPECT_NE(records[0].message.find("syntax error"), std::string::npos) << records[0].message;
}

TEST_F(StatementTest, UnknownTableIs42000) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT * FROM tpch.no_such_table"), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "42000");
  EXPECT_NE(records[0].message.find("no_such_table"), std::string::npos) << records[0].message;
}

TEST_F(StatementTest, PrepareDescribeExecuteFetchAndReexecute) {
  Statement s(connection_);
  SQLCHAR sql[] = "SELECT r_regionkey, r_name FROM tpch.region ORDER BY r_regionkey";
  ASSERT_EQ(SQLPrepare(s.get(), sql, SQL_NTS), SQL_SUCCESS) << s.Error();
  SQLSMALLINT columns = 0;
  ASSERT_EQ(SQLNumResultCols(s.get(), &columns), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(columns, 2);
  SQLCHAR name[64];
  SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_EQ(SQLDescribeCol(s.get(), 1, name, sizeof name, &name_length, &type, &size, &digits, &nullable), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(name), "r_regionkey");
  EXPECT_EQ(type, SQL_BIGINT);
  ASSERT_EQ(SQLDescribeCol(s.get(), 2, name, sizeof name, &name_length, &type, &size, &digits, &nullable), SQL_SUCCESS);
  EXPECT_EQ(type, SQL_VARCHAR);
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(SQLExecute(s.get()), SQL_SUCCESS) << s.Error();
    int rows = 0;
    while (SQLFetch(s.get()) == SQL_SUCCESS) {
      SQLBIGINT key = -1;
      SQLLEN indicator = 0;
      ASSERT_EQ(SQLGetData(s.get(), 1, SQL_C_SBIGINT, &key, 0, &indicator), SQL_SUCCESS);
      EXPECT_EQ(key, rows);
      ++rows;
    }
    EXPECT_EQ(rows, 5) << "round " << round;
    ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  }
}

TEST_F(StatementTest, FetchBeforeExecuteIsASequenceError) {
  Statement s(connection_);
  EXPECT_EQ(SQLFetch(s.get()), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  // The driver manager itself answers HY010 before the driver sees the call.
  EXPECT_EQ(records[0].sqlstate, "HY010");
}

TEST_F(StatementTest, LiteralColumnsArriveAsConstantVectors) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT 7 AS seven, 'e6' AS name, r_regionkey FROM tpch.region ORDER BY r_regionkey"), SQL_SUCCESS)
      << s.Error();
  int rows = 0;
  while (SQLFetch(s.get()) == SQL_SUCCESS) {
    EXPECT_EQ(s.GetChar(1), "7");
    EXPECT_EQ(s.GetChar(2), "e6");
    EXPECT_EQ(s.GetChar(3), std::to_string(rows));
    ++rows;
  }
  EXPECT_EQ(rows, 5);
}

TEST_F(StatementTest, GetDataOnNullWithoutIndicatorIs22002) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT NULL AS empty_value"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
  char buffer[8];
  EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_CHAR, buffer, sizeof buffer, nullptr), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "22002");
}

TEST_F(StatementTest, ComputedColumnsTakeSqliteValueTypes) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT 1 + 1 AS two, 0.5 * 3 AS one_and_half, 'x' || 'y' AS xy"), SQL_SUCCESS) << s.Error();
  SQLSMALLINT type = 0;
  SQLLEN numeric = 0;
  ASSERT_EQ(SQLColAttribute(s.get(), 1, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &numeric), SQL_SUCCESS);
  EXPECT_EQ(numeric, SQL_BIGINT);
  ASSERT_EQ(SQLColAttribute(s.get(), 2, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &numeric), SQL_SUCCESS);
  EXPECT_EQ(numeric, SQL_DOUBLE);
  ASSERT_EQ(SQLColAttribute(s.get(), 3, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &numeric), SQL_SUCCESS);
  EXPECT_EQ(numeric, SQL_VARCHAR);
  (void)type;
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "2");
  EXPECT_EQ(s.GetChar(2), "1.5");
  EXPECT_EQ(s.GetChar(3), "xy");
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
}

TEST_F(StatementTest, EveryClosedCursorLeavesNoOpenQuery) {
  EmulatorProcess& emulator = OdbcEnvironment::emulator();
  {
    Statement s(connection_);
    // Closed early, with rows still unread on the server.
    ASSERT_EQ(s.Execute("SELECT * FROM tpch.lineitem"), SQL_SUCCESS) << s.Error();
    ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
    EXPECT_EQ(emulator.OpenQueries(), 1);
    ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
    EXPECT_EQ(emulator.OpenQueries(), 0);
    // Read to the end: the driver releases the query when the data ends.
    ASSERT_EQ(s.Execute("SELECT * FROM tpch.region"), SQL_SUCCESS) << s.Error();
    while (SQLFetch(s.get()) == SQL_SUCCESS) {
    }
    EXPECT_EQ(emulator.OpenQueries(), 0);
    ASSERT_EQ(SQLFreeStmt(s.get(), SQL_CLOSE), SQL_SUCCESS);
    // Freed with an open cursor.
    ASSERT_EQ(s.Execute("SELECT * FROM tpch.orders"), SQL_SUCCESS) << s.Error();
    EXPECT_EQ(emulator.OpenQueries(), 1);
  }
  EXPECT_EQ(emulator.OpenQueries(), 0);
  {
    Statement s(connection_);
    SQLCHAR sql[] = "SELECT * FROM tpch.nation";
    ASSERT_EQ(SQLPrepare(s.get(), sql, SQL_NTS), SQL_SUCCESS);
    EXPECT_EQ(emulator.OpenQueries(), 1);  // a prepared query is held by the engine
  }
  EXPECT_EQ(emulator.OpenQueries(), 0);
  // Disconnecting with open cursors releases them too.
  Connection other;
  ASSERT_EQ(other.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS);
  SQLHSTMT raw = SQL_NULL_HSTMT;
  ASSERT_EQ(SQLAllocHandle(SQL_HANDLE_STMT, other.dbc(), &raw), SQL_SUCCESS);
  SQLCHAR sql[] = "SELECT * FROM tpch.customer";
  ASSERT_EQ(SQLExecDirect(raw, sql, SQL_NTS), SQL_SUCCESS);
  EXPECT_EQ(emulator.OpenQueries(), 1);
  ASSERT_EQ(SQLDisconnect(other.dbc()), SQL_SUCCESS);
  EXPECT_EQ(emulator.OpenQueries(), 0);
  ASSERT_EQ(other.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS);
}

TEST(ServerFailure, ServerDyingMidStreamIs08S01AndTheCursorCanBeClosed) {
  // An emulator of its own, with small batches so rows are still on the server.
  const auto dir = OdbcEnvironment::dir() / "dying";
  std::filesystem::create_directories(dir);
  auto emulator = std::make_unique<EmulatorProcess>(E6_EMULATOR_PATH, dir, std::vector<std::string>{"--batch-rows", "100"});
  Connection c;
  ASSERT_EQ(c.Open("DRIVER={e6data};HOST=127.0.0.1;PORT=" + std::to_string(emulator->port()) +
                   ";UID=demo@e6data.local;PWD=demo-token;CATALOG=emulator"),
            SQL_SUCCESS)
      << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute("SELECT * FROM tpch.orders"), SQL_SUCCESS) << s.Error();
  for (int i = 0; i < 100; ++i) ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);  // the first batch
  emulator->Kill();
  EXPECT_EQ(SQLFetch(s.get()), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "08S01") << records[0].message;
  EXPECT_NE(records[0].message.find("getNextResultBatch"), std::string::npos) << records[0].message;
  EXPECT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS) << s.Error();
  // A new query on the dead server fails cleanly too.
  EXPECT_EQ(s.Execute("SELECT 1"), SQL_ERROR);
  EXPECT_FALSE(Diagnostics(SQL_HANDLE_STMT, s.get()).empty());
}

TEST_F(StatementTest, EverySqlErrorComesWithARecord) {
  Statement s(connection_);
  SQLSMALLINT columns = 0;
  char buffer[8];
  const std::vector<std::pair<const char*, std::function<SQLRETURN()>>> calls = {
      {"ExecDirect(syntax error)", [&] { return s.Execute("SELEC"); }},
      {"GetData(no cursor)", [&] { return SQLGetData(s.get(), 1, SQL_C_CHAR, buffer, sizeof buffer, nullptr); }},
      {"SetStmtAttr(unknown)", [&] { return SQLSetStmtAttr(s.get(), 987654, nullptr, 0); }},
      {"ExecDirect(unknown table)", [&] { return s.Execute("SELECT * FROM nowhere.nothing"); }},
      {"NumResultCols(after failure)", [&] { return SQLNumResultCols(s.get(), &columns); }},
  };
  for (const auto& [what, call] : calls) {
    EXPECT_EQ(call(), SQL_ERROR) << what;
    EXPECT_FALSE(Diagnostics(SQL_HANDLE_STMT, s.get()).empty()) << what << " left no diagnostic record";
  }
}

}  // namespace
}  // namespace e6test
