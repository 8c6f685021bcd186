// DecodeError: the server sent bytes that do not follow the format documented
// in docs/wire-format.md (truncated, inconsistent or hostile input). Decoders
// throw it instead of reading past their input; the session layer turns it into
// an ODBC diagnostic.
#pragma once

#include <stdexcept>
#include <string>

namespace e6odbc::wire {

class DecodeError : public std::runtime_error {
 public:
  explicit DecodeError(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace e6odbc::wire
