// ODBC escape sequences → e6data SQL.
#include "odbc/sql_escapes.h"
#include "odbc/sql_lexer.h"

#include <gtest/gtest.h>

#include <random>

#include "common/driver_error.h"

namespace e6odbc::odbc {
namespace {

TEST(SqlEscapes, TextWithoutEscapesIsUnchanged) {
  EXPECT_EQ(TranslateEscapes("SELECT 1"), "SELECT 1");
  EXPECT_EQ(TranslateEscapes(""), "");
}

TEST(SqlEscapes, DateTimeAndTimestampLiterals) {
  EXPECT_EQ(TranslateEscapes("SELECT {d '1995-01-01'}"), "SELECT DATE '1995-01-01'");
  EXPECT_EQ(TranslateEscapes("SELECT {t '12:30:00'}"), "SELECT TIME '12:30:00'");
  EXPECT_EQ(TranslateEscapes("WHERE x < {ts '1995-01-01 10:00:00.5'} AND y"),
            "WHERE x < TIMESTAMP '1995-01-01 10:00:00.5' AND y");
  EXPECT_EQ(TranslateEscapes("{ D'2020-02-29' }"), "DATE '2020-02-29'");  // case and spacing are free
}

TEST(SqlEscapes, ScalarFunctionsAreRenamedWhereTheEngineDiffers) {
  EXPECT_EQ(TranslateEscapes("SELECT {fn UCASE(r_name)} FROM t"), "SELECT upper(r_name) FROM t");
  EXPECT_EQ(TranslateEscapes("SELECT {fn lcase(r_name)}"), "SELECT lower(r_name)");
  EXPECT_EQ(TranslateEscapes("SELECT {fn LENGTH(r_name)}, {fn CONCAT(a, b)}"), "SELECT LENGTH(r_name), CONCAT(a, b)");
  EXPECT_EQ(TranslateEscapes("SELECT {fn UCASE({fn LTRIM(x)})}"), "SELECT upper(LTRIM(x))");  // nested
}

TEST(SqlEscapes, OuterJoinsLikeEscapesGuidsAndIntervals) {
  EXPECT_EQ(TranslateEscapes("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.k = b.k} WHERE 1"),
            "SELECT * FROM a LEFT OUTER JOIN b ON a.k = b.k WHERE 1");
  // Inside a literal a backslash escapes the next character, so the backslash itself is '\\'.
  EXPECT_EQ(TranslateEscapes("WHERE n LIKE 'a\\_%' {escape '\\\\'}"), "WHERE n LIKE 'a\\_%' ESCAPE '\\\\'");
  EXPECT_EQ(TranslateEscapes("WHERE n LIKE 'a!_%' {escape '!'}"), "WHERE n LIKE 'a!_%' ESCAPE '!'");
  EXPECT_EQ(TranslateEscapes("SELECT {guid '12345678-1234-1234-1234-123456789012'}"),
            "SELECT '12345678-1234-1234-1234-123456789012'");
  EXPECT_EQ(TranslateEscapes("SELECT {INTERVAL '3' DAY}"), "SELECT INTERVAL '3' DAY");
}

TEST(SqlEscapes, LiteralsIdentifiersAndCommentsAreLeftAlone) {
  EXPECT_EQ(TranslateEscapes("SELECT '{d ''x''}', \"{fn x}\", `{oj}` -- {d 'y'}\n, {d '2001-01-01'}"),
            "SELECT '{d ''x''}', \"{fn x}\", `{oj}` -- {d 'y'}\n, DATE '2001-01-01'");
  EXPECT_EQ(TranslateEscapes("SELECT /* {fn UCASE(x)} */ {fn UCASE(x)}"), "SELECT /* {fn UCASE(x)} */ upper(x)");
  EXPECT_EQ(TranslateEscapes("SELECT {fn CONCAT('}', x)}"), "SELECT CONCAT('}', x)");  // a brace in a literal
}

TEST(SqlEscapes, BracesThatOpenNoEscapeStay) {
  EXPECT_EQ(TranslateEscapes("SELECT map{1} {unknown thing}"), "SELECT map{1} {unknown thing}");
}

TEST(SqlEscapes, ProcedureCallsAndUnclosedEscapesAreErrors) {
  const auto state = [](const char* sql) {
    try {
      TranslateEscapes(sql);
    } catch (const DriverError& error) {
      return error.sqlstate();
    }
    return std::string("no error");
  };
  EXPECT_EQ(state("{call refresh()}"), "HYC00");
  EXPECT_EQ(state("{?= call f(1)}"), "HYC00");
  EXPECT_EQ(state("SELECT {fn UCASE(x)"), "42000");
  EXPECT_EQ(state("SELECT {d '2001-01-01'"), "42000");
}

TEST(SqlLexer, ParameterMarkersOutsideLiteralsIdentifiersAndComments) {
  EXPECT_EQ(ParameterMarkers("SELECT ? , '?', \"?\", `?` -- ?\n /* ? */ ?"), (std::vector<size_t>{7, 39}));
  EXPECT_EQ(ParameterMarkers("WHERE a = 'it\\'s ?' AND b = ?"), (std::vector<size_t>{28}));  // \' stays inside
  EXPECT_EQ(ParameterMarkers("WHERE a = 'it''s ?' AND b = ?"), (std::vector<size_t>{28}));
  EXPECT_TRUE(ParameterMarkers("SELECT 1").empty());
  EXPECT_TRUE(ParameterMarkers("SELECT '?").empty());  // an unclosed literal runs to the end
}

TEST(SqlEscapes, ABackslashEscapedQuoteDoesNotEndALiteral) {
  EXPECT_EQ(TranslateEscapes("SELECT 'it\\'s {d x}', {d '2001-01-01'}"), "SELECT 'it\\'s {d x}', DATE '2001-01-01'");
}

// Hostile text: every mix of the characters the lexer and the translator care
// about either translates or fails with a DriverError, never anything else,
// and markers always point at a `?`.
TEST(SqlEscapes, ArbitraryTextNeverBreaksTheLexerOrTheTranslator) {
  std::mt19937 random(20261130);
  const std::string alphabet = "{}'\"`\\?-/*\n fnoj dts escape call (),x";
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    for (const size_t at : ParameterMarkers(text)) ASSERT_EQ(text.at(at), '?') << text;
    try {
      const std::string out = TranslateEscapes(text);
      if (text.find('{') == std::string::npos) {
        EXPECT_EQ(out, text);
      }
    } catch (const DriverError& error) {
      EXPECT_TRUE(error.sqlstate() == "42000" || error.sqlstate() == "HYC00") << error.sqlstate() << " for " << text;
    }
  }
}

}  // namespace
}  // namespace e6odbc::odbc
