// Engine type names as getColumnsV2 reports them (spec §7) → ODBC descriptions.
#include "convert/engine_type_name.h"

#include <gtest/gtest.h>

namespace e6odbc::convert {
namespace {

struct NameCase {
  const char* engine_type;
  SQLSMALLINT sql_type;
  SQLULEN column_size;
  SQLSMALLINT decimal_digits;
};

TEST(EngineTypeName, MapsEveryNameOfTheSpecTable) {
  const NameCase cases[] = {
      {"boolean", SQL_BIT, 1, 0},           {"BOOL", SQL_BIT, 1, 0},
      {"tinyint", SQL_TINYINT, 3, 0},       {"smallint", SQL_SMALLINT, 5, 0},
      {"short", SQL_SMALLINT, 5, 0},        {"int", SQL_INTEGER, 10, 0},
      {"Integer", SQL_INTEGER, 10, 0},      {"bigint", SQL_BIGINT, 19, 0},
      {"long", SQL_BIGINT, 19, 0},          {"float", SQL_REAL, 7, 0},
      {"real", SQL_REAL, 7, 0},             {"double", SQL_DOUBLE, 15, 0},
      {"string", SQL_VARCHAR, 65535, 0},    {"varchar", SQL_VARCHAR, 65535, 0},
      {"varchar(16)", SQL_VARCHAR, 16, 0},  {"char(1)", SQL_CHAR, 1, 0},
      {"char", SQL_VARCHAR, 65535, 0},      {"decimal", SQL_DECIMAL, 38, 0},
      {"decimal(7,2)", SQL_DECIMAL, 7, 2},  {" numeric( 12 , 4 ) ", SQL_DECIMAL, 12, 4},
      {"date", SQL_TYPE_DATE, 10, 0},       {"timestamp", SQL_TYPE_TIMESTAMP, 26, 6},
      {"binary", SQL_VARBINARY, 65535, 0},  {"array<int>", SQL_VARCHAR, 65535, 0},
      {"map<string,int>", SQL_VARCHAR, 65535, 0}, {"struct<a:int>", SQL_VARCHAR, 65535, 0},
      {"uniontype<int,string>", SQL_VARCHAR, 65535, 0}, {"variant", SQL_VARCHAR, 65535, 0},
      {"", SQL_VARCHAR, 65535, 0},
  };
  for (const NameCase& c : cases) {
    SCOPED_TRACE(c.engine_type);
    const SqlTypeInfo info = DescribeEngineTypeName(c.engine_type, false);
    EXPECT_EQ(info.sql_type, c.sql_type);
    EXPECT_EQ(info.column_size, c.column_size);
    EXPECT_EQ(info.decimal_digits, c.decimal_digits);
  }
}

TEST(EngineTypeName, ImpossibleParametersFallBackToDefaults) {
  EXPECT_EQ(DescribeEngineTypeName("decimal(99,2)", false).column_size, 38u);
  EXPECT_EQ(DescribeEngineTypeName("decimal(5,9)", false).decimal_digits, 0);
  EXPECT_EQ(DescribeEngineTypeName("varchar(-3)", false).column_size, 65535u);
  EXPECT_EQ(DescribeEngineTypeName("varchar(abc)", false).column_size, 65535u);
  EXPECT_EQ(DescribeEngineTypeName("decimal(7,2", false).column_size, 38u);  // unclosed: no parameters
}

TEST(EngineTypeName, WideStringsAndTheConnectionsStringSize) {
  EXPECT_EQ(DescribeEngineTypeName("string", true, 4000).sql_type, SQL_WVARCHAR);
  EXPECT_EQ(DescribeEngineTypeName("string", true, 4000).column_size, 4000u);
  EXPECT_EQ(DescribeEngineTypeName("char(3)", true).sql_type, SQL_WCHAR);
  EXPECT_EQ(DescribeEngineTypeName("char(3)", true).default_c_type, SQL_C_WCHAR);
  EXPECT_EQ(DescribeEngineTypeName("smallint", true).default_c_type, SQL_C_SSHORT);
  EXPECT_EQ(DescribeEngineTypeName("decimal(7,2)", false).display_size, 9);
}

}  // namespace
}  // namespace e6odbc::convert
