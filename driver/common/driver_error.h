// DriverError: the one exception type of the driver. It means "this ODBC call
// fails" and carries the SQLSTATE the application will see. Only the boundary
// guard (odbc/guard.h) catches it; per-cell conversion outcomes are not
// exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace e6odbc {

class DriverError : public std::runtime_error {
 public:
  // sqlstate: five characters, e.g. "08001". message: what went wrong, naming
  // the offending value where there is one. native: server or driver code.
  DriverError(std::string sqlstate, const std::string& message, int native = 0);

  const std::string& sqlstate() const noexcept { return sqlstate_; }
  int native() const noexcept { return native_; }

 private:
  std::string sqlstate_;
  int native_;
};

}  // namespace e6odbc
