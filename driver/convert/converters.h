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
bool IsPiecewise(SQLSMALLINT c_type);

// One SQLGetData call on a piecewise C type. `offset` counts what earlier calls
// returned for this cell (bytes for CHAR/BINARY, UTF-16 units for WCHAR) and
// is advanced. Returns SQL_NO_DATA once everything was returned, SQL_SUCCESS
// or SQL_SUCCESS_WITH_INFO (01004 recorded in `issues`) otherwise. NULL cells
// are handled by the caller.
SQLRETURN GetPiece(const wire::ColumnVector& column, size_t row, const Target& target, size_t& offset,
                   CellIssues& issues);

// Bytes one value of a fixed-size C type occupies (SQL_C_SLONG -> 4), or 0 for
// the variable-length types (CHAR, WCHAR, BINARY) whose size is the buffer length.
size_t FixedSizeOf(SQLSMALLINT c_type);

// Maps SQL_C_DEFAULT to the column type's default C type.
SQLSMALLINT ResolveDefaultCType(wire::VectorType type);

}  // namespace e6odbc::convert
