#include "config/dsn.h"

#include <odbcinst.h>

#include <vector>

#include "config/connection_options.h"

namespace e6odbc::config {

std::vector<Attribute> ReadDsn(const std::string& dsn) {
  std::vector<Attribute> attributes;
  std::vector<char> buffer(4096);
  for (const std::string& key : KnownKeys()) {
    for (;;) {
      const int length = SQLGetPrivateProfileString(dsn.c_str(), key.c_str(), "", buffer.data(),
                                                    static_cast<int>(buffer.size()), "odbc.ini");
      // A value that filled the buffer may have been cut: read it again larger.
      if (length >= static_cast<int>(buffer.size()) - 1 && buffer.size() < (1u << 20)) {
        buffer.resize(buffer.size() * 4);
        continue;
      }
      if (length > 0) attributes.push_back({CanonicalKey(key), std::string(buffer.data(), static_cast<size_t>(length))});
      break;
    }
  }
  return attributes;
}

}  // namespace e6odbc::config
