// Reads a data source's keys from odbc.ini through odbcinst
// (SQLGetPrivateProfileString), so user and system DSNs, ODBCINI and ODBCSYSINI
// all work as unixODBC defines them.
#pragma once

#include <string>
#include <vector>

#include "config/connection_string.h"

namespace e6odbc::config {

// Returns the DSN's values for every key in KnownKeys() that is present and
// non-empty, in canonical key spelling and KnownKeys() order (so a canonical
// key comes before its alias and wins under ApplyAttributes). The driver
// manager has already checked that the DSN exists; a DSN holding none of the
// keys, or an empty `dsn`, yields an empty list. Reads the environment
// (ODBCINI/ODBCSYSINI) through odbcinst on every call. Throws
// DriverError("HY000") when a value may have been cut off by unixODBC's
// 1000-character odbc.ini line limit, naming the key (never the value).
std::vector<Attribute> ReadDsn(const std::string& dsn);

}  // namespace e6odbc::config
