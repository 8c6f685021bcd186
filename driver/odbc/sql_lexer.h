// How the driver reads SQL text without parsing it: where string literals,
// quoted identifiers and comments begin and end, so that escape sequences and
// parameter markers are looked for only outside them. String literals follow
// e6data's own client (protocol spec §11): a backslash escapes the next
// character, and a doubled quote stands for one quote.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace e6odbc::odbc {

// When a string literal ('…'), quoted identifier ("…", `…`) or comment
// (-- to the end of the line, /* … */) starts at sql[at]: the index just past
// its end (the end of the text when it is not closed). Otherwise `at`.
size_t SkipOpaque(std::string_view sql, size_t at) noexcept;

// Where the `?` parameter markers stand, in order.
std::vector<size_t> ParameterMarkers(std::string_view sql);

}  // namespace e6odbc::odbc
