// How a column declared in the engine's catalog looks to ODBC: getColumnsV2
// reports free-text engine type names ("int", "varchar(16)", "decimal(7,2)",
// "array<int>"), normalised and mapped as protocol spec §7 describes. Used by
// SQLColumns; SQLDescribeCol describes result columns from their wire types
// instead (sql_type_info.h).
#pragma once

#include <string_view>

#include "convert/sql_type_info.h"

namespace e6odbc::convert {

// The SQL type, sizes and default C type of a column declared `engine_type`.
// Text types report their declared length when the name carries one
// (`varchar(16)`; `char(1)` is SQL_CHAR, a bare `char` text), else `string_column_size`; decimals
// their (p,s), else (38,0); unknown names are text. `wide_strings` selects the
// W forms of the text types. `type_name` is the normalised base name upper-cased.
SqlTypeInfo DescribeEngineTypeName(std::string_view engine_type, bool wide_strings,
                                   SQLULEN string_column_size = kStringColumnSize);

}  // namespace e6odbc::convert
