#include "config/connection_options.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include "common/driver_error.h"
#include "common/text.h"

namespace e6odbc::config {
namespace {

[[noreturn]] void BadValue(std::string_view key, std::string_view value, std::string_view expected) {
  throw DriverError("HY024", "invalid value '" + std::string(value) + "' for " + std::string(key) + ": expected " +
                                 std::string(expected));
}

bool ParseBool(std::string_view key, std::string_view value) {
  const std::string v = ToLower(Trim(value));
  if (v == "1" || v == "true" || v == "yes" || v == "on") return true;
  if (v == "0" || v == "false" || v == "no" || v == "off" || v.empty()) return false;
  BadValue(key, value, "1/0, true/false, yes/no or on/off");
}

int64_t ParseRange(std::string_view key, std::string_view value, int64_t min, int64_t max, std::string_view expected) {
  const std::optional<int64_t> v = ParseInt64(Trim(value));
  if (!v || *v < min || *v > max) BadValue(key, value, expected);
  return *v;
}

struct Key {
  std::string_view name;                        // canonical, upper case
  std::array<std::string_view, 2> aliases;      // empty when unused
  std::function<void(ConnectionOptions&, std::string_view)> apply;
};

// Every key the driver knows, once. docs/connection-options.md mirrors this.
const std::vector<Key>& Table() {
  static const std::vector<Key> table = {
      {"DSN", {}, [](ConnectionOptions& o, std::string_view v) { o.dsn = v; }},
      {"DRIVER", {}, [](ConnectionOptions& o, std::string_view v) { o.driver = v; }},
      {"HOST", {"SERVER"}, [](ConnectionOptions& o, std::string_view v) { o.host = Trim(v); }},
      {"PORT", {}, [](ConnectionOptions& o, std::string_view v) {
         o.port = static_cast<int>(ParseRange("PORT", v, 1, 65535, "a port number 1..65535"));
       }},
      {"UID", {"USER"}, [](ConnectionOptions& o, std::string_view v) { o.user = v; }},
      {"PWD", {"PASSWORD"}, [](ConnectionOptions& o, std::string_view v) { o.password = v; }},
      {"DATABASE", {"SCHEMA"}, [](ConnectionOptions& o, std::string_view v) { o.database = v; }},
      {"CATALOG", {}, [](ConnectionOptions& o, std::string_view v) { o.catalog = v; }},
      {"CLUSTER_NAME", {}, [](ConnectionOptions& o, std::string_view v) { o.cluster_name = v; }},
      {"SECURE", {}, [](ConnectionOptions& o, std::string_view v) { o.secure = ParseBool("SECURE", v); }},
      {"PREPARE_TIMEOUT", {}, [](ConnectionOptions& o, std::string_view v) {
         o.prepare_timeout_seconds = ParseRange("PREPARE_TIMEOUT", v, 1, 31'536'000, "a positive number of seconds");
       }},
  };
  return table;
}

const Key* Find(std::string_view name) {
  for (const Key& key : Table()) {
    if (EqualsIgnoreCase(key.name, name)) return &key;
    for (std::string_view alias : key.aliases) {
      if (!alias.empty() && EqualsIgnoreCase(alias, name)) return &key;
    }
  }
  return nullptr;
}

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

std::string Suggest(std::string_view unknown) {
  std::string best;
  size_t best_distance = 3;  // suggest only within an edit distance of 2
  for (const Key& key : Table()) {
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
  std::set<std::string_view> seen;  // canonical names already applied: the first occurrence wins
  for (const Attribute& attribute : attributes) {
    const Key* key = Find(attribute.key);
    if (key == nullptr) {
      unknown.push_back({attribute.key, Suggest(attribute.key)});
      continue;
    }
    if (!seen.insert(key->name).second) continue;
    key->apply(options, attribute.value);
  }
}

const std::vector<std::string>& KnownKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> names;
    for (const Key& key : Table()) {
      if (key.name == "DSN" || key.name == "DRIVER") continue;  // not data-source settings
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

std::string ToConnectionString(const ConnectionOptions& o) {
  std::vector<Attribute> out;
  if (!o.dsn.empty()) out.push_back({"DSN", o.dsn});
  if (!o.driver.empty()) out.push_back({"DRIVER", o.driver});
  out.push_back({"HOST", o.host});
  out.push_back({"PORT", std::to_string(o.EffectivePort())});
  out.push_back({"UID", o.user});
  out.push_back({"PWD", o.password});
  if (!o.database.empty()) out.push_back({"DATABASE", o.database});
  if (!o.catalog.empty()) out.push_back({"CATALOG", o.catalog});
  if (!o.cluster_name.empty()) out.push_back({"CLUSTER_NAME", o.cluster_name});
  out.push_back({"SECURE", o.secure ? "1" : "0"});
  if (o.prepare_timeout_seconds != 600) out.push_back({"PREPARE_TIMEOUT", std::to_string(o.prepare_timeout_seconds)});
  return ComposeConnectionString(out);
}

}  // namespace e6odbc::config
