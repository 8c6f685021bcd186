// Environment: the ODBC environment handle. Owns its connections (freed with
// it or by SQLFreeHandle) and holds the environment attributes.
#pragma once

#include <memory>
#include <vector>

#include "odbc/handle.h"

namespace e6odbc::odbc {

class Connection;

class Environment : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::kEnvironment;
  Environment() noexcept;
  ~Environment() override;

  Connection& AddConnection();
  // Destroys `connection` (must belong to this environment).
  void RemoveConnection(Connection& connection);
  bool has_connections() const noexcept { return !connections_.empty(); }

  SQLRETURN SetAttribute(SQLINTEGER attribute, SQLPOINTER value);
  SQLRETURN GetAttribute(SQLINTEGER attribute, SQLPOINTER value);

  SQLINTEGER odbc_version() const noexcept { return odbc_version_; }

 private:
  std::vector<std::unique_ptr<Connection>> connections_;
  SQLINTEGER odbc_version_ = SQL_OV_ODBC3;
  SQLUINTEGER connection_pooling_ = SQL_CP_OFF;
  SQLUINTEGER cp_match_ = SQL_CP_STRICT_MATCH;
};

}  // namespace e6odbc::odbc
