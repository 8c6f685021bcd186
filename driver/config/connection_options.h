// ConnectionOptions: the typed settings of one connection, resolved from a DSN
// (read through odbcinst) with the connection string or SQLConnect arguments
// on top. Every key, alias and default lives in one table (connection_options.cc)
// and one doc page (docs/connection-options.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/connection_string.h"

namespace e6odbc::config {

struct ConnectionOptions {
  std::string dsn;           // DSN
  std::string driver;        // DRIVER
  std::string host;          // HOST, alias SERVER (required)
  int port = 0;              // PORT; 0 = default (443 when SECURE, else 80)
  std::string user;          // UID, alias USER
  std::string password;      // PWD, alias PASSWORD
  std::string database;      // DATABASE, alias SCHEMA: default schema
  std::string catalog;       // CATALOG: non-empty selects the V2 prepare/execute RPCs
  std::string cluster_name;  // CLUSTER_NAME: sent lower-cased as the cluster-name header
  bool secure = false;       // SECURE: TLS on/off
  std::string ssl_ca_file;   // SSL_CA, alias CA_FILE: PEM roots to trust instead of the system's
  bool ssl_skip_verify = false;  // SSL_SKIP_VERIFY: no certificate / host-name verification (warned)
  int64_t prepare_timeout_seconds = 600;  // PREPARE_TIMEOUT (spec §3.8)
  int64_t rpc_timeout_seconds = 0;        // RPC_TIMEOUT: bound of every other call; 0 = none
  int64_t strategy_cache_ttl_seconds = 0; // STRATEGY_CACHE_TTL: re-detect an older colour; 0 = never
  bool auto_resume = true;                // AUTO_RESUME (spec §8.3)
  std::string log_level;                  // LOG_LEVEL: off/error/warning/info/debug; empty = E6DATA_ODBC_LOG_LEVEL or off
  std::string log_file;                   // LOG_FILE; empty = E6DATA_ODBC_LOG_FILE or stderr
  int64_t auto_resume_timeout_seconds = 300;  // AUTO_RESUME_TIMEOUT, alias GRPC_AUTO_RESUME_TIMEOUT_SECONDS
  // GRPC_<OPTION>: gRPC channel options of spec §10.2 the user set, by the
  // spec's name ("keepalive_time_ms", "http2.max_pings_without_data").
  std::map<std::string, int64_t> channel_options;
  bool wide_strings = false;              // STRING_TYPE: VARCHAR (false) or WVARCHAR (true)
  int64_t string_column_size = 65535;     // STRING_COLUMN_SIZE: column size reported for strings

  int EffectivePort() const noexcept { return port != 0 ? port : (secure ? 443 : 80); }
};

// A key that no table row knows: reported as SQLSTATE 01S09 by the caller.
struct UnknownKey {
  std::string key;
  std::string suggestion;  // closest known key, or empty
};

// Applies `attributes` on top of `options`. The first occurrence of a key (or
// any of its aliases) wins over later ones, as ODBC specifies; of DSN and
// DRIVER only the leftmost is recorded (neither is resolved here). Values are
// validated: a bad PORT, SECURE, PREPARE_TIMEOUT, STRING_TYPE or STRING_COLUMN_SIZE throws
// DriverError("HY024", ...) naming key and value; `options` may then be
// partly updated. Unknown keys are appended to `unknown` (with the closest
// known key as suggestion) and otherwise ignored.
void ApplyAttributes(const std::vector<Attribute>& attributes, ConnectionOptions& options,
                     std::vector<UnknownKey>& unknown);

// The keys and aliases a DSN may hold, for reading odbc.ini entries.
const std::vector<std::string>& KnownKeys();

// The canonical spelling of a known key or alias ("server" -> "HOST"); an
// unknown name is returned unchanged.
std::string CanonicalKey(std::string_view name);

// Checks what a connection needs (HOST, UID, PWD); throws DriverError with
// SQLSTATE 28000 (missing credentials) or 08001 (missing host) otherwise.
void Validate(const ConnectionOptions& options);

// Out connection string for SQLDriverConnect: every set key in canonical
// spelling and table order (DSN, DRIVER, HOST, ...), PWD included (ODBC
// requires the completed string to be usable for reconnecting). Keys that are
// empty or at their default (PORT 0, SECURE off, PREPARE_TIMEOUT 600, STRING_TYPE
// VARCHAR, STRING_COLUMN_SIZE 65535) are left out.
std::string ToConnectionString(const ConnectionOptions& options);

}  // namespace e6odbc::config
