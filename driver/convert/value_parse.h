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

// A datetime literal in text: "YYYY-MM-DD", "HH:MM:SS[.fraction]" or
// "YYYY-MM-DD HH:MM:SS[.fraction]" (a 'T' separator is accepted too).
struct DatetimeText {
  enum class Status {
    kOk,
    kNotALiteral,   // not shaped like any of the three: 22018 (appendix D)
    kInvalidValue,  // shaped like one, but a field is impossible (2024-02-30, 25:00:00): 22007
  };
  enum class Shape { kDate, kTime, kTimestamp };
  Status status = Status::kNotALiteral;
  Shape shape = Shape::kTimestamp;
  int64_t micros = 0;  // since the epoch, UTC; for kTime, since midnight
};
DatetimeText ParseDatetimeText(std::string_view text);

}  // namespace e6odbc::convert
