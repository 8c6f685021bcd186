// SQLGetInfo as a table: one row per information type the driver answers,
// holding either a string or a fixed-size integer. Unknown types -> HY096.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include "odbc/text_io.h"

namespace e6odbc::odbc {

class Connection;

// Writes the value of `info_type` for `connection`. String values go through
// `text` (its length unit is bytes, as SQLGetInfo defines), integers to `value`.
SQLRETURN GetInfo(Connection& connection, SQLUSMALLINT info_type, SQLPOINTER value, SQLSMALLINT buffer_length,
                  SQLSMALLINT* string_length, OutText text);

}  // namespace e6odbc::odbc
