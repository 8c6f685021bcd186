#include "config/dsn.h"

#include <odbcinst.h>

#include <vector>

#include "common/driver_error.h"
#include "config/connection_options.h"

namespace e6odbc::config {
namespace {

// unixODBC reads odbc.ini with fgets into a buffer of INI_MAX_LINE (1000,
// odbcinstext.h) bytes, so a line keeps at most 999 characters and the rest is
// silently cut off. A value whose line comes that close to the limit may have
// been cut; kLineSlack allows for spaces around '=' and indentation.
constexpr size_t kIniMaxLineChars = 999;
constexpr size_t kLineSlack = 4;

constexpr size_t kInitialBuffer = 4096;
constexpr size_t kMaxBuffer = 64 * 1024;

// One key's value, or empty when absent. Grows the buffer while the result
// fills it (SQLGetPrivateProfileString truncates to the buffer silently).
std::string ReadValue(const std::string& dsn, const std::string& key) {
  for (size_t size = kInitialBuffer; size <= kMaxBuffer; size *= 2) {
    std::vector<char> buffer(size);
    const int length =
        SQLGetPrivateProfileString(dsn.c_str(), key.c_str(), "", buffer.data(), static_cast<int>(size), "odbc.ini");
    if (length <= 0) return {};
    if (static_cast<size_t>(length) < size - 1) return std::string(buffer.data(), static_cast<size_t>(length));
  }
  throw DriverError("HY000", "the value of " + key + " in data source '" + dsn + "' is too long to read");
}

}  // namespace

std::vector<Attribute> ReadDsn(const std::string& dsn) {
  std::vector<Attribute> attributes;
  // An empty section name would make odbcinst search every section.
  if (dsn.empty()) return attributes;
  for (const std::string& key : KnownKeys()) {
    std::string value = ReadValue(dsn, key);
    if (value.empty()) continue;
    if (key.size() + 1 + value.size() + kLineSlack >= kIniMaxLineChars) {
      // Never quote the value: it is often an access token.
      throw DriverError("HY000", "the value of " + key + " in data source '" + dsn + "' (" +
                                     std::to_string(value.size()) +
                                     " characters) may have been cut off by unixODBC's 1000-character line limit "
                                     "for odbc.ini; give it in the connection string instead");
    }
    attributes.push_back({CanonicalKey(key), std::move(value)});
  }
  return attributes;
}

}  // namespace e6odbc::config
