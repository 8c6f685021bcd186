// The (wire type, C type) -> converter table behind SQLBindCol/SQLFetch and
// SQLGetData. A converter is looked up once per column and then converts a
// run of rows per call, so a fetch never dispatches per cell. Per-cell
// outcomes (truncation, out of range, NULL without indicator) are reported as
// CellIssues, never thrown: the statement turns them into row status entries
// and diagnostic records.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <string>
#include <vector>

#include "wire/column_batch.h"

namespace e6odbc::convert {

// Defaults ODBC gives the ARD fields when a record becomes SQL_C_NUMERIC
// (precision is driver-defined: all a DECIMAL128 holds) or an interval type.
inline constexpr SQLSMALLINT kDefaultNumericPrecision = 38;
inline constexpr SQLINTEGER kDefaultIntervalLeadingPrecision = 2;
inline constexpr SQLSMALLINT kDefaultIntervalSecondsPrecision = 6;

// SQL_DESC_PRECISION a record gets when it becomes `c_type`: 38 for
// SQL_C_NUMERIC, 6 (fractional-second digits) for interval types, else 0.
SQLSMALLINT DefaultPrecision(SQLSMALLINT c_type);

// The application's buffers for one column. Row i of a run writes its value at
// data + i * data_stride and its length/indicator at the two pointers + i * indicator_stride.
struct Target {
  SQLSMALLINT c_type = SQL_C_CHAR;  // never SQL_C_DEFAULT: resolve it first
  char* data = nullptr;             // may be null: only lengths/indicators are written
  SQLLEN buffer_length = 0;         // bytes available per value (CHAR/WCHAR/BINARY)
  SQLLEN* indicator = nullptr;      // SQL_NULL_DATA goes here; may be null
  SQLLEN* octet_length = nullptr;   // value length goes here; may be null or == indicator
  size_t data_stride = 0;
  size_t indicator_stride = 0;
  // From the ARD record (SQLGetData without SQL_ARD_TYPE: the ODBC defaults).
  // SQL_DESC_PRECISION: digits of SQL_C_NUMERIC, fractional-second digits of
  // interval types; SQL_DESC_SCALE: scale of SQL_C_NUMERIC;
  // SQL_DESC_DATETIME_INTERVAL_PRECISION: digits of an interval's leading field.
  SQLSMALLINT precision = kDefaultNumericPrecision;
  SQLSMALLINT scale = 0;
  SQLINTEGER leading_precision = kDefaultIntervalLeadingPrecision;
};

struct CellIssue {
  size_t row;            // index within the run
  const char* sqlstate;  // "01004", "22003", ...
  std::string message;
  bool is_error;         // false: warning (the value was still delivered)
};
using CellIssues = std::vector<CellIssue>;

using RunConverter = void (*)(const wire::ColumnVector& column, size_t first_row, size_t count,
                              const Target& target, CellIssues& issues);

// The converter for the pair, or nullptr when ODBC does not allow it (07006).
RunConverter FindConverter(wire::VectorType type, SQLSMALLINT c_type);

// True for the C types SQLGetData can return in pieces (CHAR, WCHAR, BINARY).
// SQL_C_BINARY of a number or datetime is the value's C representation and
// comes whole: GetPiece returns it once.
bool IsPiecewise(SQLSMALLINT c_type);

// One SQLGetData call on a piecewise C type. `offset` counts what earlier calls
// returned for this cell (bytes for CHAR/BINARY, UTF-16 units for WCHAR) and
// is advanced. Returns SQL_NO_DATA once everything was returned, SQL_SUCCESS
// or SQL_SUCCESS_WITH_INFO (01004 recorded in `issues`) otherwise, and
// SQL_ERROR (22003 in `issues`) when the first piece of a number or datetime
// cannot hold its whole digits. NULL cells are handled by the caller.
SQLRETURN GetPiece(const wire::ColumnVector& column, size_t row, const Target& target, size_t& offset,
                   CellIssues& issues);

// Bytes one value of a fixed-size C type occupies (SQL_C_SLONG -> 4,
// SQL_C_NUMERIC -> 19), or 0 for the variable-length types (CHAR, WCHAR,
// BINARY) whose size is the buffer length and for unknown types.
size_t FixedSizeOf(SQLSMALLINT c_type);


}  // namespace e6odbc::convert
