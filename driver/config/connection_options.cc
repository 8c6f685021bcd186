#include "config/connection_options.h"

#include <algorithm>
#include <array>
#include <set>

#include "common/driver_error.h"
#include "common/text.h"

namespace e6odbc::config {
namespace {

constexpr int64_t kMaxPrepareTimeoutSeconds = 365LL * 24 * 3600;  // one year: beyond that it is a typo
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

bool ParseSecure(std::string_view value) {
  const std::string v = ToLower(Trim(value));
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off") return false;
  BadValue("SECURE", value, "1/0, true/false, yes/no or on/off");
}

int64_t ParseSeconds(std::string_view value) {
  const std::optional<int64_t> seconds = ParseInt64(Trim(value));
  if (!seconds || *seconds < 1 || *seconds > kMaxPrepareTimeoutSeconds) {
    BadValue("PREPARE_TIMEOUT", value, "a positive number of seconds (at most one year)");
  }
  return *seconds;
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

using Setter = void (*)(ConnectionOptions&, std::string_view value);
// The value to write back into a completed connection string; empty when the
// option is unset or at its default.
using Getter = std::string (*)(const ConnectionOptions&);

struct Key {
  std::string_view name;                    // canonical, upper case
  std::array<std::string_view, 2> aliases;  // empty when unused
  Setter set;                               // validates and stores one value
  Getter get;
};

// Every key the driver knows, once, in the order of a completed connection
// string. docs/connection-options.md mirrors this table.
constexpr std::array<Key, 14> kKeys = {{
    {"DSN", {},
     [](ConnectionOptions& o, std::string_view v) { o.dsn = v; },
     [](const ConnectionOptions& o) { return o.dsn; }},
    {"DRIVER", {},
     [](ConnectionOptions& o, std::string_view v) { o.driver = v; },
     [](const ConnectionOptions& o) { return o.driver; }},
    {"HOST", {"SERVER"},
     [](ConnectionOptions& o, std::string_view v) { o.host = Trim(v); },
     [](const ConnectionOptions& o) { return o.host; }},
    {"PORT", {},
     [](ConnectionOptions& o, std::string_view v) { o.port = ParsePort(v); },
     [](const ConnectionOptions& o) { return o.port == 0 ? std::string() : std::to_string(o.port); }},
    {"UID", {"USER"},
     [](ConnectionOptions& o, std::string_view v) { o.user = v; },
     [](const ConnectionOptions& o) { return o.user; }},
    {"PWD", {"PASSWORD"},
     [](ConnectionOptions& o, std::string_view v) { o.password = v; },
     [](const ConnectionOptions& o) { return o.password; }},
    {"DATABASE", {"SCHEMA"},
     [](ConnectionOptions& o, std::string_view v) { o.database = v; },
     [](const ConnectionOptions& o) { return o.database; }},
    {"CATALOG", {},
     [](ConnectionOptions& o, std::string_view v) { o.catalog = v; },
     [](const ConnectionOptions& o) { return o.catalog; }},
    {"CLUSTER_NAME", {},
     [](ConnectionOptions& o, std::string_view v) { o.cluster_name = v; },
     [](const ConnectionOptions& o) { return o.cluster_name; }},
    {"STRING_TYPE", {},
     [](ConnectionOptions& o, std::string_view v) { o.wide_strings = ParseStringType(v); },
     [](const ConnectionOptions& o) { return o.wide_strings ? std::string("WVARCHAR") : std::string(); }},
    {"STRING_COLUMN_SIZE", {},
     [](ConnectionOptions& o, std::string_view v) { o.string_column_size = ParseStringColumnSize(v); },
     [](const ConnectionOptions& o) {
       return o.string_column_size == ConnectionOptions{}.string_column_size ? std::string()
                                                                             : std::to_string(o.string_column_size);
     }},
    {"SECURE", {},
     [](ConnectionOptions& o, std::string_view v) { o.secure = ParseSecure(v); },
     [](const ConnectionOptions& o) { return o.secure ? std::string("1") : std::string(); }},
    {"SSL_CA", {"CA_FILE"},
     [](ConnectionOptions& o, std::string_view v) { o.ssl_ca_file = v; },
     [](const ConnectionOptions& o) { return o.ssl_ca_file; }},
    {"PREPARE_TIMEOUT", {},
     [](ConnectionOptions& o, std::string_view v) { o.prepare_timeout_seconds = ParseSeconds(v); },
     [](const ConnectionOptions& o) {
       return o.prepare_timeout_seconds == ConnectionOptions{}.prepare_timeout_seconds
                  ? std::string()
                  : std::to_string(o.prepare_timeout_seconds);
     }},
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
    key->set(options, attribute.value);
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
    std::string value = key.get(options);
    if (!value.empty()) out.push_back({std::string(key.name), std::move(value)});
  }
  return ComposeConnectionString(out);
}

}  // namespace e6odbc::config
