#include "odbc/connection.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#include "common/driver_error.h"
#include "common/log.h"
#include "common/text.h"
#include "config/connection_string.h"
#include "config/dsn.h"
#include "odbc/sql_escapes.h"
#include "odbc/statement.h"
#include "session/query_text.h"
#include "session/session.h"

namespace e6odbc::odbc {
namespace {

// LOG_LEVEL / LOG_FILE, else the environment variables E6DATA_ODBC_LOG_LEVEL /
// E6DATA_ODBC_LOG_FILE (for turning the log on without touching a DSN).
std::shared_ptr<const Logger> OpenLog(const config::ConnectionOptions& o, Diagnostics& diagnostics) {
  const auto from_env = [](const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
  };
  const std::string level_text = o.log_level.empty() ? from_env("E6DATA_ODBC_LOG_LEVEL") : o.log_level;
  const std::string path = o.log_file.empty() ? from_env("E6DATA_ODBC_LOG_FILE") : o.log_file;
  const std::optional<LogLevel> level = level_text.empty() ? LogLevel::kOff : ParseLogLevel(level_text);
  if (!level) {
    diagnostics.Add("01000", "E6DATA_ODBC_LOG_LEVEL '" + level_text + "' is not a log level; the driver log stays off");
    return std::make_shared<const Logger>();
  }
  try {
    return std::make_shared<const Logger>(*level, path);
  } catch (const DriverError& error) {
    diagnostics.Add("01000", std::string(error.what()) + "; the driver log stays off");
    return std::make_shared<const Logger>();
  }
}

session::SessionSettings ToSessionSettings(const config::ConnectionOptions& o, SQLUINTEGER login_timeout) {
  session::SessionSettings s;
  s.host = o.host;
  s.port = o.EffectivePort();
  s.user = o.user;
  s.password = o.password;
  s.database = o.database;
  s.catalog = o.catalog;
  s.cluster_name = o.cluster_name;
  s.secure = o.secure;
  if (!o.ssl_ca_file.empty()) {
    std::ifstream in(o.ssl_ca_file, std::ios::binary);
    if (!in) throw DriverError("08001", "cannot read the SSL_CA file '" + o.ssl_ca_file + "'");
    s.ca_pem.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  s.verify_server = !o.ssl_skip_verify;
  s.prepare_timeout = std::chrono::seconds(o.prepare_timeout_seconds);
  s.rpc_timeout = std::chrono::seconds(o.rpc_timeout_seconds);
  s.strategy_max_age = std::chrono::seconds(o.strategy_cache_ttl_seconds);
  s.auto_resume = o.auto_resume;
  s.auto_resume_timeout = std::chrono::seconds(o.auto_resume_timeout_seconds);
  s.channel_options = o.channel_options;
  s.login_timeout = std::chrono::seconds(login_timeout);
  return s;
}

}  // namespace

Connection::Connection(Environment& environment) : Handle(kKind), environment_(environment) {}

Connection::~Connection() {
  statements_.clear();  // statements release their server queries while the session lives
  session_.reset();
}

session::Session& Connection::session() {
  if (!session_) throw DriverError("08003", "connection not open");
  return *session_;
}

void Connection::Open(config::ConnectionOptions options) {
  if (session_) throw DriverError("08002", "connection already open; call SQLDisconnect first");
  if (catalog_override_) options.catalog = *catalog_override_;  // SQL_ATTR_CURRENT_CATALOG set before connecting
  config::Validate(options);
  session::SessionSettings settings = ToSessionSettings(options, login_timeout_);
  settings.log = OpenLog(options, diagnostics());
  if (settings.secure && !settings.verify_server) {
    const std::string warning =
        "SSL_SKIP_VERIFY=1: the server's certificate and host name are not verified; the connection is encrypted "
        "but the server is not authenticated";
    diagnostics().Add("01000", warning);
    settings.log->Write(LogLevel::kWarning, warning);
  }
  settings.log->Write(LogLevel::kInfo, "connecting to " + settings.host + ":" + std::to_string(settings.port) +
                                           (settings.secure ? " over TLS" : " in plaintext") + " as user '" +
                                           settings.user + "', catalog '" + settings.catalog + "', schema '" +
                                           settings.database + "'");
  auto session = std::make_unique<session::Session>(std::move(settings));
  session->set_request_timeout(std::chrono::seconds(connection_timeout_));
  session->EnsureAuthenticated();
  options_ = std::move(options);
  session_ = std::move(session);
}

SQLRETURN Connection::Connect(const std::string& dsn, const std::string& user, const std::string& password) {
  std::vector<config::Attribute> given;
  given.push_back({"DSN", dsn});
  if (!user.empty()) given.push_back({"UID", user});
  if (!password.empty()) given.push_back({"PWD", password});
  // First occurrence wins: the arguments of SQLConnect override the DSN.
  std::vector<config::Attribute> from_dsn = config::ReadDsn(dsn);
  given.insert(given.end(), from_dsn.begin(), from_dsn.end());
  config::ConnectionOptions options;
  std::vector<config::UnknownKey> unknown;
  config::ApplyAttributes(given, options, unknown);
  Open(std::move(options));
  return SQL_SUCCESS;
}

SQLRETURN Connection::DriverConnect(const std::string& connection_string, SQLUSMALLINT, OutText out,
                                    SQLLEN* out_length) {
  std::vector<config::Attribute> attributes = config::ParseConnectionString(connection_string);
  // The leftmost of DSN and DRIVER decides whether a data source is read.
  const auto source = std::find_if(attributes.begin(), attributes.end(), [](const config::Attribute& a) {
    return EqualsIgnoreCase(a.key, "DSN") || EqualsIgnoreCase(a.key, "DRIVER");
  });
  if (source != attributes.end() && EqualsIgnoreCase(source->key, "DSN") && !source->value.empty()) {
    std::vector<config::Attribute> from_dsn = config::ReadDsn(source->value);
    attributes.insert(attributes.end(), from_dsn.begin(), from_dsn.end());
  }
  config::ConnectionOptions options;
  std::vector<config::UnknownKey> unknown;
  config::ApplyAttributes(attributes, options, unknown);
  for (const config::UnknownKey& key : unknown) {
    std::string message = "unknown connection key '" + key.key + "' ignored";
    if (!key.suggestion.empty()) message += " (did you mean '" + key.suggestion + "'?)";
    diagnostics().Add("01S09", message);
  }
  Open(std::move(options));
  const SQLLEN length = out.Write(config::ToConnectionString(options_));
  if (out_length != nullptr) *out_length = length;
  if (out.truncated()) diagnostics().Add("01004", "string data, right truncated: the completed connection string");
  return SQL_SUCCESS;
}

SQLRETURN Connection::NativeSql(const std::string& sql, OutText out, SQLINTEGER* length) {
  StoreLength(length, out.Write(session::PrepareQueryText(TranslateEscapes(sql))));
  if (out.truncated()) diagnostics().Add("01004", "string data, right truncated: the statement text");
  return SQL_SUCCESS;
}

SQLRETURN Connection::Disconnect() {
  if (!session_) throw DriverError("08003", "connection not open");
  statements_.clear();
  session_.reset();
  return SQL_SUCCESS;
}

Statement& Connection::AddStatement() {
  if (!session_) throw DriverError("08003", "connection not open");
  statements_.push_back(std::make_unique<Statement>(*this));
  return *statements_.back();
}

void Connection::RemoveStatement(Statement& statement) {
  std::erase_if(statements_, [&](const std::unique_ptr<Statement>& s) { return s.get() == &statement; });
}

SQLRETURN Connection::SetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
  const auto as_uint = static_cast<SQLUINTEGER>(reinterpret_cast<SQLULEN>(value));
  switch (attribute) {
    case SQL_ATTR_LOGIN_TIMEOUT: login_timeout_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
      connection_timeout_ = as_uint;
      if (session_) session_->set_request_timeout(std::chrono::seconds(connection_timeout_));
      return SQL_SUCCESS;
    case SQL_ATTR_ACCESS_MODE: access_mode_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_AUTOCOMMIT:
      // e6data has no transactions: every statement is its own unit of work.
      autocommit_ = as_uint;
      return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID: metadata_id_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION: txn_isolation_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE: packet_size_ = as_uint; return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE: quiet_mode_ = reinterpret_cast<SQLLEN>(value); return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG: {
      // Connected: the next query and catalog call use it. Before connecting:
      // it overrides the CATALOG key of the DSN or connection string.
      std::string catalog = InText(static_cast<const SQLCHAR*>(value), length);
      if (session_) {
        session_->set_catalog(std::move(catalog));
      } else {
        catalog_override_ = std::move(catalog);
      }
      return SQL_SUCCESS;
    }
    case SQL_ATTR_ASYNC_ENABLE:
      if (as_uint != SQL_ASYNC_ENABLE_OFF) throw DriverError("HYC00", "asynchronous execution is not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_ODBC_CURSORS:
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
      return SQL_SUCCESS;  // handled by the driver manager
    default:
      throw DriverError("HY092", "unsupported connection attribute " + std::to_string(attribute));
  }
}

SQLRETURN Connection::GetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER, SQLINTEGER* string_length,
                                   OutText text) {
  switch (attribute) {
    case SQL_ATTR_LOGIN_TIMEOUT: return StoreValue<SQLUINTEGER>(value, login_timeout_);
    case SQL_ATTR_CONNECTION_TIMEOUT: return StoreValue<SQLUINTEGER>(value, connection_timeout_);
    case SQL_ATTR_ACCESS_MODE: return StoreValue<SQLUINTEGER>(value, access_mode_);
    case SQL_ATTR_AUTOCOMMIT: return StoreValue<SQLUINTEGER>(value, autocommit_);
    case SQL_ATTR_METADATA_ID: return StoreValue<SQLUINTEGER>(value, metadata_id_);
    case SQL_ATTR_TXN_ISOLATION: return StoreValue<SQLUINTEGER>(value, txn_isolation_);
    case SQL_ATTR_PACKET_SIZE: return StoreValue<SQLUINTEGER>(value, static_cast<SQLUINTEGER>(packet_size_));
    case SQL_ATTR_ASYNC_ENABLE: return StoreValue<SQLULEN>(value, SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_QUIET_MODE: return StoreValue<SQLPOINTER>(value, reinterpret_cast<SQLPOINTER>(quiet_mode_));
    case SQL_ATTR_AUTO_IPD: return StoreValue<SQLUINTEGER>(value, SQL_FALSE);
    case SQL_ATTR_CONNECTION_DEAD:
      // Honest for driver-manager pooling: a connection whose server went away is dead.
      return StoreValue<SQLUINTEGER>(value, session_ && session_->Reachable() ? SQL_CD_FALSE : SQL_CD_TRUE);
    case SQL_ATTR_CURRENT_CATALOG: {
      // The session's catalog once connected; before, what the application set.
      StoreLength(string_length, text.Write(session_ ? session_->catalog() : catalog_override_.value_or("")));
      if (text.truncated()) diagnostics().Add("01004", "string data, right truncated");
      return SQL_SUCCESS;
    }
    default:
      throw DriverError("HY092", "unsupported connection attribute " + std::to_string(attribute));
  }
}

}  // namespace e6odbc::odbc
