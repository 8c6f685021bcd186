// Reading a DSN through the real odbcinst library from a private
// ODBCSYSINI/ODBCINI written into a temporary directory.
#include "config/dsn.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/driver_error.h"
#include "config/connection_options.h"

namespace e6odbc::config {
namespace {

class DsnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "e6odbc-dsn-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    std::ofstream(dir_ / "odbcinst.ini") << "[e6data]\nDriver = /nonexistent/libe6dataodbc.so\n";
    std::ofstream(dir_ / "odbc.ini")
        << "[full]\n"
           "Driver = e6data\n"
           "Description = not a key of ours\n"
           "SERVER = db.example.com\n"
           "port=443\n"
           "  Uid  =  me@example.com  \n"
           "PWD = " << std::string(900, 'x') << "\n"
           "Secure = 1\n"
           "CATALOG = cat\n"
           "DATABASE =\n"
           "\n"
           "[both]\n"
           "Driver = e6data\n"
           "SERVER = alias-host\n"
           "HOST = canonical-host\n"
           "\n"
           "[empty]\n"
           "Driver = e6data\n"
           "\n"
           "[cut]\n"
           "Driver = e6data\n"
           "HOST = h\n"
           "PWD = " << std::string(2000, 's') << "\n";
    ASSERT_EQ(setenv("ODBCSYSINI", dir_.c_str(), 1), 0);
    ASSERT_EQ(setenv("ODBCINI", (dir_ / "odbc.ini").c_str(), 1), 0);
  }

  void TearDown() override {
    unsetenv("ODBCINI");
    unsetenv("ODBCSYSINI");
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
};

std::vector<std::string> Values(const std::vector<Attribute>& attributes, const std::string& key) {
  std::vector<std::string> values;
  for (const Attribute& a : attributes) {
    if (a.key == key) values.push_back(a.value);
  }
  return values;
}

TEST_F(DsnTest, ReadsKnownKeysUnderCanonicalNames) {
  const std::vector<Attribute> attributes = ReadDsn("full");
  EXPECT_EQ(Values(attributes, "HOST"), std::vector<std::string>{"db.example.com"});  // written as SERVER
  EXPECT_EQ(Values(attributes, "PORT"), std::vector<std::string>{"443"});             // lower-case key
  EXPECT_EQ(Values(attributes, "UID"), std::vector<std::string>{"me@example.com"});   // indented, spaced
  EXPECT_EQ(Values(attributes, "SECURE"), std::vector<std::string>{"1"});
  EXPECT_EQ(Values(attributes, "CATALOG"), std::vector<std::string>{"cat"});
  // Long access tokens survive whole while the line stays under unixODBC's limit.
  ASSERT_EQ(Values(attributes, "PWD").size(), 1u);
  EXPECT_EQ(Values(attributes, "PWD")[0], std::string(900, 'x'));
  EXPECT_TRUE(Values(attributes, "DATABASE").empty());  // present but empty counts as absent
  EXPECT_EQ(attributes.size(), 6u);                     // Driver and Description are not ours

  ConnectionOptions options;
  std::vector<UnknownKey> unknown;
  ApplyAttributes(attributes, options, unknown);
  EXPECT_NO_THROW(Validate(options));
  EXPECT_TRUE(options.secure);
  EXPECT_EQ(options.EffectivePort(), 443);
  EXPECT_TRUE(unknown.empty());
}

TEST_F(DsnTest, CanonicalKeyComesFirstAndWins) {
  const std::vector<Attribute> attributes = ReadDsn("both");
  EXPECT_EQ(Values(attributes, "HOST"), (std::vector<std::string>{"canonical-host", "alias-host"}));
  ConnectionOptions options;
  std::vector<UnknownKey> unknown;
  ApplyAttributes(attributes, options, unknown);
  EXPECT_EQ(options.host, "canonical-host");
}

TEST_F(DsnTest, DsnWithoutKeysGivesNothing) { EXPECT_TRUE(ReadDsn("empty").empty()); }

TEST_F(DsnTest, MissingOrEmptyDsnGivesNothing) {
  EXPECT_TRUE(ReadDsn("no-such-dsn").empty());
  EXPECT_TRUE(ReadDsn("").empty());
}

TEST_F(DsnTest, ValueCutByTheIniLineLimitIsAnError) {
  try {
    ReadDsn("cut");
    FAIL() << "a 2000-character PWD cannot be read whole from odbc.ini";
  } catch (const DriverError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.sqlstate(), "HY000");
    EXPECT_NE(message.find("PWD"), std::string::npos) << message;
    EXPECT_NE(message.find("'cut'"), std::string::npos) << message;
    EXPECT_EQ(message.find("ssssssss"), std::string::npos) << "the value must not be echoed";
  }
}

}  // namespace
}  // namespace e6odbc::config
