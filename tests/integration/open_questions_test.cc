// The open questions of the protocol (spec §13) that change what the driver
// receives, each answered "the other way" by the emulator: the same queries
// must give the same values as against the default emulator.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "odbc_test_support.h"

namespace e6test {
namespace {

struct Variant {
  const char* name;
  std::vector<std::string> flags;
};

// Every cell of the result as text ("NULL" for NULL), row by row.
std::vector<std::vector<std::string>> ReadAll(const std::string& connection_string, const std::string& sql,
                                              SQLLEN* row_count = nullptr) {
  Connection c;
  EXPECT_EQ(c.Open(connection_string), SQL_SUCCESS) << c.Error();
  Statement s(c);
  EXPECT_EQ(s.Execute(sql), SQL_SUCCESS) << s.Error();
  if (row_count != nullptr) SQLRowCount(s.get(), row_count);
  SQLSMALLINT columns = 0;
  SQLNumResultCols(s.get(), &columns);
  std::vector<std::vector<std::string>> rows;
  SQLRETURN rc;
  while ((rc = SQLFetch(s.get())) == SQL_SUCCESS) {
    std::vector<std::string>& row = rows.emplace_back();
    for (SQLUSMALLINT i = 1; i <= static_cast<SQLUSMALLINT>(columns); ++i) row.push_back(s.GetChar(i).value_or("NULL"));
  }
  EXPECT_EQ(rc, SQL_NO_DATA) << s.Error();
  return rows;
}

class OpenQuestionsTest : public OwnEmulatorTest, public ::testing::WithParamInterface<Variant> {};

TEST_P(OpenQuestionsTest, SameValuesEitherWay) {
  const std::vector<std::string> queries = {"SELECT * FROM orders ORDER BY o_orderkey",
                                            "SELECT * FROM types.all_types ORDER BY 1"};
  std::vector<std::vector<std::vector<std::string>>> baseline;
  Start({"--batch-rows", "700"});
  for (const std::string& sql : queries) baseline.push_back(ReadAll(ConnectionString(), sql));
  ASSERT_GT(baseline[0].size(), 2000u);

  std::vector<std::string> flags = {"--batch-rows", "700"};
  flags.insert(flags.end(), GetParam().flags.begin(), GetParam().flags.end());
  Start(flags);
  for (size_t i = 0; i < queries.size(); ++i) {
    const auto rows = ReadAll(ConnectionString(), queries[i]);
    ASSERT_EQ(rows.size(), baseline[i].size()) << queries[i];
    EXPECT_EQ(rows, baseline[i]) << queries[i];
  }
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Spec13, OpenQuestionsTest,
    ::testing::Values(Variant{"ZeroRowChunksMidStream", {"--empty-chunks-every", "1"}},
                      Variant{"ZeroRowChunkEveryThirdBatch", {"--empty-chunks-every", "3"}},
                      Variant{"DatetimeAsTimestampVectors", {"--datetime-as-timestamp"}},
                      Variant{"MetadataRowCountUnknown", {"--metadata-row-count", "unknown"}},
                      Variant{"MetadataRowCountZero", {"--metadata-row-count", "zero"}}),
    [](const ::testing::TestParamInfo<Variant>& param) { return std::string(param.param.name); });

TEST_F(OpenQuestionsTest, RowCountFollowsWhatTheEngineSays) {
  SQLLEN known = -2;
  Start({"--metadata-row-count", "total"});
  ReadAll(ConnectionString(), "SELECT * FROM nation", &known);
  EXPECT_EQ(known, 25);
  SQLLEN unknown = -2;
  Start({"--metadata-row-count", "unknown"});
  ReadAll(ConnectionString(), "SELECT * FROM nation", &unknown);
  EXPECT_EQ(unknown, -1) << "an unknown count is reported as ODBC's 'not available'";
}

// §13.4: without its scale a decimal cannot be read right; the driver says so
// rather than hand out a value that is silently off by a power of ten.
TEST_F(OpenQuestionsTest, DecimalsWithoutTheirScaleComeWithAWarning) {
  const std::string sql = "SELECT o_orderkey, o_totalprice FROM orders ORDER BY o_orderkey LIMIT 3";
  Start();
  {
    Connection c;
    ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
    Statement s(c);
    EXPECT_EQ(s.Execute(sql), SQL_SUCCESS) << s.Error();  // the scale came: nothing to say
  }
  Start({"--decimal-without-scale"});
  Connection c;
  ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
  Statement s(c);
  ASSERT_EQ(s.Execute(sql), SQL_SUCCESS_WITH_INFO);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "01000");
  EXPECT_NE(records[0].message.find("column 2 (o_totalprice)"), std::string::npos) << records[0].message;
  EXPECT_NE(records[0].message.find("13.4"), std::string::npos) << records[0].message;
  int rows = 0;
  while (SQLFetch(s.get()) == SQL_SUCCESS) ++rows;  // said once, at execute: the rows fetch quietly
  EXPECT_EQ(rows, 3);
}

}  // namespace
}  // namespace e6test
