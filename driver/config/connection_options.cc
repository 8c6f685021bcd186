#include "config/connection_options.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "common/driver_error.h"
#include "common/log.h"
#include "common/text.h"

namespace e6odbc::config {
namespace {

constexpr int64_t kMaxTimeoutSeconds = 365LL * 24 * 3600;  // one year: beyond that it is a typo
constexpr size_t kMaxSuggestionDistance = 2;

[[noreturn]] void BadValue(std::string_view key, std::string_view value, std::string_view expected) {
  throw DriverError("HY024", "invalid value '" + std::string(value) + "' for " + std::string(key) + ": expected " +
                                 std::string(expected));
}

// --- Validators: text -> typed value, or HY024 naming key and value. ---

int ParsePort(std::string_view value) {
  const std::optional<int64_t> port = ParseInt64(Trim(value));
  if (!port || *port < 1 || *port > 65535) BadValue("PORT", value, "a port number 1..65535");
  return static_cast<int>(*port);
}

// A number of seconds, at least `minimum` (0 meaning "none" where allowed).
int64_t ParseSeconds(std::string_view key, std::string_view value, int64_t minimum = 1) {
  const std::optional<int64_t> seconds = ParseInt64(Trim(value));
  if (!seconds || *seconds < minimum || *seconds > kMaxTimeoutSeconds) {
    BadValue(key, value, minimum == 0 ? "a number of seconds (0 = none, at most one year)"
                                      : "a positive number of seconds (at most one year)");
  }
  return *seconds;
}

bool ParseFlag(std::string_view key, std::string_view value) {
  const std::string v = ToLower(Trim(value));
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  BadValue(key, value, "1/0, true/false, yes/no or on/off");
}

// GRPC_KEEPALIVE_TIME_MS -> keepalive_time_ms, GRPC_HTTP2_MAX_PINGS_WITHOUT_DATA
// -> http2.max_pings_without_data: the spec's (§10.2) name of a channel option.
std::string ChannelOptionName(std::string_view key) {
  std::string name = ToLower(key.substr(std::string_view("GRPC_").size()));
  if (name.rfind("http2_", 0) == 0) name[5] = '.';
  return name;
}

void SetChannelOption(ConnectionOptions& o, std::string_view key, std::string_view value) {
  const std::optional<int64_t> number = ParseInt64(Trim(value));
  if (!number || *number < -1 || *number > std::numeric_limits<int32_t>::max()) {
    BadValue(key, value, "an integer from -1 to 2147483647");
  }
  o.channel_options[ChannelOptionName(key)] = *number;
}

std::string GetChannelOption(const ConnectionOptions& o, std::string_view key) {
  const auto found = o.channel_options.find(ChannelOptionName(key));
  return found == o.channel_options.end() ? std::string() : std::to_string(found->second);
}

// The value for a completed connection string: empty at the default.
std::string UnlessDefault(int64_t value, int64_t default_value) {
  return value == default_value ? std::string() : std::to_string(value);
}

bool ParseStringType(std::string_view value) {
  const std::string v = ToUpper(Trim(value));
  if (v == "VARCHAR") return false;
  if (v == "WVARCHAR") return true;
  BadValue("STRING_TYPE", value, "VARCHAR or WVARCHAR");
}

// Upper bound keeps the octet length (4 bytes per character) within 32 bits.
constexpr int64_t kMaxStringColumnSize = 536870911;

int64_t ParseStringColumnSize(std::string_view value) {
  const std::optional<int64_t> size = ParseInt64(Trim(value));
  if (!size || *size < 1 || *size > kMaxStringColumnSize) {
    BadValue("STRING_COLUMN_SIZE", value, "a number of characters 1..536870911");
  }
  return *size;
}

// --- The table. ---

// Setters and getters receive the row's canonical name, so that one function
// can serve a family of keys (the GRPC_ channel options).
using Setter = void (*)(ConnectionOptions&, std::string_view name, std::string_view value);
// The value to write back into a completed connection string; empty when the
// option is unset or at its default.
using Getter = std::string (*)(const ConnectionOptions&, std::string_view name);

struct Key {
  std::string_view name;                    // canonical, upper case
  std::array<std::string_view, 2> aliases;  // empty when unused
  Setter set;                               // validates and stores one value
  Getter get;
};

// Every key the driver knows, once, in the order of a completed connection
// string. docs/connection-options.md mirrors this table.
constexpr std::array<Key, 29> kKeys = {{
    {"DSN", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.dsn = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.dsn; }},
    {"DRIVER", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.driver = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.driver; }},
    {"HOST", {"SERVER"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.host = Trim(v); },
     [](const ConnectionOptions& o, std::string_view) { return o.host; }},
    {"PORT", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.port = ParsePort(v); },
     [](const ConnectionOptions& o, std::string_view) { return o.port == 0 ? std::string() : std::to_string(o.port); }},
    {"UID", {"USER"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.user = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.user; }},
    {"PWD", {"PASSWORD"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.password = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.password; }},
    {"DATABASE", {"SCHEMA"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.database = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.database; }},
    {"CATALOG", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.catalog = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.catalog; }},
    {"CLUSTER_NAME", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.cluster_name = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.cluster_name; }},
    {"STRING_TYPE", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.wide_strings = ParseStringType(v); },
     [](const ConnectionOptions& o, std::string_view) { return o.wide_strings ? std::string("WVARCHAR") : std::string(); }},
    {"STRING_COLUMN_SIZE", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.string_column_size = ParseStringColumnSize(v); },
     [](const ConnectionOptions& o, std::string_view) {
       return UnlessDefault(o.string_column_size, ConnectionOptions{}.string_column_size);
     }},
    {"SECURE", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.secure = ParseFlag("SECURE", v); },
     [](const ConnectionOptions& o, std::string_view) { return o.secure ? std::string("1") : std::string(); }},
    {"SSL_CA", {"CA_FILE"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.ssl_ca_file = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.ssl_ca_file; }},
    {"SSL_SKIP_VERIFY", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.ssl_skip_verify = ParseFlag("SSL_SKIP_VERIFY", v); },
     [](const ConnectionOptions& o, std::string_view) { return o.ssl_skip_verify ? std::string("1") : std::string(); }},
    {"PREPARE_TIMEOUT", {"GRPC_PREPARE_TIMEOUT"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.prepare_timeout_seconds = ParseSeconds("PREPARE_TIMEOUT", v); },
     [](const ConnectionOptions& o, std::string_view) {
       return UnlessDefault(o.prepare_timeout_seconds, ConnectionOptions{}.prepare_timeout_seconds);
     }},
    {"RPC_TIMEOUT", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.rpc_timeout_seconds = ParseSeconds("RPC_TIMEOUT", v, 0); },
     [](const ConnectionOptions& o, std::string_view) { return UnlessDefault(o.rpc_timeout_seconds, 0); }},
    {"STRATEGY_CACHE_TTL", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) {
       o.strategy_cache_ttl_seconds = ParseSeconds("STRATEGY_CACHE_TTL", v, 0);
     },
     [](const ConnectionOptions& o, std::string_view) { return UnlessDefault(o.strategy_cache_ttl_seconds, 0); }},
    {"AUTO_RESUME", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.auto_resume = ParseFlag("AUTO_RESUME", v); },
     [](const ConnectionOptions& o, std::string_view) { return o.auto_resume ? std::string() : std::string("0"); }},
    {"AUTO_RESUME_TIMEOUT", {"GRPC_AUTO_RESUME_TIMEOUT_SECONDS"},
     [](ConnectionOptions& o, std::string_view, std::string_view v) {
       o.auto_resume_timeout_seconds = ParseSeconds("AUTO_RESUME_TIMEOUT", v);
     },
     [](const ConnectionOptions& o, std::string_view) {
       return UnlessDefault(o.auto_resume_timeout_seconds, ConnectionOptions{}.auto_resume_timeout_seconds);
     }},
    {"LOG_LEVEL", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) {
       if (!ParseLogLevel(v)) BadValue("LOG_LEVEL", v, "off, error, warning, info or debug (or 0..4)");
       o.log_level = ToLower(Trim(v));
     },
     [](const ConnectionOptions& o, std::string_view) { return o.log_level; }},
    {"LOG_FILE", {},
     [](ConnectionOptions& o, std::string_view, std::string_view v) { o.log_file = v; },
     [](const ConnectionOptions& o, std::string_view) { return o.log_file; }},
    // gRPC channel options of spec §10.2, unset = the defaults there.
    {"GRPC_KEEPALIVE_TIME_MS", {}, SetChannelOption, GetChannelOption},
    {"GRPC_KEEPALIVE_TIMEOUT_MS", {}, SetChannelOption, GetChannelOption},
    {"GRPC_KEEPALIVE_PERMIT_WITHOUT_CALLS", {}, SetChannelOption, GetChannelOption},
    {"GRPC_MAX_RECEIVE_MESSAGE_LENGTH", {}, SetChannelOption, GetChannelOption},
    {"GRPC_MAX_SEND_MESSAGE_LENGTH", {}, SetChannelOption, GetChannelOption},
    {"GRPC_HTTP2_MAX_PINGS_WITHOUT_DATA", {}, SetChannelOption, GetChannelOption},
    {"GRPC_HTTP2_MIN_TIME_BETWEEN_PINGS_MS", {}, SetChannelOption, GetChannelOption},
    {"GRPC_HTTP2_MIN_PING_INTERVAL_WITHOUT_DATA_MS", {}, SetChannelOption, GetChannelOption},
}};

const Key* Find(std::string_view name) {
  for (const Key& key : kKeys) {
    if (EqualsIgnoreCase(key.name, name)) return &key;
    for (std::string_view alias : key.aliases) {
      if (!alias.empty() && EqualsIgnoreCase(alias, name)) return &key;
    }
  }
  return nullptr;
}

// The name under which "first occurrence wins" is tracked. DSN and DRIVER
// share one: ODBC uses whichever of the two comes first.
std::string_view PrecedenceSlot(const Key& key) { return key.name == "DRIVER" ? std::string_view("DSN") : key.name; }

// Case-insensitive Levenshtein distance, for "did you mean" suggestions.
size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const bool same = EqualsIgnoreCase(a.substr(i - 1, 1), b.substr(j - 1, 1));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The canonical name of the key or alias closest to `unknown`, or empty when
// none is within kMaxSuggestionDistance. Ties go to the earlier table row.
std::string Suggest(std::string_view unknown) {
  std::string best;
  size_t best_distance = kMaxSuggestionDistance + 1;
  for (const Key& key : kKeys) {
    for (std::string_view candidate : {key.name, key.aliases[0], key.aliases[1]}) {
      if (candidate.empty()) continue;
      const size_t d = Distance(unknown, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = key.name;
      }
    }
  }
  return best;
}

}  // namespace

void ApplyAttributes(const std::vector<Attribute>& attributes, ConnectionOptions& options,
                     std::vector<UnknownKey>& unknown) {
  std::set<std::string_view> seen;  // precedence slots already applied: the first occurrence wins
  for (const Attribute& attribute : attributes) {
    const Key* key = Find(attribute.key);
    if (key == nullptr) {
      unknown.push_back({attribute.key, Suggest(attribute.key)});
      continue;
    }
    if (!seen.insert(PrecedenceSlot(*key)).second) continue;
    key->set(options, key->name, attribute.value);
  }
}

const std::vector<std::string>& KnownKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> names;
    for (const Key& key : kKeys) {
      if (key.name == "DSN" || key.name == "DRIVER") continue;  // not settings a data source holds for us
      names.emplace_back(key.name);
      for (std::string_view alias : key.aliases) {
        if (!alias.empty()) names.emplace_back(alias);
      }
    }
    return names;
  }();
  return keys;
}

std::string CanonicalKey(std::string_view name) {
  const Key* key = Find(name);
  return key == nullptr ? std::string(name) : std::string(key->name);
}

void Validate(const ConnectionOptions& options) {
  if (options.host.empty()) throw DriverError("08001", "cannot connect: HOST (or SERVER) is required");
  if (options.user.empty()) throw DriverError("28000", "authentication needs a user: set UID (or USER)");
  if (options.password.empty()) {
    throw DriverError("28000", "authentication needs an access token: set PWD (or PASSWORD)");
  }
}

std::string ToConnectionString(const ConnectionOptions& options) {
  std::vector<Attribute> out;
  for (const Key& key : kKeys) {
    std::string value = key.get(options, key.name);
    if (!value.empty()) out.push_back({std::string(key.name), std::move(value)});
  }
  return ComposeConnectionString(out);
}

}  // namespace e6odbc::config
