// How each e6data type looks to an ODBC application: SQL type, column size,
// decimal digits, display size, octet length and default C type, per the
// ODBC 3.8 appendix D tables. One table (sql_type_info.cc) drives
// SQLDescribeCol, SQLColAttribute and the IRD; docs/type-mapping.md mirrors it.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string_view>

#include "wire/column_batch.h"

namespace e6odbc::convert {

// Strings have no declared length in result metadata; this is what the driver
// reports as their column size (characters) unless the connection's
// STRING_COLUMN_SIZE says otherwise. BINARY always reports this many bytes.
inline constexpr SQLULEN kStringColumnSize = 65535;

// TIMESTAMP_TZ text: "YYYY-MM-DD HH:MM:SS.ffffff" (26) + "+hh:mm[:ss]" (up to 9)
// + "[Region/Name]" (tzdata's longest name is 32 characters, + 2 brackets).
inline constexpr SQLULEN kTimestampTzColumnSize = 72;

struct SqlTypeInfo {
  SQLSMALLINT sql_type;       // concise type (SQL_DESC_CONCISE_TYPE)
  SQLSMALLINT verbose_type;   // SQL_DESC_TYPE (SQL_DATETIME for dates and timestamps)
  SQLSMALLINT datetime_code;  // SQL_DESC_DATETIME_INTERVAL_CODE, or 0
  SQLULEN column_size;        // characters / digits / bytes as ODBC defines per type
  SQLSMALLINT decimal_digits;
  SQLLEN display_size;
  SQLLEN octet_length;
  SQLSMALLINT num_prec_radix;  // 10, 2 or 0
  SQLSMALLINT default_c_type;
  bool is_unsigned;
  std::string_view type_name;  // data-source type name, e.g. "LONG"
};

// A text type of `size` characters: `narrow` (SQL_VARCHAR, SQL_CHAR) or, with
// `wide_strings`, `wide` (SQL_WVARCHAR, SQL_WCHAR). Octet length: a character
// takes up to 4 bytes in UTF-8 (and in UTF-16).
SqlTypeInfo DescribeText(SQLSMALLINT narrow, SQLSMALLINT wide, bool wide_strings, SQLULEN size,
                         std::string_view type_name);

// Whether `sql_type` is one of ODBC's exact or approximate numeric types.
bool IsNumericSqlType(SQLSMALLINT sql_type) noexcept;

// `decimal_scale` is used for DECIMAL128 (from the first batch; spec §6 Rec).
// `wide_strings` selects SQL_WVARCHAR over SQL_VARCHAR for text;
// `string_column_size` is the column size reported for STRING, ARRAY, MAP and STRUCT.
SqlTypeInfo DescribeWireType(wire::VectorType type, int32_t decimal_scale, bool wide_strings,
                             SQLULEN string_column_size = kStringColumnSize);

}  // namespace e6odbc::convert
