// The connection-key table: aliases, precedence, defaults, validation.
#include "config/connection_options.h"

#include <gtest/gtest.h>

#include "common/driver_error.h"

namespace e6odbc::config {
namespace {

ConnectionOptions Apply(const std::string& text, std::vector<UnknownKey>* unknown = nullptr) {
  ConnectionOptions options;
  std::vector<UnknownKey> ignored;
  ApplyAttributes(ParseConnectionString(text), options, unknown != nullptr ? *unknown : ignored);
  return options;
}

TEST(ConnectionOptions, KeysAndAliasesAreCaseInsensitive) {
  const ConnectionOptions o = Apply(
      "server=h;Port=444;user=u;password=p;schema=s;catalog=c;CLUSTER_NAME=Blue-Cluster;secure=YES;prepare_timeout=30");
  EXPECT_EQ(o.host, "h");
  EXPECT_EQ(o.port, 444);
  EXPECT_EQ(o.user, "u");
  EXPECT_EQ(o.password, "p");
  EXPECT_EQ(o.database, "s");
  EXPECT_EQ(o.catalog, "c");
  EXPECT_EQ(o.cluster_name, "Blue-Cluster");
  EXPECT_TRUE(o.secure);
  EXPECT_EQ(o.prepare_timeout_seconds, 30);
}

TEST(ConnectionOptions, FirstOccurrenceWinsAcrossAliases) {
  EXPECT_EQ(Apply("UID=first;USER=second;uid=third").user, "first");
  EXPECT_EQ(Apply("SERVER=first;HOST=second").host, "first");
}

TEST(ConnectionOptions, DefaultPortFollowsSecure) {
  EXPECT_EQ(Apply("HOST=h").EffectivePort(), 80);
  EXPECT_EQ(Apply("HOST=h;SECURE=1").EffectivePort(), 443);
  EXPECT_EQ(Apply("HOST=h;SECURE=1;PORT=8443").EffectivePort(), 8443);
  EXPECT_EQ(Apply("HOST=h").prepare_timeout_seconds, 600);
}

struct BadValue {
  const char* text;
  const char* key;
};

class BadValues : public ::testing::TestWithParam<BadValue> {};

TEST_P(BadValues, AreHY024NamingKeyAndValue) {
  try {
    Apply(GetParam().text);
    FAIL() << GetParam().text;
  } catch (const DriverError& e) {
    EXPECT_EQ(e.sqlstate(), "HY024");
    EXPECT_NE(std::string(e.what()).find(GetParam().key), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Validation, BadValues,
                         ::testing::Values(BadValue{"PORT=0", "PORT"}, BadValue{"PORT=65536", "PORT"},
                                           BadValue{"PORT=80x", "PORT"}, BadValue{"SECURE=maybe", "SECURE"},
                                           BadValue{"PREPARE_TIMEOUT=-1", "PREPARE_TIMEOUT"},
                                           BadValue{"PREPARE_TIMEOUT=soon", "PREPARE_TIMEOUT"}));

TEST(ConnectionOptions, UnknownKeysAreReportedWithSuggestions) {
  std::vector<UnknownKey> unknown;
  const ConnectionOptions o = Apply("HOST=h;PROT=1;Hots=x;Frobnicate=1", &unknown);
  EXPECT_EQ(o.host, "h");
  ASSERT_EQ(unknown.size(), 3u);
  EXPECT_EQ(unknown[0].key, "PROT");
  EXPECT_EQ(unknown[0].suggestion, "PORT");
  EXPECT_EQ(unknown[1].suggestion, "HOST");
  EXPECT_EQ(unknown[2].suggestion, "");
}

TEST(ConnectionOptions, ValidateNamesWhatIsMissing) {
  const auto state_of = [](const std::string& text) {
    try {
      Validate(Apply(text));
      return std::string("ok");
    } catch (const DriverError& e) {
      return e.sqlstate();
    }
  };
  EXPECT_EQ(state_of("UID=u;PWD=p"), "08001");
  EXPECT_EQ(state_of("HOST=h;PWD=p"), "28000");
  EXPECT_EQ(state_of("HOST=h;UID=u"), "28000");
  EXPECT_EQ(state_of("HOST=h;UID=u;PWD=p"), "ok");
}

TEST(ConnectionOptions, OutConnectionStringReconnects) {
  const ConnectionOptions o = Apply("DRIVER={e6data};HOST=h;UID=u;PWD={p;w};CATALOG=c");
  const std::string text = ToConnectionString(o);
  const ConnectionOptions again = Apply(text);
  EXPECT_EQ(again.host, "h");
  EXPECT_EQ(again.password, "p;w");
  EXPECT_EQ(again.catalog, "c");
  EXPECT_EQ(again.driver, "e6data");
  EXPECT_EQ(again.EffectivePort(), 80);
}

}  // namespace
}  // namespace e6odbc::config
