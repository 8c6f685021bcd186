#include "odbc/text_io.h"

#include <gtest/gtest.h>

namespace e6odbc::odbc {
namespace {

TEST(TextIo, NarrowInputHonoursLengthAndNts) {
  const SQLCHAR text[] = "select 1;junk";
  EXPECT_EQ(InText(text, 8), "select 1");
  EXPECT_EQ(InText(text, SQL_NTS), "select 1;junk");
  EXPECT_EQ(InText(static_cast<const SQLCHAR*>(nullptr), SQL_NTS), "");
}

TEST(TextIo, WideInputBecomesUtf8) {
  const SQLWCHAR text[] = {u'G', u'r', 0xFC, u'\xDF', 0xD83D, 0xDE00, 0};
  EXPECT_EQ(InText(text, SQL_NTS), "Gr\xC3\xBC\xC3\x9F\xF0\x9F\x98\x80");
  EXPECT_EQ(InText(text, 2), "Gr");
}

TEST(TextIo, NarrowOutputTruncatesOnCharacterBoundary) {
  char buffer[4];
  OutText out = OutText::Narrow(buffer, sizeof buffer);
  EXPECT_EQ(out.Write("ab\xC3\xBC"), 4);  // full length in bytes
  EXPECT_TRUE(out.truncated());
  EXPECT_STREQ(buffer, "ab");  // the two-byte ü does not fit whole
}

TEST(TextIo, WideOutputCountsCharactersOrBytes) {
  SQLWCHAR buffer[8];
  OutText chars = OutText::Wide(buffer, 8);
  EXPECT_EQ(chars.Write("abc"), 3);
  EXPECT_FALSE(chars.truncated());
  EXPECT_EQ(buffer[2], u'c');
  EXPECT_EQ(buffer[3], 0);
  OutText bytes = OutText::WideBytes(buffer, sizeof buffer);
  EXPECT_EQ(bytes.Write("abc"), 6);
}

TEST(TextIo, NullBufferOnlyReportsLength) {
  OutText out = OutText::Narrow(nullptr, 0);
  EXPECT_EQ(out.Write("hello"), 5);
  EXPECT_FALSE(out.truncated());
}

TEST(TextIo, LengthsTooLargeForTheirTypeSaturate) {
  SQLSMALLINT small = 0;
  StoreLength(&small, 100010);  // a 100 010-character column name
  EXPECT_EQ(small, 32767);
  StoreLength(&small, SQL_NULL_DATA);
  EXPECT_EQ(small, SQL_NULL_DATA);
  SQLINTEGER medium = 0;
  StoreLength(&medium, SQLLEN{1} << 40);
  EXPECT_EQ(medium, std::numeric_limits<SQLINTEGER>::max());
  SQLLEN large = 0;
  StoreLength(&large, SQLLEN{1} << 40);
  EXPECT_EQ(large, SQLLEN{1} << 40);
}

}  // namespace
}  // namespace e6odbc::odbc
