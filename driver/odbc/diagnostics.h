// Diagnostics: the header and ordered status records every ODBC handle
// carries (SQLGetDiagRec / SQLGetDiagField). Records are added by the boundary
// guard (from DriverError) and by functions that complete with warnings or
// per-row errors; the next call on the handle clears them.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>
#include <vector>

namespace e6odbc::odbc {

struct DiagRecord {
  std::string sqlstate;  // five characters
  SQLINTEGER native_error = 0;
  std::string message;   // already prefixed: "[e6data][ODBC Driver]..."
  SQLLEN row_number = SQL_NO_ROW_NUMBER;
  SQLINTEGER column_number = SQL_NO_COLUMN_NUMBER;
};

class Diagnostics {
 public:
  // The component prefix every message carries (ODBC's
  // "[vendor][component]text" convention).
  static constexpr std::string_view kPrefix = "[e6data][ODBC Driver]";

  void Clear() noexcept;
  void Add(std::string_view sqlstate, std::string_view message, SQLINTEGER native = 0,
           SQLLEN row = SQL_NO_ROW_NUMBER, SQLINTEGER column = SQL_NO_COLUMN_NUMBER);

  bool HasError() const noexcept;
  bool empty() const noexcept { return records_.empty(); }
  const std::vector<DiagRecord>& records() const noexcept { return records_; }

  // Final return code of a function: SQL_SUCCESS becomes SUCCESS_WITH_INFO
  // when records exist; remembered for SQL_DIAG_RETURNCODE.
  SQLRETURN Finish(SQLRETURN rc) noexcept;
  SQLRETURN return_code() const noexcept { return return_code_; }

  // SQL_DIAG_ROW_COUNT / SQL_DIAG_CURSOR_ROW_COUNT of the last statement call.
  SQLLEN row_count = 0;
  SQLLEN cursor_row_count = 0;

 private:
  std::vector<DiagRecord> records_;
  SQLRETURN return_code_ = SQL_SUCCESS;
};

// SQL_DIAG_CLASS_ORIGIN / SUBCLASS_ORIGIN of a SQLSTATE.
std::string_view ClassOrigin(std::string_view sqlstate) noexcept;
std::string_view SubclassOrigin(std::string_view sqlstate) noexcept;

}  // namespace e6odbc::odbc
