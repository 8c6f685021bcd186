// Reading a DSN through odbcinst from a private ODBCSYSINI/ODBCINI.
#include "config/dsn.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace e6odbc::config {
namespace {

class DsnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (std::filesystem::temp_directory_path() / "e6odbc-dsn-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    std::ofstream(dir_ / "odbcinst.ini") << "[e6data]\nDriver = /nonexistent/libe6dataodbc.so\n";
    std::ofstream(dir_ / "odbc.ini") << "[full]\nDriver = e6data\nSERVER = db.example.com\nPORT = 443\nUID = me\n"
                                        "PWD = " << std::string(900, 'x') << "\nSECURE = 1\nCATALOG = cat\n"
                                     << "[empty]\nDriver = e6data\n";
    setenv("ODBCSYSINI", dir_.c_str(), 1);
    setenv("ODBCINI", (dir_ / "odbc.ini").c_str(), 1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

std::string Value(const std::vector<Attribute>& attributes, const std::string& key) {
  for (const Attribute& a : attributes) {
    if (a.key == key) return a.value;
  }
  return "(absent)";
}

TEST_F(DsnTest, ReadsKnownKeysUnderCanonicalNames) {
  const std::vector<Attribute> attributes = ReadDsn("full");
  EXPECT_EQ(Value(attributes, "HOST"), "db.example.com");  // written as the alias SERVER
  EXPECT_EQ(Value(attributes, "PORT"), "443");
  EXPECT_EQ(Value(attributes, "UID"), "me");
  EXPECT_EQ(Value(attributes, "SECURE"), "1");
  EXPECT_EQ(Value(attributes, "CATALOG"), "cat");
  // unixODBC keeps values up to 1000 characters; long tokens must survive whole.
  EXPECT_EQ(Value(attributes, "PWD").size(), 900u);
  EXPECT_EQ(Value(attributes, "DATABASE"), "(absent)");
}

TEST_F(DsnTest, DsnWithoutKeysGivesNothing) { EXPECT_TRUE(ReadDsn("empty").empty()); }

}  // namespace
}  // namespace e6odbc::config
