#include "odbc/diagnostics.h"

#include <algorithm>
#include <array>

namespace e6odbc::odbc {

void Diagnostics::Clear() noexcept {
  records_.clear();
  return_code_ = SQL_SUCCESS;
}

void Diagnostics::Add(std::string_view sqlstate, std::string_view message, SQLINTEGER native, SQLLEN row,
                      SQLINTEGER column) {
  DiagRecord record;
  record.sqlstate.assign(sqlstate);
  record.native_error = native;
  record.message.reserve(kPrefix.size() + message.size());
  record.message.append(kPrefix).append(message);
  record.row_number = row;
  record.column_number = column;
  records_.push_back(std::move(record));
}

bool Diagnostics::HasError() const noexcept {
  return std::any_of(records_.begin(), records_.end(),
                     [](const DiagRecord& r) { return r.sqlstate.compare(0, 2, "01") != 0; });
}

SQLRETURN Diagnostics::Finish(SQLRETURN rc) noexcept {
  if (rc == SQL_SUCCESS && !records_.empty()) rc = SQL_SUCCESS_WITH_INFO;
  return_code_ = rc;
  return rc;
}

std::string_view ClassOrigin(std::string_view sqlstate) noexcept {
  // Classes defined by ODBC rather than SQL-92: IM, and the "S" subclasses.
  return sqlstate.substr(0, 2) == "IM" ? "ODBC 3.0" : "ISO 9075";
}

std::string_view SubclassOrigin(std::string_view sqlstate) noexcept {
  static constexpr std::array<std::string_view, 37> kOdbcDefined = {
      "01S00", "01S01", "01S02", "01S06", "01S07", "01S09", "07S01", "08S01", "21S01", "21S02", "25S01", "25S02",
      "25S03", "42S01", "42S02", "42S11", "42S12", "42S21", "42S22", "HY095", "HY097", "HY098", "HY099", "HY100",
      "HY101", "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00", "HYT01", "IM001", "IM002", "IM003", "IM004",
      "IM005"};
  if (sqlstate.substr(0, 2) == "IM") return "ODBC 3.0";
  return std::find(kOdbcDefined.begin(), kOdbcDefined.end(), sqlstate) != kOdbcDefined.end() ? "ODBC 3.0"
                                                                                             : "ISO 9075";
}

}  // namespace e6odbc::odbc
