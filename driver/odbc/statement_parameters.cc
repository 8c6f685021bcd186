// Statement: input parameters. e6data takes no parameter values, so bound
// values are written into the statement text at each execution
// (convert/parameter_literal.h, protocol spec §11).
#include "common/driver_error.h"
#include "convert/parameter_literal.h"
#include "odbc/bound_buffers.h"
#include "odbc/statement.h"

namespace e6odbc::odbc {

std::string Statement::ExecutableText() const {
  if (markers_.empty()) return sql_;
  if (apd_.array_size != 1) {
    throw DriverError("HYC00", "optional feature not implemented: arrays of parameter values (SQL_ATTR_PARAMSET_SIZE " +
                                   std::to_string(apd_.array_size) + ")");
  }
  const SQLLEN offset = apd_.bind_offset_ptr != nullptr ? *apd_.bind_offset_ptr : 0;
  std::string text;
  size_t copied = 0;
  for (size_t i = 0; i < markers_.size(); ++i) {
    const DescriptorRecord* app = apd_.Find(static_cast<SQLSMALLINT>(i + 1));
    const DescriptorRecord* imp = ipd_.Find(static_cast<SQLSMALLINT>(i + 1));
    if (app == nullptr || imp == nullptr || !app->bound()) {
      throw DriverError("07002", "COUNT field incorrect: the statement has " + std::to_string(markers_.size()) +
                                     " parameter markers and parameter " + std::to_string(i + 1) + " is not bound");
    }
    const SQLLEN* length = Offset(app->octet_length_ptr, offset);
    const SQLLEN* indicator = Offset(app->indicator_ptr, offset);
    convert::ParameterValue value;
    value.c_type = app->concise_type;
    value.sql_type = imp->concise_type;
    value.data = Offset(static_cast<char*>(app->data_ptr), offset);
    value.buffer_length = app->octet_length;
    // Without a length buffer, text is NUL-terminated and anything else fills its buffer.
    if (indicator != nullptr && *indicator == SQL_NULL_DATA) {
      value.length = SQL_NULL_DATA;
    } else if (length != nullptr) {
      value.length = *length;
    } else {
      value.length = value.c_type == SQL_C_CHAR || value.c_type == SQL_C_WCHAR ? SQL_NTS : app->octet_length;
    }
    try {
      text.append(sql_, copied, markers_[i] - copied).append(convert::SqlLiteral(value));
    } catch (const DriverError& error) {
      throw DriverError(error.sqlstate(), std::string(error.what()) + " (parameter " + std::to_string(i + 1) + ")");
    }
    copied = markers_[i] + 1;
  }
  return text.append(sql_, copied, std::string::npos);
}

SQLRETURN Statement::BindParameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type, SQLSMALLINT sql_type,
                                   SQLULEN column_size, SQLSMALLINT decimal_digits, SQLPOINTER data,
                                   SQLLEN buffer_length, SQLLEN* indicator) {
  if (number == 0) throw DriverError("07009", "invalid descriptor index: parameters are numbered from 1");
  if (io_type != SQL_PARAM_INPUT) {
    throw DriverError("HY105", "invalid parameter type: e6data takes input parameters only");
  }
  if (c_type == SQL_C_DEFAULT) c_type = convert::DefaultCTypeForSqlType(sql_type);
  if (sql_type >= SQL_INTERVAL_YEAR && sql_type <= SQL_INTERVAL_MINUTE_TO_SECOND) {
    throw DriverError("HYC00", "optional feature not implemented: interval parameters (SQL type " +
                                   std::to_string(sql_type) + ")");
  }
  if (convert::DefaultCTypeForSqlType(sql_type) == 0) {
    throw DriverError("HY004", "invalid SQL data type " + std::to_string(sql_type) + " for a parameter");
  }
  if (!IsKnownCType(c_type)) throw DriverError("HY003", "invalid application buffer type " + std::to_string(c_type));
  if (buffer_length < 0) throw DriverError("HY090", "invalid string or buffer length " + std::to_string(buffer_length));
  if (data == nullptr && indicator == nullptr) {
    throw DriverError("HY009", "invalid use of null pointer: parameter " + std::to_string(number) +
                                   " has neither a value nor an indicator");
  }
  BindBuffer(apd_.Record(static_cast<SQLSMALLINT>(number)), c_type, data, buffer_length, indicator);
  DescriptorRecord& imp = ipd_.Record(static_cast<SQLSMALLINT>(number));
  SetConciseType(imp, sql_type);
  imp.length = column_size;
  imp.scale = decimal_digits;
  return SQL_SUCCESS;
}

void Statement::ReportParameterSet(SQLUSMALLINT status) noexcept {
  if (markers_.empty()) return;
  if (ipd_.rows_processed_ptr != nullptr) *ipd_.rows_processed_ptr = 1;  // one set: arrays are HYC00
  if (ipd_.array_status_ptr != nullptr) ipd_.array_status_ptr[0] = status;
}

SQLRETURN Statement::NumParams(SQLSMALLINT* count) {
  if (state_ == State::kAllocated) throw DriverError("HY010", "function sequence error: no prepared statement");
  return StoreValue<SQLSMALLINT>(count, static_cast<SQLSMALLINT>(markers_.size()));
}

}  // namespace e6odbc::odbc
