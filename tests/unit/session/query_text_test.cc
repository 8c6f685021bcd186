#include "session/query_text.h"

#include <gtest/gtest.h>

#include <string>

namespace e6odbc::session {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

class QueryTextTest : public ::testing::TestWithParam<Case> {};

TEST_P(QueryTextTest, FollowsSpec32) { EXPECT_EQ(PrepareQueryText(GetParam().input), GetParam().expected); }

// Spec §3.2: strip whitespace at both ends, then drop exactly one trailing ';'.
INSTANTIATE_TEST_SUITE_P(Cases, QueryTextTest,
                         ::testing::Values(Case{"  select 1 ;\n", "select 1 "}, Case{"a;;", "a;"}, Case{"a ;", "a "},
                                           Case{"select 1", "select 1"}, Case{"\t\r\n\v\fselect 1\t", "select 1"},
                                           Case{";", ""}, Case{"", ""}, Case{"select '%'", "select '%'"},
                                           Case{"\xC2\xA0select 1\xE3\x80\x80", "select 1"},
                                           Case{"select 'a;'", "select 'a;'"}),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return "Case" + std::to_string(param.index);
                         });

}  // namespace
}  // namespace e6odbc::session
