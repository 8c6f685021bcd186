// Parsing of text cells for conversions from character data to numbers and
// datetimes (ODBC appendix D "converting character data"). Leading and
// trailing spaces are ignored; anything else that is not a literal fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "wire/column_batch.h"

namespace e6odbc::convert {

// "-123.45" -> {-12345, 2}: plain decimal notation (no exponent), up to 38 digits.
std::optional<wire::Decimal> ParseDecimal(std::string_view text);

// Any floating literal strtod accepts (after trimming), including exponents.
std::optional<double> ParseDouble(std::string_view text);

// "YYYY-MM-DD" (date_only = true) or "YYYY-MM-DD HH:MM:SS[.fraction]" (a 'T'
// separator is accepted too) as epoch microseconds, UTC.
std::optional<int64_t> ParseTimestampText(std::string_view text, bool& date_only);

}  // namespace e6odbc::convert
