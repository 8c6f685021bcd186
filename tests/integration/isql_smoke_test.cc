// Runs unixODBC's own isql against the test DSN and reads what it prints.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "odbc_test_support.h"

namespace e6test {
namespace {

// Runs isql in batch mode with `sql` on stdin; returns stdout + stderr.
std::string RunIsql(const std::string& sql) {
  const auto input = OdbcEnvironment::dir() / "isql-input.sql";
  std::ofstream(input) << sql << "\n";
  const std::string command = "isql -b -v e6data-test < '" + input.string() + "' 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "(popen failed)";
  std::array<char, 4096> chunk;
  size_t n = 0;
  while ((n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0) output.append(chunk.data(), n);
  pclose(pipe);
  return output;
}

TEST(IsqlSmoke, PrintsRowsFromTheSampleData) {
  const std::string output = RunIsql("SELECT r_regionkey, r_name FROM tpch.region ORDER BY r_regionkey");
  EXPECT_NE(output.find("r_regionkey"), std::string::npos) << output;
  // TPC-H's five region names.
  for (const char* region : {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"}) {
    EXPECT_NE(output.find(region), std::string::npos) << region << " missing from:\n" << output;
  }
  EXPECT_NE(output.find("5 rows fetched"), std::string::npos) << output;
}

TEST(IsqlSmoke, ReportsServerErrorsWithSqlstate) {
  const std::string output = RunIsql("SELEC 1");
  // isql is an ODBC 2 application: the driver manager shows 42000 as its ODBC 2 form 37000.
  EXPECT_NE(output.find("[37000]"), std::string::npos) << output;
  EXPECT_NE(output.find("near \"SELEC\": syntax error"), std::string::npos) << output;
}

TEST(IsqlSmoke, HelpListsTablesAndColumnsThroughTheCatalogFunctions) {
  // isql's `help` is SQLTables; `help TABLE` is SQLColumns (an ODBC 2 caller: catalog and schema
  // arguments are null, so every schema is searched).
  const std::string tables = RunIsql("help");
  for (const char* table : {"region", "lineitem", "all_types"}) {
    EXPECT_NE(tables.find(table), std::string::npos) << table << " missing from:\n" << tables;
  }
  const std::string columns = RunIsql("help region");
  for (const char* column : {"r_regionkey", "r_name", "r_comment", "bigint"}) {
    EXPECT_NE(columns.find(column), std::string::npos) << column << " missing from:\n" << columns;
  }
}

}  // namespace
}  // namespace e6test
