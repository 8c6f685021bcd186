// Reads the protocol spec's test vectors from tests/fixtures.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "wire/decode_error.h"

namespace e6odbc::wire::testing {

inline std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Expects Decode to throw DecodeError whose message contains every one of `parts`.
template <typename Decode>
void ExpectDecodeError(Decode decode, const std::vector<std::string>& parts) {
  try {
    decode();
    ADD_FAILURE() << "expected DecodeError";
  } catch (const DecodeError& e) {
    for (const std::string& part : parts) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << "'" << part << "' not in: " << e.what();
    }
  }
}

}  // namespace e6odbc::wire::testing
