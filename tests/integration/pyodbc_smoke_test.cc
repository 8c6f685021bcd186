// Runs pyodbc_smoke.py (Debian's python3-pyodbc) against the test emulator:
// a real ODBC application browsing the catalog and reading typed rows.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "odbc_test_support.h"

namespace e6test {
namespace {

TEST(PyodbcSmoke, BrowsesTheCatalogAndReadsTypedRows) {
  const std::string command = std::string("/usr/bin/python3 '") + E6_PYODBC_SMOKE_SCRIPT + "' '" +
                              OdbcEnvironment::ConnectionString() + "' 2>&1";
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 4096> chunk;
  size_t n = 0;
  while ((n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0) output.append(chunk.data(), n);
  const int status = pclose(pipe);
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("pyodbc smoke: ok"), std::string::npos) << output;
}

}  // namespace
}  // namespace e6test
