// The connection-string grammar as a table of cases.
#include "config/connection_string.h"

#include <gtest/gtest.h>

#include "common/driver_error.h"

namespace e6odbc::config {
namespace {

struct Case {
  const char* name;
  const char* input;
  std::vector<std::pair<std::string, std::string>> expected;  // empty + error => must fail
  const char* error = nullptr;  // substring of the error message
};

class ConnectionStringTest : public ::testing::TestWithParam<Case> {};

TEST_P(ConnectionStringTest, Parses) {
  const Case& c = GetParam();
  if (c.error != nullptr) {
    try {
      ParseConnectionString(c.input);
      FAIL() << "expected an error for " << c.input;
    } catch (const DriverError& e) {
      EXPECT_EQ(e.sqlstate(), "HY000");
      EXPECT_NE(std::string(e.what()).find(c.error), std::string::npos) << e.what();
    }
    return;
  }
  const std::vector<Attribute> parsed = ParseConnectionString(c.input);
  ASSERT_EQ(parsed.size(), c.expected.size()) << c.input;
  for (size_t i = 0; i < parsed.size(); ++i) {
    EXPECT_EQ(parsed[i].key, c.expected[i].first) << c.input;
    EXPECT_EQ(parsed[i].value, c.expected[i].second) << c.input;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, ConnectionStringTest,
    ::testing::Values(
        Case{"plain", "HOST=h;PORT=1", {{"HOST", "h"}, {"PORT", "1"}}},
        Case{"trailing_semicolon", "HOST=h;", {{"HOST", "h"}}},
        Case{"empty_string", "", {}},
        Case{"empty_segments", ";;HOST=h;;;PORT=2;", {{"HOST", "h"}, {"PORT", "2"}}},
        Case{"whitespace_segment", "HOST=h;   ;PORT=2", {{"HOST", "h"}, {"PORT", "2"}}},
        Case{"spaces_trimmed", "  HOST =  h  ; UID= u ", {{"HOST", "h"}, {"UID", "u"}}},
        Case{"braces_keep_separators", "PWD={a;b=c};UID=u", {{"PWD", "a;b=c"}, {"UID", "u"}}},
        Case{"braces_keep_spaces", "PWD={ spaced }", {{"PWD", " spaced "}}},
        Case{"escaped_closing_brace", "PWD={a}}b}}}", {{"PWD", "a}b}"}}},
        Case{"empty_braces", "PWD={};UID=u", {{"PWD", ""}, {"UID", "u"}}},
        Case{"open_brace_inside_braces", "PWD={x{y}", {{"PWD", "x{y"}}},
        Case{"two_braced_values", "PWD={p}};q};UID={u;v}", {{"PWD", "p};q"}, {"UID", "u;v"}}},
        Case{"space_after_brace", "PWD={p} ;UID=u", {{"PWD", "p"}, {"UID", "u"}}},
        Case{"duplicates_kept_in_order", "UID=a;uid=b", {{"UID", "a"}, {"uid", "b"}}},
        Case{"empty_value", "DATABASE=;UID=u", {{"DATABASE", ""}, {"UID", "u"}}},
        Case{"equals_in_unbraced_value", "X=a=b", {{"X", "a=b"}}},
        Case{"non_ascii", "PWD=p\xC3\xA4ss;UID=\xE6\x97\xA5", {{"PWD", "p\xC3\xA4ss"}, {"UID", "\xE6\x97\xA5"}}},
        Case{"missing_equals", "HOST=h;junk;PORT=1", {}, "without '='"},
        Case{"empty_key", "=value", {}, "empty key"},
        Case{"unterminated_brace", "PWD={abc;UID=u", {}, "unterminated brace"},
        Case{"junk_after_brace", "PWD={abc}x;UID=u", {}, "after the closing brace"}),
    [](const ::testing::TestParamInfo<Case>& param_info) { return std::string(param_info.param.name); });

TEST(ConnectionString, ComposeRoundTrips) {
  const std::vector<Attribute> attributes = {
      {"HOST", "h"}, {"PWD", "a;b}c"}, {"UID", " spaced "}, {"DATABASE", ""}, {"X", "{start"}};
  const std::string text = ComposeConnectionString(attributes);
  EXPECT_EQ(text, "HOST=h;PWD={a;b}}c};UID={ spaced };DATABASE=;X={{start};");
  const std::vector<Attribute> again = ParseConnectionString(text);
  ASSERT_EQ(again.size(), attributes.size());
  for (size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].key, attributes[i].key);
    EXPECT_EQ(again[i].value, attributes[i].value);
  }
}

}  // namespace
}  // namespace e6odbc::config
