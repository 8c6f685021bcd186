// Reads the protocol spec's test vectors from tests/fixtures.
#pragma once

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace e6odbc::wire::testing {

inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace e6odbc::wire::testing
