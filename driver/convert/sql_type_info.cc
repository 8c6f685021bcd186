#include "convert/sql_type_info.h"

namespace e6odbc::convert {

SqlTypeInfo DescribeText(SQLSMALLINT narrow, SQLSMALLINT wide, bool wide_strings, SQLULEN size,
                         std::string_view type_name) {
  const SQLSMALLINT type = wide_strings ? wide : narrow;
  return SqlTypeInfo{type, type, 0, size, 0, static_cast<SQLLEN>(size), static_cast<SQLLEN>(size * 4), 0,
                     static_cast<SQLSMALLINT>(wide_strings ? SQL_C_WCHAR : SQL_C_CHAR), false, type_name};
}

bool IsNumericSqlType(SQLSMALLINT sql_type) noexcept {
  switch (sql_type) {
    case SQL_TINYINT: case SQL_SMALLINT: case SQL_INTEGER: case SQL_BIGINT: case SQL_REAL: case SQL_FLOAT:
    case SQL_DOUBLE: case SQL_DECIMAL: case SQL_NUMERIC: return true;
    default: return false;
  }
}

SqlTypeInfo DescribeWireType(wire::VectorType type, int32_t decimal_scale, bool wide_strings,
                             SQLULEN string_column_size) {
  using wire::VectorType;
  const auto text = [&](std::string_view name) {
    return DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings, string_column_size, name);
  };
  switch (type) {
    case VectorType::kLong:
      return {SQL_BIGINT, SQL_BIGINT, 0, 19, 0, 20, 8, 10, SQL_C_SBIGINT, false, "LONG"};
    case VectorType::kInteger:
      return {SQL_INTEGER, SQL_INTEGER, 0, 10, 0, 11, 4, 10, SQL_C_SLONG, false, "INTEGER"};
    case VectorType::kDouble:
      return {SQL_DOUBLE, SQL_DOUBLE, 0, 15, 0, 24, 8, 10, SQL_C_DOUBLE, false, "DOUBLE"};
    case VectorType::kFloat:
      return {SQL_REAL, SQL_REAL, 0, 7, 0, 14, 4, 10, SQL_C_FLOAT, false, "FLOAT"};
    case VectorType::kBoolean:
      return {SQL_BIT, SQL_BIT, 0, 1, 0, 1, 1, 0, SQL_C_BIT, true, "BOOLEAN"};
    case VectorType::kDate:
      return {SQL_TYPE_DATE, SQL_DATETIME, SQL_CODE_DATE, 10, 0, 10, 6, 0, SQL_C_TYPE_DATE, false, "DATE"};
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96:
      // "YYYY-MM-DD HH:MM:SS.ffffff": 26 characters, 6 fractional digits.
      return {SQL_TYPE_TIMESTAMP, SQL_DATETIME, SQL_CODE_TIMESTAMP, 26, 6, 26, 16, 0, SQL_C_TYPE_TIMESTAMP, false,
              type == VectorType::kDateTime ? "DATETIME" : type == VectorType::kTimestamp ? "TIMESTAMP" : "INT96"};
    case VectorType::kTimestampTz:
      // Delivered as text: local time, offset and region (docs/type-mapping.md).
      return DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings, kTimestampTzColumnSize, "TIMESTAMP_TZ");
    case VectorType::kDecimal128: {
      const auto scale = static_cast<SQLSMALLINT>(decimal_scale < 0 ? 0 : decimal_scale > 38 ? 38 : decimal_scale);
      // Display: sign + 38 digits + decimal point.
      return {SQL_DECIMAL, SQL_DECIMAL, 0, 38, scale, 40, 40, 10, SQL_C_CHAR, false, "DECIMAL128"};
    }
    case VectorType::kBinary:
      return {SQL_VARBINARY, SQL_VARBINARY, 0, kStringColumnSize, 0, static_cast<SQLLEN>(kStringColumnSize * 2),
              static_cast<SQLLEN>(kStringColumnSize), 0, SQL_C_BINARY, false, "BINARY"};
    case VectorType::kString:
      return text("STRING");
    case VectorType::kArray:
      return text("ARRAY");
    case VectorType::kMap:
      return text("MAP");
    case VectorType::kStruct:
      return text("STRUCT");
    case VectorType::kNull:
      // A column that is NULL in every row; described as a 1-character string.
      return DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings, 1, "NULL");
  }
  return text("STRING");
}

}  // namespace e6odbc::convert
