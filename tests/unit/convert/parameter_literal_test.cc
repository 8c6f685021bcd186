// Bound parameters rendered as the SQL literals e6data's client writes (spec §11).
#include "convert/parameter_literal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "common/driver_error.h"

namespace e6odbc::convert {
namespace {

template <typename T>
std::string Render(SQLSMALLINT c_type, SQLSMALLINT sql_type, const T& value, SQLLEN length = 0) {
  ParameterValue p;
  p.c_type = c_type;
  p.sql_type = sql_type;
  p.data = &value;
  p.buffer_length = sizeof value;
  p.length = length != 0 ? length : static_cast<SQLLEN>(sizeof value);
  return SqlLiteral(p);
}

std::string Text(const char* text, SQLSMALLINT sql_type = SQL_VARCHAR) {
  ParameterValue p;
  p.c_type = SQL_C_CHAR;
  p.sql_type = sql_type;
  p.data = text;
  p.length = SQL_NTS;
  return SqlLiteral(p);
}

std::string State(const std::function<void()>& call) {
  try {
    call();
  } catch (const DriverError& error) {
    return error.sqlstate();
  }
  return "no error";
}

TEST(ParameterLiteral, NullAndNumbers) {
  ParameterValue null;
  null.length = SQL_NULL_DATA;
  EXPECT_EQ(SqlLiteral(null), "NULL");
  EXPECT_EQ(Render(SQL_C_SLONG, SQL_INTEGER, SQLINTEGER{-42}), "-42");
  EXPECT_EQ(Render(SQL_C_UBIGINT, SQL_BIGINT, SQLUBIGINT{18446744073709551615ULL}), "18446744073709551615");
  EXPECT_EQ(Render(SQL_C_STINYINT, SQL_TINYINT, static_cast<signed char>(-128)), "-128");
  EXPECT_EQ(Render(SQL_C_DOUBLE, SQL_DOUBLE, 0.1), "0.1");  // the shortest text that reads back the same
  EXPECT_EQ(Render(SQL_C_FLOAT, SQL_REAL, 2.5f), "2.5");
  EXPECT_EQ(Render(SQL_C_DOUBLE, SQL_DOUBLE, 1e300), "1e+300");
  EXPECT_EQ(State([] { Render(SQL_C_DOUBLE, SQL_DOUBLE, std::nan("")); }), "22003");
  EXPECT_EQ(Text(" 12.50 ", SQL_DECIMAL), "12.50");
  EXPECT_EQ(Text("-1e-5", SQL_DOUBLE), "-1e-5");
  EXPECT_EQ(State([] { Text("12; DROP TABLE t", SQL_INTEGER); }), "22018");  // never unquoted non-numbers
  EXPECT_EQ(State([] { Text("", SQL_INTEGER); }), "22018");
  EXPECT_EQ(State([] { Text("1e", SQL_INTEGER); }), "22018");
}

TEST(ParameterLiteral, NumericStruct) {
  SQL_NUMERIC_STRUCT n{};
  n.precision = 10;
  n.scale = 2;
  n.sign = 0;  // negative
  n.val[0] = 0x39;  // 12345 = 0x3039
  n.val[1] = 0x30;
  EXPECT_EQ(Render(SQL_C_NUMERIC, SQL_DECIMAL, n), "-123.45");
  n.sign = 1;
  n.scale = 7;
  EXPECT_EQ(Render(SQL_C_NUMERIC, SQL_DECIMAL, n), "0.0012345");
  n.scale = -2;
  EXPECT_EQ(Render(SQL_C_NUMERIC, SQL_DECIMAL, n), "1234500");
  std::memset(n.val, 0xFF, sizeof n.val);  // 2^128 - 1
  n.scale = 0;
  EXPECT_EQ(Render(SQL_C_NUMERIC, SQL_DECIMAL, n), "340282366920938463463374607431768211455");
}

TEST(ParameterLiteral, BooleansForBit) {
  EXPECT_EQ(Render(SQL_C_BIT, SQL_BIT, static_cast<unsigned char>(1)), "TRUE");
  EXPECT_EQ(Render(SQL_C_SLONG, SQL_BIT, SQLINTEGER{0}), "FALSE");
  EXPECT_EQ(Text("true", SQL_BIT), "TRUE");
  EXPECT_EQ(State([] { Text("yes", SQL_BIT); }), "22018");
}

TEST(ParameterLiteral, TextIsQuotedWithTheClientsEscapes) {
  EXPECT_EQ(Text("plain"), "'plain'");
  EXPECT_EQ(Text("it's a \\ path\r\n\tend"), "'it\\'s a \\\\ path\\r\\n\\tend'");
  EXPECT_EQ(Text("x' OR '1'='1"), "'x\\' OR \\'1\\'=\\'1'");  // no way out of the literal
  const char16_t wide[] = u"gr\u00FC\u00DF \U0001F600";
  ParameterValue w;
  w.c_type = SQL_C_WCHAR;
  w.sql_type = SQL_WVARCHAR;
  w.data = wide;
  w.length = SQL_NTS;
  EXPECT_EQ(SqlLiteral(w), "'gr\xC3\xBC\xC3\x9F \xF0\x9F\x98\x80'");
  w.length = 4;  // bytes: two UTF-16 units
  EXPECT_EQ(SqlLiteral(w), "'gr'");
  EXPECT_EQ(Render(SQL_C_SLONG, SQL_VARCHAR, SQLINTEGER{7}), "'7'");  // a number for a text parameter
}

TEST(ParameterLiteral, DatesTimesTimestampsAndGuids) {
  EXPECT_EQ(Render(SQL_C_TYPE_DATE, SQL_TYPE_DATE, SQL_DATE_STRUCT{1995, 1, 2}), "'1995-01-02'");
  EXPECT_EQ(Render(SQL_C_TYPE_TIME, SQL_TYPE_TIME, SQL_TIME_STRUCT{9, 5, 7}), "'09:05:07'");
  EXPECT_EQ(Render(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP_STRUCT{2001, 2, 3, 4, 5, 6, 7000}),
            "'2001-02-03 04:05:06.000007'");
  SQLGUID g{0x12345678, 0x9ABC, 0xDEF0, {1, 2, 3, 4, 5, 6, 7, 8}};
  EXPECT_EQ(Render(SQL_C_GUID, SQL_GUID, g), "'12345678-9ABC-DEF0-0102-030405060708'");
}

TEST(ParameterLiteral, BinaryIsUtf8TextAndUnsupportedFormsAreErrors) {
  const char bytes[] = {'a', 'b'};
  EXPECT_EQ(Render(SQL_C_BINARY, SQL_VARBINARY, bytes), "'ab'");
  const unsigned char bad[] = {0xFF, 0xFE};
  EXPECT_EQ(State([&] { Render(SQL_C_BINARY, SQL_VARBINARY, bad); }), "22018");
  const SQLINTEGER one = 1;
  EXPECT_EQ(State([&] { Render(SQL_C_SLONG, SQL_INTEGER, one, SQL_DATA_AT_EXEC); }), "HYC00");
  EXPECT_EQ(State([&] { Render(SQL_C_SLONG, SQL_INTEGER, one, SQL_LEN_DATA_AT_EXEC(4)); }), "HYC00");
  EXPECT_EQ(State([&] { Render(SQL_C_INTERVAL_DAY, SQL_VARCHAR, one); }), "07006");
  EXPECT_EQ(State([&] { Render(SQL_C_CHAR, SQL_VARCHAR, one, -7); }), "HY090");
}

TEST(ParameterLiteral, DefaultCTypes) {
  EXPECT_EQ(DefaultCTypeForSqlType(SQL_INTEGER), SQL_C_SLONG);
  EXPECT_EQ(DefaultCTypeForSqlType(SQL_WVARCHAR), SQL_C_WCHAR);
  EXPECT_EQ(DefaultCTypeForSqlType(SQL_DECIMAL), SQL_C_CHAR);
  EXPECT_EQ(DefaultCTypeForSqlType(SQL_TYPE_TIMESTAMP), SQL_C_TYPE_TIMESTAMP);
  EXPECT_EQ(DefaultCTypeForSqlType(12345), 0);
}

}  // namespace
}  // namespace e6odbc::convert
