#include "common/driver_error.h"

#include <utility>

namespace e6odbc {

DriverError::DriverError(std::string sqlstate, const std::string& message, int native)
    : std::runtime_error(message), sqlstate_(std::move(sqlstate)), native_(native) {}

}  // namespace e6odbc
