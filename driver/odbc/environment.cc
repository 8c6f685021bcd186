#include "odbc/environment.h"

#include <algorithm>

#include "common/driver_error.h"
#include "odbc/connection.h"
#include "odbc/text_io.h"

namespace e6odbc::odbc {

Environment::Environment() noexcept : Handle(kKind) {}
Environment::~Environment() = default;

Connection& Environment::AddConnection() {
  connections_.push_back(std::make_unique<Connection>(*this));
  return *connections_.back();
}

void Environment::RemoveConnection(Connection& connection) {
  std::erase_if(connections_, [&](const std::unique_ptr<Connection>& c) { return c.get() == &connection; });
}

SQLRETURN Environment::SetAttribute(SQLINTEGER attribute, SQLPOINTER value) {
  const auto as_uint = static_cast<SQLUINTEGER>(reinterpret_cast<SQLULEN>(value));
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION:
      if (as_uint != SQL_OV_ODBC2 && as_uint != SQL_OV_ODBC3 && as_uint != SQL_OV_ODBC3_80) {
        throw DriverError("HY024", "invalid SQL_ATTR_ODBC_VERSION " + std::to_string(as_uint));
      }
      odbc_version_ = static_cast<SQLINTEGER>(as_uint);
      return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_POOLING: connection_pooling_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_CP_MATCH: cp_match_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_OUTPUT_NTS:
      if (as_uint != SQL_TRUE) throw DriverError("HYC00", "SQL_ATTR_OUTPUT_NTS can only be SQL_TRUE");
      return SQL_SUCCESS;
    default:
      throw DriverError("HY092", "invalid environment attribute " + std::to_string(attribute));
  }
}

SQLRETURN Environment::GetAttribute(SQLINTEGER attribute, SQLPOINTER value) {
  SQLUINTEGER result = 0;
  switch (attribute) {
    case SQL_ATTR_ODBC_VERSION: result = static_cast<SQLUINTEGER>(odbc_version_); break;
    case SQL_ATTR_CONNECTION_POOLING: result = connection_pooling_; break;
    case SQL_ATTR_CP_MATCH: result = cp_match_; break;
    case SQL_ATTR_OUTPUT_NTS: result = SQL_TRUE; break;
    default: throw DriverError("HY092", "invalid environment attribute " + std::to_string(attribute));
  }
  return StoreValue(value, result);
}

}  // namespace e6odbc::odbc
