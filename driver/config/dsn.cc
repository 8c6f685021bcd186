#include "config/dsn.h"

#include <odbcinst.h>

#include <vector>

#include "config/connection_options.h"

namespace e6odbc::config {

std::vector<Attribute> ReadDsn(const std::string& dsn) {
  std::vector<Attribute> attributes;
  // unixODBC's ini reader keeps at most 1000 characters of a value
  // (INI_MAX_PROPERTY_VALUE); longer values (long access tokens) belong in the
  // connection string instead. The buffer is larger than that limit.
  std::vector<char> buffer(4096);
  for (const std::string& key : KnownKeys()) {
    const int length = SQLGetPrivateProfileString(dsn.c_str(), key.c_str(), "", buffer.data(),
                                                  static_cast<int>(buffer.size()), "odbc.ini");
    if (length > 0) attributes.push_back({CanonicalKey(key), std::string(buffer.data(), static_cast<size_t>(length))});
  }
  return attributes;
}

}  // namespace e6odbc::config
