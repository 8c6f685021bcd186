// The connection-key table: aliases, case, precedence, defaults, validation,
// unknown-key suggestions and the completed (out) connection string.
#include "config/connection_options.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/driver_error.h"

namespace e6odbc::config {
namespace {

ConnectionOptions Apply(const std::string& text, std::vector<UnknownKey>* unknown = nullptr) {
  ConnectionOptions options;
  std::vector<UnknownKey> ignored;
  ApplyAttributes(ParseConnectionString(text), options, unknown != nullptr ? *unknown : ignored);
  return options;
}

// --- What a string sets, seen through the canonical completed string. ---

struct ApplyCase {
  const char* name;
  const char* input;
  const char* completed;  // ToConnectionString of the result
};

class AppliesTo : public ::testing::TestWithParam<ApplyCase> {};

TEST_P(AppliesTo, CanonicalCompletedString) {
  EXPECT_EQ(ToConnectionString(Apply(GetParam().input)), GetParam().completed) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AppliesTo,
    ::testing::Values(
        ApplyCase{"canonical", "HOST=h;PORT=1;UID=u;PWD=p", "HOST=h;PORT=1;UID=u;PWD=p;"},
        ApplyCase{"aliases", "server=h;user=u;password=p;schema=s", "HOST=h;UID=u;PWD=p;DATABASE=s;"},
        ApplyCase{"case_insensitive_keys",
                  "hOsT=h;Port=2;Secure=YES;prepare_timeout=30;Cluster_Name=Blue;catalog=c;Database=d",
                  "HOST=h;PORT=2;DATABASE=d;CATALOG=c;CLUSTER_NAME=Blue;SECURE=1;PREPARE_TIMEOUT=30;"},
        ApplyCase{"values_keep_case", "UID=Me@Example.COM", "UID=Me@Example.COM;"},
        ApplyCase{"table_order", "SECURE=1;PWD=p;HOST=h;DSN=d", "DSN=d;HOST=h;PWD=p;SECURE=1;"},
        ApplyCase{"first_wins_same_spelling", "UID=a;UID=b", "UID=a;"},
        ApplyCase{"first_wins_other_case", "uid=a;UID=b", "UID=a;"},
        ApplyCase{"first_wins_canonical_before_alias", "UID=a;USER=b", "UID=a;"},
        ApplyCase{"first_wins_alias_before_canonical", "SERVER=a;HOST=b", "HOST=a;"},
        ApplyCase{"first_wins_alias_before_alias", "password=a;PASSWORD=b;PWD=c", "PWD=a;"},
        ApplyCase{"later_duplicate_not_validated", "PORT=1;PORT=bogus", "PORT=1;"},
        ApplyCase{"dsn_before_driver", "DSN=d;DRIVER={e6data}", "DSN=d;"},
        ApplyCase{"driver_before_dsn", "DRIVER={e6data};DSN=d", "DRIVER=e6data;"},
        ApplyCase{"braced_values", "PWD={p;w}}};DATABASE={ s }", "PWD={p;w}}};DATABASE={ s };"},
        ApplyCase{"host_trimmed_inside_braces", "HOST={ h }", "HOST=h;"},
        ApplyCase{"secure_off_is_default", "SECURE=off", ""},
        ApplyCase{"default_timeout_left_out", "PREPARE_TIMEOUT=600", ""},
        ApplyCase{"non_ascii", "DATABASE=\xC3\xA4;PWD=\xE6\x97\xA5", "PWD=\xE6\x97\xA5;DATABASE=\xC3\xA4;"},
        ApplyCase{"unknown_keys_set_nothing", "PROT=1;Frob=2", ""},
        ApplyCase{"resilience_keys", "auto_resume=off;AUTO_RESUME_TIMEOUT=20;rpc_timeout=0;RPC_TIMEOUT=5",
                  "AUTO_RESUME=0;AUTO_RESUME_TIMEOUT=20;"},
        ApplyCase{"reference_spellings", "grpc_prepare_timeout=20;GRPC_AUTO_RESUME_TIMEOUT_SECONDS=30",
                  "PREPARE_TIMEOUT=20;AUTO_RESUME_TIMEOUT=30;"},
        ApplyCase{"resilience_defaults_left_out",
                  "AUTO_RESUME=1;AUTO_RESUME_TIMEOUT=300;RPC_TIMEOUT=0;STRATEGY_CACHE_TTL=0", ""},
        ApplyCase{"strategy_ttl", "strategy_cache_ttl=300", "STRATEGY_CACHE_TTL=300;"},
        ApplyCase{"skip_verify", "ssl_skip_verify=yes;SECURE=1", "SECURE=1;SSL_SKIP_VERIFY=1;"},
        ApplyCase{"log_keys", "log_file=/tmp/e6.log;Log_Level=DEBUG", "LOG_LEVEL=debug;LOG_FILE=/tmp/e6.log;"},
        ApplyCase{"channel_options_in_table_order",
                  "grpc_http2_min_ping_interval_without_data_ms=5000;GRPC_KEEPALIVE_TIME_MS=10000;"
                  "GRPC_MAX_RECEIVE_MESSAGE_LENGTH=-1",
                  "GRPC_KEEPALIVE_TIME_MS=10000;GRPC_MAX_RECEIVE_MESSAGE_LENGTH=-1;"
                  "GRPC_HTTP2_MIN_PING_INTERVAL_WITHOUT_DATA_MS=5000;"}),
    [](const ::testing::TestParamInfo<ApplyCase>& param_info) { return std::string(param_info.param.name); });

TEST(ConnectionOptions, EveryFieldIsSet) {
  const ConnectionOptions o =
      Apply("DSN=d;DRIVER=x;SERVER=h;PORT=444;USER=u;PASSWORD=p;SCHEMA=s;CATALOG=c;CLUSTER_NAME=Blue-Cluster;"
            "SECURE=true;PREPARE_TIMEOUT=30");
  EXPECT_EQ(o.dsn, "d");
  EXPECT_EQ(o.driver, "");  // DSN came first
  EXPECT_EQ(o.host, "h");
  EXPECT_EQ(o.port, 444);
  EXPECT_EQ(o.user, "u");
  EXPECT_EQ(o.password, "p");
  EXPECT_EQ(o.database, "s");
  EXPECT_EQ(o.catalog, "c");
  EXPECT_EQ(o.cluster_name, "Blue-Cluster");  // lower-casing is the session's job (spec §3.5)
  EXPECT_TRUE(o.secure);
  EXPECT_EQ(o.prepare_timeout_seconds, 30);
}

TEST(ConnectionOptions, Defaults) {
  const ConnectionOptions o = Apply("HOST=h");
  EXPECT_EQ(o.port, 0);
  EXPECT_EQ(o.EffectivePort(), 80);
  EXPECT_FALSE(o.secure);
  EXPECT_EQ(o.prepare_timeout_seconds, 600);
  EXPECT_EQ(Apply("HOST=h;SECURE=1").EffectivePort(), 443);
  EXPECT_EQ(Apply("HOST=h;SECURE=1;PORT=8443").EffectivePort(), 8443);
  EXPECT_EQ(Apply("HOST=h;SECURE=0;PORT=443").EffectivePort(), 443);
}

TEST(ConnectionOptions, AppliesOnTopOfExistingOptions) {
  ConnectionOptions options;
  options.host = "old";
  options.catalog = "kept";
  std::vector<UnknownKey> unknown = {{"EARLIER", ""}};
  ApplyAttributes(ParseConnectionString("HOST=new;BOGUS=1"), options, unknown);
  EXPECT_EQ(options.host, "new");
  EXPECT_EQ(options.catalog, "kept");
  ASSERT_EQ(unknown.size(), 2u);  // appended, not replaced
  EXPECT_EQ(unknown[1].key, "BOGUS");
}

// Precedence as the ODBC layer builds it: the connection string's own keys
// come before the DSN's, so they win.
TEST(ConnectionOptions, ConnectionStringBeforeDsnWins) {
  std::vector<Attribute> attributes = ParseConnectionString("DSN=d;uid=override");
  attributes.push_back({"HOST", "from-dsn"});
  attributes.push_back({"UID", "from-dsn"});
  ConnectionOptions options;
  std::vector<UnknownKey> unknown;
  ApplyAttributes(attributes, options, unknown);
  EXPECT_EQ(options.user, "override");
  EXPECT_EQ(options.host, "from-dsn");
}

class SecureSpellings : public ::testing::TestWithParam<std::pair<const char*, bool>> {};

TEST_P(SecureSpellings, AreAccepted) {
  EXPECT_EQ(Apply(std::string("SECURE=") + GetParam().first).secure, GetParam().second) << GetParam().first;
}

INSTANTIATE_TEST_SUITE_P(Table, SecureSpellings,
                         ::testing::Values(std::pair{"1", true}, std::pair{"true", true}, std::pair{"yes", true},
                                           std::pair{"on", true}, std::pair{"TRUE", true}, std::pair{"Yes", true},
                                           std::pair{"On", true}, std::pair{"0", false}, std::pair{"false", false},
                                           std::pair{"no", false}, std::pair{"off", false},
                                           std::pair{"FALSE", false}, std::pair{"OFF", false}));

// --- Bad values: HY024 naming key and value. ---

struct BadValue {
  const char* input;
  const char* key;
  const char* value;
};

class BadValues : public ::testing::TestWithParam<BadValue> {};

TEST_P(BadValues, AreHY024NamingKeyAndValue) {
  try {
    Apply(GetParam().input);
    FAIL() << GetParam().input;
  } catch (const DriverError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.sqlstate(), "HY024");
    EXPECT_NE(message.find(GetParam().key), std::string::npos) << message;
    EXPECT_NE(message.find(std::string("'") + GetParam().value + "'"), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Validation, BadValues,
    ::testing::Values(BadValue{"PORT=0", "PORT", "0"}, BadValue{"PORT=65536", "PORT", "65536"},
                      BadValue{"PORT=-1", "PORT", "-1"}, BadValue{"PORT=80x", "PORT", "80x"},
                      BadValue{"PORT=", "PORT", ""}, BadValue{"port=99999999999999999999", "PORT", "99999999999999999999"},
                      BadValue{"SECURE=maybe", "SECURE", "maybe"}, BadValue{"SECURE=2", "SECURE", "2"},
                      BadValue{"SECURE=", "SECURE", ""}, BadValue{"secure=y", "SECURE", "y"},
                      BadValue{"PREPARE_TIMEOUT=0", "PREPARE_TIMEOUT", "0"},
                      BadValue{"PREPARE_TIMEOUT=-1", "PREPARE_TIMEOUT", "-1"},
                      BadValue{"PREPARE_TIMEOUT=soon", "PREPARE_TIMEOUT", "soon"},
                      BadValue{"PREPARE_TIMEOUT=1.5", "PREPARE_TIMEOUT", "1.5"},
                      BadValue{"PREPARE_TIMEOUT=99999999999", "PREPARE_TIMEOUT", "99999999999"},
                      BadValue{"HOST=h;PORT={ 1 2 }", "PORT", " 1 2 "},
                      BadValue{"RPC_TIMEOUT=-1", "RPC_TIMEOUT", "-1"},
                      BadValue{"RPC_TIMEOUT=1m", "RPC_TIMEOUT", "1m"},
                      BadValue{"AUTO_RESUME=sometimes", "AUTO_RESUME", "sometimes"},
                      BadValue{"AUTO_RESUME_TIMEOUT=0", "AUTO_RESUME_TIMEOUT", "0"},
                      BadValue{"STRATEGY_CACHE_TTL=-5", "STRATEGY_CACHE_TTL", "-5"},
                      BadValue{"LOG_LEVEL=verbose", "LOG_LEVEL", "verbose"},
                      BadValue{"LOG_LEVEL=5", "LOG_LEVEL", "5"},
                      BadValue{"SSL_SKIP_VERIFY=please", "SSL_SKIP_VERIFY", "please"},
                      BadValue{"GRPC_KEEPALIVE_TIME_MS=-2", "GRPC_KEEPALIVE_TIME_MS", "-2"},
                      BadValue{"GRPC_KEEPALIVE_TIME_MS=3000000000", "GRPC_KEEPALIVE_TIME_MS", "3000000000"},
                      BadValue{"grpc_http2_max_pings_without_data=x", "GRPC_HTTP2_MAX_PINGS_WITHOUT_DATA", "x"}));

TEST(ConnectionOptions, ChannelOptionsAreKeptUnderTheSpecsNames) {
  const ConnectionOptions o = Apply("GRPC_KEEPALIVE_TIME_MS=10000;GRPC_HTTP2_MAX_PINGS_WITHOUT_DATA=2");
  const std::map<std::string, int64_t> expected = {{"keepalive_time_ms", 10000}, {"http2.max_pings_without_data", 2}};
  EXPECT_EQ(o.channel_options, expected);
}

// --- Unknown keys and their suggestions. ---

TEST(ConnectionOptions, UnknownKeysAreReportedInOrderWithSuggestions) {
  std::vector<UnknownKey> unknown;
  const ConnectionOptions o =
      Apply("HOST=h;PROT=1;Hots=x;Frobnicate=1;USR=u;Pasword=p;clustername=c;CATALG=c;ZZ=1;SEQURE=1", &unknown);
  EXPECT_EQ(o.host, "h");
  EXPECT_EQ(o.port, 0);
  std::vector<std::pair<std::string, std::string>> got;
  for (const UnknownKey& k : unknown) got.emplace_back(k.key, k.suggestion);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"PROT", "PORT"},  {"Hots", "HOST"},  {"Frobnicate", ""},         {"USR", "UID"},
      {"Pasword", "PWD"}, {"clustername", "CLUSTER_NAME"}, {"CATALG", "CATALOG"}, {"ZZ", ""},
      {"SEQURE", "SECURE"}};
  EXPECT_EQ(got, expected);
}

TEST(ConnectionOptions, CanonicalKey) {
  EXPECT_EQ(CanonicalKey("server"), "HOST");
  EXPECT_EQ(CanonicalKey("Password"), "PWD");
  EXPECT_EQ(CanonicalKey("schema"), "DATABASE");
  EXPECT_EQ(CanonicalKey("port"), "PORT");
  EXPECT_EQ(CanonicalKey("Nope"), "Nope");
}

TEST(ConnectionOptions, KnownKeysAreWhatADsnMayHold) {
  const std::vector<std::string>& keys = KnownKeys();
  for (const char* key : {"HOST", "SERVER", "PORT", "UID", "USER", "PWD", "PASSWORD", "DATABASE", "SCHEMA", "CATALOG",
                          "CLUSTER_NAME", "SECURE", "SSL_CA", "CA_FILE", "PREPARE_TIMEOUT", "RPC_TIMEOUT",
                          "AUTO_RESUME", "AUTO_RESUME_TIMEOUT", "GRPC_KEEPALIVE_TIME_MS", "STRATEGY_CACHE_TTL",
                          "STRING_TYPE", "STRING_COLUMN_SIZE"}) {
    EXPECT_NE(std::find(keys.begin(), keys.end(), key), keys.end()) << key;
  }
  EXPECT_EQ(keys.size(), 34u);
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "DSN"), keys.end());
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "DRIVER"), keys.end());
  // A canonical key precedes its alias, so it wins when a DSN holds both.
  EXPECT_LT(std::find(keys.begin(), keys.end(), "HOST"), std::find(keys.begin(), keys.end(), "SERVER"));
}

// --- String options (issue #5). ---

TEST(ConnectionOptions, StringTypeAndColumnSize) {
  const ConnectionOptions defaults = Apply("HOST=h");
  EXPECT_FALSE(defaults.wide_strings);
  EXPECT_EQ(defaults.string_column_size, 65535);
  EXPECT_TRUE(Apply("STRING_TYPE=WVARCHAR").wide_strings);
  EXPECT_TRUE(Apply("string_type= wvarchar ").wide_strings);
  EXPECT_FALSE(Apply("STRING_TYPE=VarChar").wide_strings);
  EXPECT_EQ(Apply("STRING_COLUMN_SIZE=255").string_column_size, 255);
  EXPECT_EQ(Apply("STRING_COLUMN_SIZE=1").string_column_size, 1);
  EXPECT_EQ(Apply("STRING_COLUMN_SIZE=536870911").string_column_size, 536870911);
  // Completed strings keep non-default values only, in table order.
  EXPECT_EQ(ToConnectionString(Apply("STRING_COLUMN_SIZE=100;STRING_TYPE=WVARCHAR;HOST=h")),
            "HOST=h;STRING_TYPE=WVARCHAR;STRING_COLUMN_SIZE=100;");
  EXPECT_EQ(ToConnectionString(Apply("STRING_TYPE=VARCHAR;STRING_COLUMN_SIZE=65535")), "");
}

TEST(ConnectionOptions, BadStringOptionsAreHY024NamingKeyAndValue) {
  const std::pair<const char*, const char*> cases[] = {
      {"STRING_TYPE=NVARCHAR", "NVARCHAR"},  {"STRING_TYPE=", ""},
      {"STRING_TYPE=CHAR", "CHAR"},          {"STRING_COLUMN_SIZE=0", "0"},
      {"STRING_COLUMN_SIZE=-5", "-5"},       {"STRING_COLUMN_SIZE=536870912", "536870912"},
      {"STRING_COLUMN_SIZE=big", "big"},     {"STRING_COLUMN_SIZE=", ""}};
  for (const auto& [input, value] : cases) {
    const std::string key = std::string(input).substr(0, std::string(input).find('='));
    try {
      Apply(input);
      ADD_FAILURE() << input;
    } catch (const DriverError& e) {
      const std::string message = e.what();
      EXPECT_EQ(e.sqlstate(), "HY024") << input;
      EXPECT_NE(message.find(key), std::string::npos) << message;
      EXPECT_NE(message.find(std::string("'") + value + "'"), std::string::npos) << message;
    }
  }
}

// --- Validate. ---

struct Missing {
  const char* input;
  const char* sqlstate;  // empty: valid
  const char* named;
};

class ValidateCases : public ::testing::TestWithParam<Missing> {};

TEST_P(ValidateCases, NamesWhatIsMissing) {
  const Missing& c = GetParam();
  const ConnectionOptions options = Apply(c.input);
  if (std::string(c.sqlstate).empty()) {
    EXPECT_NO_THROW(Validate(options));
    return;
  }
  try {
    Validate(options);
    FAIL() << c.input;
  } catch (const DriverError& e) {
    EXPECT_EQ(e.sqlstate(), c.sqlstate);
    EXPECT_NE(std::string(e.what()).find(c.named), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Table, ValidateCases,
                         ::testing::Values(Missing{"UID=u;PWD=p", "08001", "HOST (or SERVER) is required"},
                                           Missing{"", "08001", "HOST"}, Missing{"HOST=;UID=u;PWD=p", "08001", "HOST"},
                                           Missing{"HOST=h;PWD=p", "28000", "UID"},
                                           Missing{"HOST=h;UID=u", "28000", "PWD"},
                                           Missing{"HOST=h;UID=u;PWD={}", "28000", "PWD"},
                                           Missing{"SERVER=h;USER=u;PASSWORD=p", "", ""}));

// --- The completed connection string reconnects to the same place. ---

TEST(ConnectionOptions, CompletedStringRoundTrips) {
  const ConnectionOptions o = Apply(
      "DRIVER={e6data};HOST=h;PORT=81;UID=u;PWD={p;w}}x};SCHEMA={ \xC3\xA4 };CATALOG=c;CLUSTER_NAME=k;SECURE=on;"
      "PREPARE_TIMEOUT=5");
  const std::string text = ToConnectionString(o);
  EXPECT_EQ(text,
            "DRIVER=e6data;HOST=h;PORT=81;UID=u;PWD={p;w}}x};DATABASE={ \xC3\xA4 };CATALOG=c;CLUSTER_NAME=k;SECURE=1;"
            "PREPARE_TIMEOUT=5;");
  const ConnectionOptions again = Apply(text);
  EXPECT_EQ(again.driver, o.driver);
  EXPECT_EQ(again.host, o.host);
  EXPECT_EQ(again.port, o.port);
  EXPECT_EQ(again.user, o.user);
  EXPECT_EQ(again.password, "p;w}x");
  EXPECT_EQ(again.database, o.database);
  EXPECT_EQ(again.catalog, o.catalog);
  EXPECT_EQ(again.cluster_name, o.cluster_name);
  EXPECT_EQ(again.secure, o.secure);
  EXPECT_EQ(again.prepare_timeout_seconds, o.prepare_timeout_seconds);
}

}  // namespace
}  // namespace e6odbc::config
