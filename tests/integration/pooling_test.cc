// Driver-manager connection pooling (a test program of its own: unixODBC's
// pooling switch is process-wide). A pooled connection is handed out again
// while its engine answers, and discarded — not reused — once the engine is
// gone, because the driver answers SQL_ATTR_CONNECTION_DEAD honestly.
#include <gtest/gtest.h>

#include "odbc_test_support.h"

namespace e6test {
namespace {

class PoolingTest : public OwnEmulatorTest {
 protected:
  int64_t Authentications() const { return Calls("QueryEngineService/authenticate"); }
};

// One connection's whole life: connect, one query, disconnect (back to the pool).
void ConnectQueryDisconnect(const std::string& connection_string) {
  Connection connection;
  ASSERT_EQ(connection.Open(connection_string), SQL_SUCCESS) << connection.Error();
  Statement s(connection);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM tpch.region"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "5");
}

TEST_F(PoolingTest, APooledConnectionIsReusedWhileItsEngineAnswers) {
  Start();
  ConnectQueryDisconnect(ConnectionString());
  ASSERT_EQ(Authentications(), 1);
  ConnectQueryDisconnect(ConnectionString());
  ConnectQueryDisconnect(ConnectionString());
  // The driver manager handed back the same driver connection: no new session.
  EXPECT_EQ(Authentications(), 1);
  EXPECT_GE(Calls("QueryEngineService/healthCheck"), 1);  // the liveness probe it asked for
}

TEST_F(PoolingTest, APooledConnectionWhoseEngineWentAwayIsNotHandedOut) {
  Start();
  ConnectQueryDisconnect(ConnectionString());
  const std::string connection_string = ConnectionString();
  emulator().Kill();
  // Without an honest SQL_ATTR_CONNECTION_DEAD the driver manager would return
  // the pooled connection as connected and the application would only fail at
  // its first query; instead the pool drops it and a real connect is tried.
  Connection connection;
  ASSERT_EQ(connection.Open(connection_string), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_DBC, connection.dbc());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "08001") << records[0].message;
}

}  // namespace
}  // namespace e6test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new e6test::OdbcEnvironment(/*pooling=*/true));  // gtest takes ownership
  return RUN_ALL_TESTS();
}
