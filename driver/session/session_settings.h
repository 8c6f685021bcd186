// What a session needs to reach and use an e6data endpoint. Plain values, no
// ODBC types: the ODBC layer fills it from config::ConnectionOptions.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "common/log.h"

namespace e6odbc::session {

struct SessionSettings {
  std::string host;
  int port = 80;
  std::string user;
  std::string password;
  std::string database;      // default schema for prepare and catalog calls
  std::string catalog;       // non-empty: prepareStatementV2 / executeStatementV2
  std::string cluster_name;  // sent lower-cased as `cluster-name` on every call
  bool secure = false;       // TLS; roots: ca_pem if set, else the system trust store
  std::string ca_pem;        // PEM root certificates (the SSL_CA file's contents)
  bool verify_server = true; // false (SSL_SKIP_VERIFY): no certificate or host-name check
  std::chrono::seconds prepare_timeout{600};   // deadline of prepare (spec §3.8)
  std::chrono::seconds login_timeout{0};       // connecting: authenticate and auto-resume; 0 = none
  std::chrono::seconds rpc_timeout{0};         // RPC_TIMEOUT: bound of every other call; 0 = none
  std::chrono::seconds strategy_max_age{0};    // STRATEGY_CACHE_TTL: re-detect an older colour; 0 = never
  bool auto_resume = true;                     // AUTO_RESUME: wake a suspended cluster (spec §8.3)
  std::chrono::seconds auto_resume_timeout{300};  // AUTO_RESUME_TIMEOUT: its budget
  // Channel options overriding the defaults of spec §10.2, by the spec's name
  // ("keepalive_time_ms"); each is passed to gRPC as "grpc.<name>".
  std::map<std::string, int64_t> channel_options;
  // The connection's driver log (never null; a default Logger writes nothing).
  std::shared_ptr<const Logger> log = std::make_shared<const Logger>();
};

}  // namespace e6odbc::session
