// Statement text pre-processing before prepare (protocol spec §3.2): strip
// whitespace at both ends, then drop exactly one trailing ';'.
#pragma once

#include <string>
#include <string_view>

namespace e6odbc::session {

std::string PrepareQueryText(std::string_view sql);

}  // namespace e6odbc::session
