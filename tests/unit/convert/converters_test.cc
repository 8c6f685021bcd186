// The converter table on in-memory vectors: values, edges, NULLs and the
// SQLSTATE each failing pair produces.
#include "convert/converters.h"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>

namespace e6odbc::convert {
namespace {

using wire::ColumnVector;
using wire::VectorType;

ColumnVector Longs(std::vector<int64_t> values, std::vector<uint8_t> nulls = {}) {
  ColumnVector c;
  c.type = VectorType::kLong;
  c.int64_values = std::move(values);
  c.null_flags = std::move(nulls);
  return c;
}

ColumnVector Decimals(std::vector<wire::Decimal> values) {
  ColumnVector c;
  c.type = VectorType::kDecimal128;
  c.decimal_values = std::move(values);
  return c;
}

ColumnVector Strings(std::vector<std::string_view> values) {
  ColumnVector c;
  c.type = VectorType::kString;
  c.text_values = std::move(values);
  return c;
}

template <typename T>
struct Cells {
  std::vector<T> values;
  std::vector<SQLLEN> indicators;
  explicit Cells(size_t n) : values(n), indicators(n, -7) {}
  Target target(SQLSMALLINT c_type) {
    Target t;
    t.c_type = c_type;
    t.data = reinterpret_cast<char*>(values.data());
    t.buffer_length = sizeof(T);
    t.indicator = indicators.data();
    t.octet_length = indicators.data();
    t.data_stride = sizeof(T);
    t.indicator_stride = sizeof(SQLLEN);
    return t;
  }
};

TEST(Converters, LongRunIntoBigintWithNulls) {
  const ColumnVector c = Longs({10, 0, -2}, {0, 1, 0});
  Cells<int64_t> cells(3);
  CellIssues issues;
  FindConverter(VectorType::kLong, SQL_C_SBIGINT)(c, 0, 3, cells.target(SQL_C_SBIGINT), issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(cells.values[0], 10);
  EXPECT_EQ(cells.indicators[0], 8);
  EXPECT_EQ(cells.indicators[1], SQL_NULL_DATA);
  EXPECT_EQ(cells.values[2], -2);
}

TEST(Converters, NullWithoutIndicatorIs22002) {
  const ColumnVector c = Longs({0}, {1});
  Cells<int64_t> cells(1);
  Target t = cells.target(SQL_C_SBIGINT);
  t.indicator = nullptr;
  t.octet_length = nullptr;
  CellIssues issues;
  FindConverter(VectorType::kLong, SQL_C_SBIGINT)(c, 0, 1, t, issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_STREQ(issues[0].sqlstate, "22002");
  EXPECT_TRUE(issues[0].is_error);
}

TEST(Converters, IntegerOutOfRangeIs22003) {
  const ColumnVector c = Longs({std::numeric_limits<int64_t>::max(), 127, -129});
  Cells<int8_t> cells(3);
  CellIssues issues;
  FindConverter(VectorType::kLong, SQL_C_STINYINT)(c, 0, 3, cells.target(SQL_C_STINYINT), issues);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].row, 0u);
  EXPECT_STREQ(issues[0].sqlstate, "22003");
  EXPECT_EQ(issues[1].row, 2u);
  EXPECT_EQ(cells.values[1], 127);
}

TEST(Converters, DecimalIntoIntegerTruncatesWith01S07) {
  const ColumnVector c = Decimals({{12345, 2}, {-150, 2}, {700, 2}});
  Cells<int32_t> cells(3);
  CellIssues issues;
  FindConverter(VectorType::kDecimal128, SQL_C_SLONG)(c, 0, 3, cells.target(SQL_C_SLONG), issues);
  EXPECT_EQ(cells.values[0], 123);
  EXPECT_EQ(cells.values[1], -1);
  EXPECT_EQ(cells.values[2], 7);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_STREQ(issues[0].sqlstate, "01S07");
  EXPECT_FALSE(issues[0].is_error);
}

TEST(Converters, TextIntoNumberAndInvalidTextIs22018) {
  const ColumnVector c = Strings({" 42 ", "4x"});
  Cells<int64_t> cells(2);
  CellIssues issues;
  FindConverter(VectorType::kString, SQL_C_SBIGINT)(c, 0, 2, cells.target(SQL_C_SBIGINT), issues);
  EXPECT_EQ(cells.values[0], 42);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_STREQ(issues[0].sqlstate, "22018");
}

TEST(Converters, CharTruncationReportsFullLengthAnd01004) {
  const ColumnVector c = Strings({"hello world"});
  char buffer[6];
  SQLLEN indicator = 0;
  Target t;
  t.c_type = SQL_C_CHAR;
  t.data = buffer;
  t.buffer_length = sizeof buffer;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  CellIssues issues;
  FindConverter(VectorType::kString, SQL_C_CHAR)(c, 0, 1, t, issues);
  EXPECT_STREQ(buffer, "hello");
  EXPECT_EQ(indicator, 11);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_STREQ(issues[0].sqlstate, "01004");
}

TEST(Converters, CharTruncationNeverSplitsACharacter) {
  const ColumnVector c = Strings({"a\xC3\xBC" "b"});  // "aüb": ü is two bytes
  char buffer[3];  // room for 2 bytes + NUL: "a" + half of ü would split it
  SQLLEN indicator = 0;
  Target t{SQL_C_CHAR, buffer, sizeof buffer, &indicator, &indicator, 0, 0};
  CellIssues issues;
  FindConverter(VectorType::kString, SQL_C_CHAR)(c, 0, 1, t, issues);
  EXPECT_STREQ(buffer, "a");
  EXPECT_EQ(indicator, 4);
}

TEST(Converters, PiecewiseWideNeverSplitsASurrogatePair) {
  const ColumnVector c = Strings({"x\xF0\x9F\x98\x80y"});  // x, U+1F600, y = 4 UTF-16 units
  char16_t buffer[3];  // two units + terminator: would split the pair after 'x'
  SQLLEN indicator = 0;
  Target t{SQL_C_WCHAR, reinterpret_cast<char*>(buffer), sizeof buffer, &indicator, &indicator, 0, 0};
  CellIssues issues;
  size_t offset = 0;
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(indicator, 8);  // bytes remaining, this piece included
  EXPECT_EQ(buffer[0], u'x');
  EXPECT_EQ(buffer[1], u'\0');
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(buffer[0], 0xD83D);
  EXPECT_EQ(buffer[1], 0xDE00);
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_SUCCESS);
  EXPECT_EQ(buffer[0], u'y');
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_NO_DATA);
}

TEST(Converters, EmptyStringIsReturnedOnceThenNoData) {
  const ColumnVector c = Strings({""});
  char buffer[4] = {'x', 'x', 'x', 'x'};
  SQLLEN indicator = -1;
  Target t{SQL_C_CHAR, buffer, sizeof buffer, &indicator, &indicator, 0, 0};
  CellIssues issues;
  size_t offset = 0;
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_SUCCESS);
  EXPECT_EQ(indicator, 0);
  EXPECT_STREQ(buffer, "");
  EXPECT_EQ(GetPiece(c, 0, t, offset, issues), SQL_NO_DATA);
}

TEST(Converters, DateBeforeEpochIntoDateStruct) {
  ColumnVector c;
  c.type = VectorType::kDate;
  c.int64_values = {-86400000000};
  Cells<SQL_DATE_STRUCT> cells(1);
  CellIssues issues;
  FindConverter(VectorType::kDate, SQL_C_TYPE_DATE)(c, 0, 1, cells.target(SQL_C_TYPE_DATE), issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(cells.values[0].year, 1969);
  EXPECT_EQ(cells.values[0].month, 12);
  EXPECT_EQ(cells.values[0].day, 31);
}

TEST(Converters, TimestampIntoTimestampStructKeepsMicroseconds) {
  ColumnVector c;
  c.type = VectorType::kDateTime;
  c.int64_values = {1770854400123456};
  Cells<SQL_TIMESTAMP_STRUCT> cells(1);
  CellIssues issues;
  FindConverter(VectorType::kDateTime, SQL_C_TYPE_TIMESTAMP)(c, 0, 1, cells.target(SQL_C_TYPE_TIMESTAMP), issues);
  EXPECT_EQ(cells.values[0].year, 2026);
  EXPECT_EQ(cells.values[0].fraction, 123456000u);
}

TEST(Converters, BitAcceptsZeroAndOneTruncatesBetweenAndRejectsTheRest) {
  ColumnVector c;
  c.type = VectorType::kDouble;
  c.double_values = {0.0, 1.0, 1.5, -0.5, 2.0};
  Cells<unsigned char> cells(5);
  CellIssues issues;
  FindConverter(VectorType::kDouble, SQL_C_BIT)(c, 0, 5, cells.target(SQL_C_BIT), issues);
  EXPECT_EQ(cells.values[0], 0);
  EXPECT_EQ(cells.values[1], 1);
  EXPECT_EQ(cells.values[2], 1);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_STREQ(issues[0].sqlstate, "01S07");
  EXPECT_EQ(issues[0].row, 2u);
  EXPECT_STREQ(issues[1].sqlstate, "22003");
  EXPECT_EQ(issues[1].row, 3u);
  EXPECT_STREQ(issues[2].sqlstate, "22003");
}

TEST(Converters, ForbiddenPairsHaveNoConverter) {
  EXPECT_EQ(FindConverter(VectorType::kDate, SQL_C_SLONG), nullptr);
  EXPECT_EQ(FindConverter(VectorType::kLong, SQL_C_TYPE_DATE), nullptr);
  EXPECT_EQ(FindConverter(VectorType::kDate, SQL_C_TYPE_TIME), nullptr);
  EXPECT_NE(FindConverter(VectorType::kDate, SQL_C_CHAR), nullptr);
}

TEST(Converters, BinaryIsHexAsCharAndRawAsBinary) {
  ColumnVector c;
  c.type = VectorType::kBinary;
  c.text_values = {std::string_view("\x01\xAB", 2)};
  char text[8];
  SQLLEN length = 0;
  CellIssues issues;
  FindConverter(VectorType::kBinary, SQL_C_CHAR)(c, 0, 1, Target{SQL_C_CHAR, text, sizeof text, &length, &length, 0, 0},
                                                 issues);
  EXPECT_STREQ(text, "01AB");
  unsigned char raw[2];
  FindConverter(VectorType::kBinary, SQL_C_BINARY)(
      c, 0, 1, Target{SQL_C_BINARY, reinterpret_cast<char*>(raw), sizeof raw, &length, &length, 0, 0}, issues);
  EXPECT_EQ(length, 2);
  EXPECT_EQ(raw[1], 0xAB);
}

}  // namespace
}  // namespace e6odbc::convert
