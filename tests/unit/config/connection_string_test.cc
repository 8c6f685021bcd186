// The connection-string grammar (ODBC 3.8 SQLDriverConnect) as tables of
// cases: what parses to what, what fails where, and compose/parse round trips.
#include "config/connection_string.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "common/driver_error.h"

namespace e6odbc::config {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs ToPairs(const std::vector<Attribute>& attributes) {
  Pairs pairs;
  for (const Attribute& a : attributes) pairs.emplace_back(a.key, a.value);
  return pairs;
}

// --- Inputs that parse. ---

struct GoodCase {
  const char* name;
  std::string input;
  Pairs expected;
};

class ParsesTo : public ::testing::TestWithParam<GoodCase> {};

TEST_P(ParsesTo, ExpectedAttributesInOrder) {
  EXPECT_EQ(ToPairs(ParseConnectionString(GetParam().input)), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, ParsesTo,
    ::testing::Values(
        GoodCase{"plain", "HOST=h;PORT=1", {{"HOST", "h"}, {"PORT", "1"}}},
        GoodCase{"key_case_kept", "hOsT=h", {{"hOsT", "h"}}},
        GoodCase{"trailing_semicolon", "HOST=h;", {{"HOST", "h"}}},
        GoodCase{"leading_semicolon", ";HOST=h", {{"HOST", "h"}}},
        GoodCase{"empty_string", "", {}},
        GoodCase{"only_separators", " ; ;; ", {}},
        GoodCase{"empty_segments", ";;HOST=h;;;PORT=2;", {{"HOST", "h"}, {"PORT", "2"}}},
        GoodCase{"whitespace_segment", "HOST=h;  \t ;PORT=2", {{"HOST", "h"}, {"PORT", "2"}}},
        GoodCase{"spaces_trimmed", "  HOST =  h  ; UID= u ", {{"HOST", "h"}, {"UID", "u"}}},
        GoodCase{"tabs_trimmed", "\tHOST\t=\th\t", {{"HOST", "h"}}},
        GoodCase{"inner_spaces_kept", "DATABASE=my schema", {{"DATABASE", "my schema"}}},
        GoodCase{"braces_keep_separators", "PWD={a;b=c};UID=u", {{"PWD", "a;b=c"}, {"UID", "u"}}},
        GoodCase{"braces_keep_spaces", "PWD={ spaced }", {{"PWD", " spaced "}}},
        GoodCase{"space_before_brace", "PWD=  {x;y}", {{"PWD", "x;y"}}},
        GoodCase{"escaped_closing_brace", "PWD={a}}b}}}", {{"PWD", "a}b}"}}},
        GoodCase{"only_escaped_brace", "PWD={}}}", {{"PWD", "}"}}},
        GoodCase{"empty_braces", "PWD={};UID=u", {{"PWD", ""}, {"UID", "u"}}},
        GoodCase{"open_brace_inside_braces", "PWD={x{y}", {{"PWD", "x{y"}}},
        GoodCase{"two_braced_values", "PWD={p}};q};UID={u;v}", {{"PWD", "p};q"}, {"UID", "u;v"}}},
        GoodCase{"space_after_brace", "PWD={p} \t;UID=u", {{"PWD", "p"}, {"UID", "u"}}},
        GoodCase{"brace_at_end", "UID=u;PWD={p}", {{"UID", "u"}, {"PWD", "p"}}},
        GoodCase{"duplicates_kept_in_order", "UID=a;uid=b;UID=c", {{"UID", "a"}, {"uid", "b"}, {"UID", "c"}}},
        GoodCase{"empty_value", "DATABASE=;UID=u", {{"DATABASE", ""}, {"UID", "u"}}},
        GoodCase{"spaces_only_value", "DATABASE=   ;UID=u", {{"DATABASE", ""}, {"UID", "u"}}},
        GoodCase{"equals_in_unbraced_value", "X=a=b", {{"X", "a=b"}}},
        GoodCase{"brace_inside_unbraced_value", "X=a{b}c", {{"X", "a{b}c"}}},
        GoodCase{"non_ascii", "PWD=p\xC3\xA4ss;UID=\xE6\x97\xA5\xE6\x9C\xAC",
                 {{"PWD", "p\xC3\xA4ss"}, {"UID", "\xE6\x97\xA5\xE6\x9C\xAC"}}},
        GoodCase{"non_ascii_braced", "DATABASE={\xC3\xB6;\xC3\xBC}", {{"DATABASE", "\xC3\xB6;\xC3\xBC"}}},
        GoodCase{"driver_braced", "DRIVER={e6data};HOST=h", {{"DRIVER", "e6data"}, {"HOST", "h"}}}),
    [](const ::testing::TestParamInfo<GoodCase>& param_info) { return std::string(param_info.param.name); });

// --- Inputs that fail: HY000, naming the fragment and its 1-based position. ---

struct BadCase {
  const char* name;
  std::string input;
  std::string message_part;  // what the message must name
  int position;              // 1-based
};

class FailsOn : public ::testing::TestWithParam<BadCase> {};

TEST_P(FailsOn, NamesFragmentAndPosition) {
  const BadCase& c = GetParam();
  try {
    ParseConnectionString(c.input);
    FAIL() << "expected an error for " << c.input;
  } catch (const DriverError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.sqlstate(), "HY000");
    EXPECT_NE(message.find(c.message_part), std::string::npos) << message;
    EXPECT_NE(message.find("at position " + std::to_string(c.position)), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, FailsOn,
    ::testing::Values(
        BadCase{"missing_equals", "HOST=h;junk;PORT=1", "without '=' 'junk'", 8},
        BadCase{"missing_equals_only_segment", "HOST", "without '=' 'HOST'", 1},
        BadCase{"missing_equals_indented", "HOST=h;   junk  ", "without '=' 'junk'", 11},
        BadCase{"empty_key", "=value", "empty key before '=' in '=value'", 1},
        BadCase{"empty_key_later", "HOST=h; =v;UID=u", "empty key", 9},
        BadCase{"unterminated_brace", "PWD={abc;UID=u", "unterminated brace in the value of 'PWD'", 5},
        BadCase{"escape_swallows_close", "PWD={a}}", "unterminated brace", 5},
        BadCase{"unterminated_after_spaces", "UID=u;PWD=  {abc", "unterminated brace", 13},
        BadCase{"junk_after_brace", "PWD={abc}x;UID=u", "unexpected text 'x' after the closing brace of 'PWD'", 10},
        BadCase{"junk_after_brace_and_space", "PWD={abc} xy", "unexpected text 'xy'", 11},
        BadCase{"second_brace", "PWD={a}{b}", "unexpected text '{b}'", 8}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

TEST(ConnectionString, LongFragmentsAreClippedInMessages) {
  const std::string secret = "abcdefghijklmnopqrstuvwxyz0123456789";
  try {
    ParseConnectionString("UID=u;" + secret);
    FAIL();
  } catch (const DriverError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find(secret), std::string::npos) << message;
    EXPECT_NE(message.find("'abcdefghijklmnop...'"), std::string::npos) << message;
  }
}

// --- Compose, and parse(compose(x)) == x. ---

TEST(ConnectionString, ComposeBracesOnlyWhatNeedsIt) {
  EXPECT_EQ(ComposeConnectionString({{"HOST", "h"}, {"PWD", "a;b}c"}, {"UID", " spaced "}, {"DATABASE", ""},
                                     {"X", "{start"}, {"Y", "a=b"}, {"Z", "in ner"}}),
            "HOST=h;PWD={a;b}}c};UID={ spaced };DATABASE=;X={{start};Y={a=b};Z=in ner;");
  EXPECT_EQ(ComposeConnectionString({}), "");
}

class RoundTrip : public ::testing::TestWithParam<Pairs> {};

TEST_P(RoundTrip, ParseOfComposeIsIdentity) {
  std::vector<Attribute> attributes;
  for (const auto& [key, value] : GetParam()) attributes.push_back({key, value});
  const std::string text = ComposeConnectionString(attributes);
  EXPECT_EQ(ToPairs(ParseConnectionString(text)), GetParam()) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Values, RoundTrip,
    ::testing::Values(Pairs{{"HOST", "h"}, {"PORT", "443"}}, Pairs{{"PWD", "}"}}, Pairs{{"PWD", "}}{{"}},
                      Pairs{{"PWD", "a;b=c}"}}, Pairs{{"PWD", " lead"}, {"UID", "trail "}}, Pairs{{"PWD", "\tx"}},
                      Pairs{{"DATABASE", ""}, {"UID", "u"}}, Pairs{{"PWD", ";"}}, Pairs{{"PWD", "{}"}},
                      Pairs{{"UID", "\xE6\x97\xA5"}, {"PWD", "p\xC3\xA4;ss}"}}, Pairs{{"UID", "a"}, {"UID", "b"}},
                      Pairs{}));

}  // namespace
}  // namespace e6odbc::config
