// ODBC escape sequences through the driver manager: translated before prepare
// (what BI tools send), left alone under SQL_ATTR_NOSCAN.
#include <gtest/gtest.h>

#include "odbc_test_support.h"

namespace e6test {
namespace {

class EscapeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error(); }
  // The first column of the first row, as text.
  std::string First(const std::string& sql) {
    Statement s(connection_);
    EXPECT_EQ(s.Execute(sql), SQL_SUCCESS) << sql << ": " << s.Error();
    EXPECT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
    return s.GetChar(1).value_or("NULL");
  }
  Connection connection_;
};

TEST_F(EscapeTest, ScalarFunctionsDateLiteralsAndOuterJoins) {
  EXPECT_EQ(First("SELECT {fn UCASE({fn LCASE(r_name)})} FROM tpch.region WHERE r_regionkey = 1"), "AMERICA");
  EXPECT_EQ(First("SELECT {fn LENGTH(r_name)} FROM tpch.region WHERE r_regionkey = 1"), "7");
  // The same filter written with and without the escape counts the same rows.
  const std::string plain = First("SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < '1995-01-01'");
  EXPECT_NE(plain, "0");
  EXPECT_EQ(First("SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < {d '1995-01-01'}"), plain);
  EXPECT_EQ(First("SELECT COUNT(*) FROM {oj tpch.region r LEFT OUTER JOIN tpch.nation n "
                  "ON n.n_regionkey = r.r_regionkey}"),
            "25");
  // `_` matches the blank of MIDDLE EAST unless escaped; the escape clause must reach the engine as ESCAPE.
  EXPECT_EQ(First("SELECT COUNT(*) FROM tpch.region WHERE r_name LIKE 'MIDDLE_EAST'"), "1");
  EXPECT_EQ(First("SELECT COUNT(*) FROM tpch.region WHERE r_name LIKE 'MIDDLE!_EAST' {escape '!'}"), "0");
}

TEST_F(EscapeTest, NoscanSendsTheTextAsWritten) {
  Statement s(connection_);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_NOSCAN, reinterpret_cast<SQLPOINTER>(SQL_NOSCAN_ON), 0), SQL_SUCCESS);
  ASSERT_EQ(s.Execute("SELECT {fn UCASE('a')}"), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "42000");
}

TEST_F(EscapeTest, ProcedureCallsAreNotSupportedAndNativeSqlShowsTheTranslation) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("{call refresh_all()}"), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "HYC00");
  SQLCHAR in[] = "SELECT {fn UCASE(x)} FROM t WHERE d = {d '2001-02-03'};";
  SQLCHAR out[128];
  SQLINTEGER length = 0;
  ASSERT_EQ(SQLNativeSql(connection_.dbc(), in, SQL_NTS, out, sizeof out, &length), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(out), "SELECT upper(x) FROM t WHERE d = DATE '2001-02-03'");
}

}  // namespace
}  // namespace e6test
