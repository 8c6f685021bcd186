// Reads a data source's keys from odbc.ini through odbcinst
// (SQLGetPrivateProfileString), so user and system DSNs, ODBCINI and ODBCSYSINI
// all work as unixODBC defines them.
#pragma once

#include <string>
#include <vector>

#include "config/connection_string.h"

namespace e6odbc::config {

// Returns the DSN's values for every key in KnownKeys() that is present (in
// canonical key spelling). The driver manager has already checked that the
// DSN exists; a DSN holding none of the keys yields an empty list.
std::vector<Attribute> ReadDsn(const std::string& dsn);

}  // namespace e6odbc::config
