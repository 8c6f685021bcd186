// The engine's typed literals made runnable by SQLite (tests/emulator/sql_dialect.h).
#include "sql_dialect.h"

#include <gtest/gtest.h>

namespace e6emu {
namespace {

TEST(SqlDialect, TypedLiteralsBecomeStrings) {
  EXPECT_EQ(ToSqlite("WHERE d < DATE '1995-01-01'"), "WHERE d < '1995-01-01'");
  EXPECT_EQ(ToSqlite("SELECT timestamp'2001-02-03 04:05:06', Time '10:00:00'"),
            "SELECT '2001-02-03 04:05:06', '10:00:00'");
}

TEST(SqlDialect, EverythingElseStaysAsWritten) {
  EXPECT_EQ(ToSqlite("SELECT date, t.date FROM x WHERE date = 'DATE ''1'''"),
            "SELECT date, t.date FROM x WHERE date = 'DATE ''1'''");
  EXPECT_EQ(ToSqlite("SELECT \"date\" FROM t"), "SELECT \"date\" FROM t");
  EXPECT_EQ(ToSqlite("SELECT updated_date '1'"), "SELECT updated_date '1'");  // not the keyword
  EXPECT_EQ(ToSqlite("SELECT t.date '1'"), "SELECT t.date '1'");             // a qualified column
}

TEST(SqlDialect, BackslashEscapesOfTheEnginesLiteralsBecomeSqlites) {
  EXPECT_EQ(ToSqlite("SELECT 'it\\'s', 'a\\\\b', 'x\\ny'"), "SELECT 'it''s', 'a\\b', 'x\ny'");
  EXPECT_EQ(ToSqlite("WHERE n LIKE 'A\\_%' AND m = 'it''s'"), "WHERE n LIKE 'A\\_%' AND m = 'it''s'");
  EXPECT_EQ(ToSqlite("SELECT 'date \\' DATE'"), "SELECT 'date '' DATE'");  // still inside the literal
}

}  // namespace
}  // namespace e6emu
