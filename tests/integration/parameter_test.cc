// Parameter markers through the driver manager: values bound with
// SQLBindParameter are written into the text as e6data's client does
// (spec §11), re-read at every execution, and can never break out of their literal.
#include <gtest/gtest.h>

#include <cstring>

#include "odbc_test_support.h"

namespace e6test {
namespace {

class ParameterTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error(); }
  // Executes the prepared `s` and returns column 1 of its only row.
  static std::string ExecuteOne(Statement& s) {
    EXPECT_EQ(SQLExecute(s.get()), SQL_SUCCESS) << s.Error();
    EXPECT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
    std::string value = s.GetChar(1).value_or("NULL");
    EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
    EXPECT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
    return value;
  }
  static void Prepare(Statement& s, const char* sql) {
    ASSERT_EQ(SQLPrepare(s.get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql)), SQL_NTS), SQL_SUCCESS) << s.Error();
  }
  Connection connection_;
};

TEST_F(ParameterTest, IntegerParameterIsReadAgainAtEveryExecution) {
  Statement s(connection_);
  Prepare(s, "SELECT r_name FROM tpch.region WHERE r_regionkey = ?");
  SQLSMALLINT count = 0;
  ASSERT_EQ(SQLNumParams(s.get(), &count), SQL_SUCCESS);
  EXPECT_EQ(count, 1);
  SQLINTEGER key = 2;
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0, nullptr), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(ExecuteOne(s), "ASIA");
  key = 4;
  EXPECT_EQ(ExecuteOne(s), "MIDDLE EAST");
}

TEST_F(ParameterTest, StatusProcessedCountAndBindOffset) {
  Statement s(connection_);
  Prepare(s, "SELECT r_name FROM tpch.region WHERE r_regionkey = ?");
  SQLUSMALLINT status = 99;
  SQLULEN processed = 99;
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_PARAM_STATUS_PTR, &status, 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0), SQL_SUCCESS);
  // Two keys side by side; the bind offset picks the second.
  SQLINTEGER keys[2] = {0, 3};
  SQLLEN offset = sizeof(SQLINTEGER);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_PARAM_BIND_OFFSET_PTR, &offset, 0), SQL_SUCCESS);
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, keys, 0, nullptr), SQL_SUCCESS);
  EXPECT_EQ(ExecuteOne(s), "EUROPE");
  EXPECT_EQ(status, SQL_PARAM_SUCCESS);
  EXPECT_EQ(processed, 1u);
  char text[] = "not a number";
  offset = 0;  // read at execution, like the values
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTEGER, 0, 0, text, sizeof text, nullptr),
            SQL_SUCCESS);
  ASSERT_EQ(SQLExecute(s.get()), SQL_ERROR);
  EXPECT_EQ(status, SQL_PARAM_ERROR);
  SQLPOINTER got = nullptr;
  ASSERT_EQ(SQLGetStmtAttr(s.get(), SQL_ATTR_PARAM_BIND_OFFSET_PTR, &got, 0, nullptr), SQL_SUCCESS);
  EXPECT_EQ(got, &offset);
}

TEST_F(ParameterTest, TextParametersStayInsideTheirLiteral) {
  Statement s(connection_);
  Prepare(s, "SELECT COUNT(*), ? FROM tpch.region WHERE r_name = ?");
  char echo[64] = "it's a \\ back\\slash";
  char name[64] = "AFRICA";
  SQLLEN name_length = SQL_NTS;
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, echo, sizeof echo, nullptr),
            SQL_SUCCESS);
  ASSERT_EQ(SQLBindParameter(s.get(), 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, name, sizeof name, &name_length),
            SQL_SUCCESS);
  ASSERT_EQ(SQLExecute(s.get()), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "1");
  EXPECT_EQ(s.GetChar(2), "it's a \\ back\\slash");  // came back unchanged through the literal
  ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  std::strcpy(name, "x' OR '1'='1");
  ASSERT_EQ(SQLExecute(s.get()), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "0");
}

TEST_F(ParameterTest, DateAndNullParameters) {
  Statement plain(connection_);
  ASSERT_EQ(plain.Execute("SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < '1995-01-01'"), SQL_SUCCESS);
  ASSERT_EQ(SQLFetch(plain.get()), SQL_SUCCESS);
  const std::string expected = plain.GetChar(1).value_or("NULL");
  Statement s(connection_);
  Prepare(s, "SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < ?");
  SQL_DATE_STRUCT date{1995, 1, 1};
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_TYPE_DATE, SQL_TYPE_DATE, 10, 0, &date, 0, nullptr),
            SQL_SUCCESS);
  EXPECT_EQ(ExecuteOne(s), expected);
  Statement n(connection_);
  Prepare(n, "SELECT COUNT(*) FROM tpch.region WHERE ? IS NULL");
  SQLLEN null = SQL_NULL_DATA;
  ASSERT_EQ(SQLBindParameter(n.get(), 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, nullptr, 0, &null), SQL_SUCCESS);
  EXPECT_EQ(ExecuteOne(n), "5");
}

TEST_F(ParameterTest, MissingValuesArraysAndMarkersInLiterals) {
  Statement s(connection_);
  Prepare(s, "SELECT '?', ? FROM tpch.region");
  SQLSMALLINT count = 0;
  ASSERT_EQ(SQLNumParams(s.get(), &count), SQL_SUCCESS);
  EXPECT_EQ(count, 1);  // the ? inside the literal is text
  ASSERT_EQ(SQLExecute(s.get()), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "07002");
  SQLINTEGER values[2] = {1, 2};
  ASSERT_EQ(SQLBindParameter(s.get(), 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, values, 0, nullptr), SQL_SUCCESS);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(2), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLExecute(s.get()), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "HYC00");
  Statement t(connection_);
  char text[] = "abc";
  ASSERT_EQ(SQLBindParameter(t.get(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_INTEGER, 0, 0, text, 4, nullptr), SQL_SUCCESS);
  ASSERT_EQ(t.Execute("SELECT ? FROM tpch.region"), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, t.get());
  EXPECT_EQ(records.at(0).sqlstate, "22018");
  EXPECT_NE(records.at(0).message.find("parameter 1"), std::string::npos) << records.at(0).message;
  SQLINTEGER days = 3;
  ASSERT_EQ(SQLBindParameter(t.get(), 2, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTERVAL_DAY, 0, 0, &days, 0, nullptr),
            SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, t.get()).at(0).sqlstate, "HYC00");
  ASSERT_EQ(SQLBindParameter(t.get(), 2, SQL_PARAM_OUTPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &days, 0, nullptr),
            SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, t.get()).at(0).sqlstate, "HY105");
  EXPECT_EQ(OdbcEnvironment::emulator().OpenQueries(), 0);  // nothing was left prepared on the engine
}

}  // namespace
}  // namespace e6test
