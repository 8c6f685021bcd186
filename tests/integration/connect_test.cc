// Connecting through the driver manager: DSN, connection string, and every
// way a connection attempt can fail.
#include <gtest/gtest.h>

#include "odbc_test_support.h"
#include "unused_port.h"

namespace e6test {
namespace {

bool HasState(const std::vector<Diagnostic>& records, const std::string& sqlstate) {
  for (const Diagnostic& d : records) {
    if (d.sqlstate == sqlstate) return true;
  }
  return false;
}

TEST(Connect, ByDsn) {
  Connection c;
  ASSERT_EQ(c.OpenDsn("e6data-test"), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_TRUE(Succeeded(s.Execute("SELECT 1"))) << s.Error();
}

TEST(Connect, ByConnectionString) {
  Connection c;
  ASSERT_EQ(c.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << c.Error();
}

TEST(Connect, ByDsnInConnectionStringWithOverrides) {
  Connection c;
  // DATABASE from the string wins over the DSN's; the rest comes from the DSN.
  ASSERT_EQ(c.Open("DSN=e6data-test;DATABASE=types"), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_TRUE(Succeeded(s.Execute("SELECT COUNT(*) FROM all_types"))) << s.Error();
}

TEST(Connect, WrongPasswordIs28000) {
  Connection c;
  // The first occurrence of a key wins, so the wrong password goes first.
  const SQLRETURN rc = c.Open("PWD=not-the-token;" + OdbcEnvironment::ConnectionString());
  ASSERT_EQ(rc, SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "28000") << records[0].message;
  EXPECT_NE(records[0].message.find("demo@e6data.local"), std::string::npos) << records[0].message;
  EXPECT_EQ(records[0].message.find("not-the-token"), std::string::npos) << "the password must never be echoed";
}

TEST(Connect, WrongPasswordByDsnIs28000) {
  Connection c;
  ASSERT_EQ(c.OpenDsn("e6data-test", "demo@e6data.local", "wrong"), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_DBC, c.dbc()).at(0).sqlstate, "28000");
}

TEST(Connect, UnreachablePortIs08001) {
  Connection c;
  const std::string text = "DRIVER={e6data};HOST=127.0.0.1;PORT=" + std::to_string(UnusedLoopbackPort()) +
                           ";UID=demo@e6data.local;PWD=demo-token";
  ASSERT_EQ(c.Open(text), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "08001") << records[0].message;
}

TEST(Connect, UnknownKeyWarns01S09AndConnects) {
  Connection c;
  ASSERT_EQ(c.Open(OdbcEnvironment::ConnectionString("PROT=1")), SQL_SUCCESS_WITH_INFO);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_TRUE(HasState(records, "01S09")) << Describe(SQL_HANDLE_DBC, c.dbc());
  EXPECT_NE(records[0].message.find("PROT"), std::string::npos) << records[0].message;
}

TEST(Connect, MissingHostIsAnError) {
  Connection c;
  ASSERT_EQ(c.Open("DRIVER={e6data};UID=demo@e6data.local;PWD=demo-token"), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_DBC, c.dbc()).at(0).sqlstate, "08001");
}

TEST(Connect, MalformedConnectionStringIsAnError) {
  Connection c;
  ASSERT_EQ(c.Open("DRIVER={e6data};HOST={127.0.0.1;UID=x"), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_DBC, c.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_NE(records[0].message.find("brace"), std::string::npos) << records[0].message;
}

TEST(Connect, DisconnectThenReconnect) {
  Connection c;
  ASSERT_EQ(c.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << c.Error();
  ASSERT_EQ(SQLDisconnect(c.dbc()), SQL_SUCCESS);
  ASSERT_EQ(c.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << c.Error();
}

}  // namespace
}  // namespace e6test
