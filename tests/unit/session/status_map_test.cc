// The gRPC status -> SQLSTATE table of status_map.cc, for both phases, and the
// spec §8.1 signature predicates.
#include "session/status_map.h"

#include <gtest/gtest.h>

namespace e6odbc::session {
namespace {

struct Case {
  grpc::StatusCode code;
  const char* message;
  const char* connect_state;
  const char* query_state;
};

class StatusMapTest : public ::testing::TestWithParam<Case> {};

TEST_P(StatusMapTest, MapsBothPhasesAndKeepsTheServerMessage) {
  const Case& c = GetParam();
  const grpc::Status status(c.code, c.message);
  const DriverError connecting = ToDriverError(status, "authenticate", Phase::kConnect);
  const DriverError later = ToDriverError(status, "executeStatementV2", Phase::kQuery);
  EXPECT_EQ(connecting.sqlstate(), c.connect_state);
  EXPECT_EQ(later.sqlstate(), c.query_state);
  EXPECT_NE(std::string(connecting.what()).find(std::string("e6data authenticate: ") + c.message), std::string::npos)
      << connecting.what();
  EXPECT_NE(std::string(later.what()).find(std::string("e6data executeStatementV2: ") + c.message), std::string::npos)
      << later.what();
  EXPECT_EQ(later.native(), static_cast<int>(c.code));
}

INSTANTIATE_TEST_SUITE_P(
    Table, StatusMapTest,
    ::testing::Values(Case{grpc::StatusCode::UNAVAILABLE, "failed to connect", "08001", "08S01"},
                      Case{grpc::StatusCode::UNAVAILABLE, "Received http2 header with status: 503", "08001", "08S01"},
                      Case{grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded", "HYT00", "HYT00"},
                      Case{grpc::StatusCode::CANCELLED, "Cancelled", "HY008", "HY008"},
                      Case{grpc::StatusCode::UNAUTHENTICATED, "bad token", "28000", "28000"},
                      Case{grpc::StatusCode::PERMISSION_DENIED, "no grant on t", "28000", "42000"},
                      Case{grpc::StatusCode::INTERNAL, "Access denied", "28000", "HY000"},
                      Case{grpc::StatusCode::INVALID_ARGUMENT, "Table 'x' not found", "08001", "42000"},
                      Case{grpc::StatusCode::NOT_FOUND, "no such query", "08001", "HY000"},
                      Case{grpc::StatusCode::RESOURCE_EXHAUSTED, "out of memory", "08001", "HY000"},
                      Case{grpc::StatusCode::INTERNAL, "planner crashed", "08001", "HY000"},
                      Case{grpc::StatusCode::UNKNOWN, "Received http2 header with status: 500", "08001", "HY000"}),
    [](const ::testing::TestParamInfo<Case>& param) { return "Row" + std::to_string(param.index); });

TEST(StatusMap, UnreachableWhileConnectingNamesTheEndpoint) {
  const DriverError error = ToDriverError(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection refused"),
                                          "authenticate", Phase::kConnect, "db.example.com:443");
  EXPECT_EQ(std::string(error.what()),
            "cannot reach e6data at db.example.com:443: e6data authenticate: connection refused");
}

TEST(StatusMap, SuspendedClusterSaysSo) {
  const grpc::Status status(grpc::StatusCode::UNAVAILABLE, "Received http2 header with status: 503");
  EXPECT_NE(std::string(ToDriverError(status, "authenticate", Phase::kConnect).what()).find("suspended"),
            std::string::npos);
}

TEST(StatusMap, StrategyMismatchNeedsUnknownUnlessAnyCodeIsAsked) {
  const grpc::Status unknown(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
  const grpc::Status internal(grpc::StatusCode::INTERNAL, "upstream said status: 456");
  const grpc::Status other(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 500");
  EXPECT_TRUE(IsStrategyMismatch(unknown));
  EXPECT_FALSE(IsStrategyMismatch(internal));
  EXPECT_TRUE(IsStrategyMismatch(internal, /*any_code=*/true));
  EXPECT_FALSE(IsStrategyMismatch(other, /*any_code=*/true));
  EXPECT_FALSE(IsStrategyMismatch(grpc::Status::OK, true));
}

TEST(StatusMap, AccessDeniedAndSuspensionNeedTheirCodes) {
  EXPECT_TRUE(IsAccessDenied(grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: expired")));
  EXPECT_FALSE(IsAccessDenied(grpc::Status(grpc::StatusCode::UNKNOWN, "Access denied: expired")));
  EXPECT_FALSE(IsAccessDenied(grpc::Status(grpc::StatusCode::INTERNAL, "access denied")))
      << "the match is case-sensitive (spec §8.1)";
  EXPECT_TRUE(IsClusterSuspended(grpc::Status(grpc::StatusCode::UNAVAILABLE, "status: 503")));
  EXPECT_FALSE(IsClusterSuspended(grpc::Status(grpc::StatusCode::UNKNOWN, "status: 503")));
  EXPECT_FALSE(IsClusterSuspended(grpc::Status(grpc::StatusCode::UNAVAILABLE, "status: 502")));
}

TEST(StatusMap, SignaturesAreFoundInTheDetailsToo) {
  const grpc::Status status(grpc::StatusCode::INTERNAL, "request failed", "Access denied");
  EXPECT_TRUE(IsAccessDenied(status));
}

}  // namespace
}  // namespace e6odbc::session
