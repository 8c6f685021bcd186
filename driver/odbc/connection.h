// Connection: the ODBC connection handle. Resolves options (DSN, connection
// string), owns the session::Session while connected and the statements
// allocated on it, and holds the connection attributes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/connection_options.h"
#include "odbc/handle.h"
#include "odbc/text_io.h"

namespace e6odbc::session {
class Session;
}

namespace e6odbc::odbc {

class Environment;
class Statement;

class Connection : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::kConnection;
  explicit Connection(Environment& environment);
  ~Connection() override;

  Environment& environment() noexcept { return environment_; }

  // SQLConnect: DSN from odbc.ini, with user/password overriding it.
  SQLRETURN Connect(const std::string& dsn, const std::string& user, const std::string& password);
  // SQLDriverConnect (no prompting: this driver has no dialog). Writes the
  // completed connection string to `out`.
  SQLRETURN DriverConnect(const std::string& connection_string, SQLUSMALLINT completion, OutText out,
                          SQLLEN* out_length);
  SQLRETURN Disconnect();
  // SQLNativeSql: the text the engine receives for `sql` — escape sequences
  // translated (sql_escapes.h), trimmed, without one trailing ';' (spec §3.2).
  SQLRETURN NativeSql(const std::string& sql, OutText out, SQLINTEGER* length);

  bool connected() const noexcept { return session_ != nullptr; }
  // The live session; throws 08003 when not connected.
  session::Session& session();
  const config::ConnectionOptions& options() const noexcept { return options_; }

  Statement& AddStatement();
  void RemoveStatement(Statement& statement);

  SQLRETURN SetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length);
  SQLRETURN GetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length, OutText text);

  // Strings reported as SQL_WVARCHAR rather than SQL_VARCHAR (STRING_TYPE=WVARCHAR).
  bool wide_strings() const noexcept { return options_.wide_strings; }
  // Column size reported for strings (STRING_COLUMN_SIZE).
  SQLULEN string_column_size() const noexcept { return static_cast<SQLULEN>(options_.string_column_size); }

 private:
  // Opens the session and authenticates (so bad credentials fail here).
  void Open(config::ConnectionOptions options);

  Environment& environment_;
  config::ConnectionOptions options_;
  std::unique_ptr<session::Session> session_;
  std::vector<std::unique_ptr<Statement>> statements_;

  SQLUINTEGER login_timeout_ = 0;       // seconds, 0 = none
  SQLUINTEGER connection_timeout_ = 0;  // seconds, 0 = none
  SQLUINTEGER access_mode_ = SQL_MODE_READ_ONLY;
  SQLUINTEGER autocommit_ = SQL_AUTOCOMMIT_ON;
  SQLUINTEGER metadata_id_ = SQL_FALSE;
  std::optional<std::string> catalog_override_;  // SQL_ATTR_CURRENT_CATALOG set before connecting
  SQLUINTEGER txn_isolation_ = SQL_TXN_SERIALIZABLE;
  SQLULEN packet_size_ = 0;
  SQLLEN quiet_mode_ = 0;
};

}  // namespace e6odbc::odbc
