// Bound parameters as SQL literals. e6data's protocol carries no parameter
// values: its own client writes them into the statement text (protocol spec
// §11), and so does the driver, with the same renderings — NULL, numbers as
// their text, TRUE/FALSE, and everything else quoted with backslash escapes.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>

namespace e6odbc::convert {

// One input parameter as the application bound it (SQLBindParameter).
struct ParameterValue {
  SQLSMALLINT c_type = SQL_C_CHAR;      // ValueType, SQL_C_DEFAULT already resolved
  SQLSMALLINT sql_type = SQL_VARCHAR;   // ParameterType
  const void* data = nullptr;           // ParameterValuePtr (offset applied)
  SQLLEN buffer_length = 0;             // BufferLength
  SQLLEN length = SQL_NTS;              // *StrLen_or_IndPtr: SQL_NULL_DATA, SQL_NTS or a byte count
};

// The literal for `value`: NULL for SQL_NULL_DATA; an unquoted number for a
// numeric `sql_type` (text is checked to be one); TRUE/FALSE for SQL_BIT;
// otherwise quoted, `\` `'` CR LF TAB escaped as `\\` `\'` `\r` `\n` `\t`.
// Dates 'YYYY-MM-DD', times 'hh:mm:ss', timestamps 'YYYY-MM-DD hh:mm:ss.ffffff'
// (spec §11), binary bytes as UTF-8 text. Throws DriverError: 22018 text that
// is not a number or boolean, or bytes that are not UTF-8; 22003 NaN or
// infinity; 07006 a C type with no literal (intervals); HYC00 data at
// execution; HY090 a negative length other than SQL_NTS/SQL_NULL_DATA.
std::string SqlLiteral(const ParameterValue& value);

// The default C type of a parameter of `sql_type` (SQL_C_DEFAULT), or 0 when
// ODBC defines none.
SQLSMALLINT DefaultCTypeForSqlType(SQLSMALLINT sql_type) noexcept;

}  // namespace e6odbc::convert
