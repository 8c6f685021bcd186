// Numeric C types: the integer, floating-point, SQL_C_BIT and SQL_C_NUMERIC runs,
// and ReadNumber, the reading of a cell as a number that intervals share.
#include "convert/run_support.h"

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "convert/value_parse.h"

namespace e6odbc::convert {
namespace {

using detail::Number;
using detail::ReadNumber;
using wire::ColumnVector;
using wire::Int128;
using wire::VectorType;

}  // namespace

// ---- reading a cell as a number ------------------------------------------------

namespace detail {

std::optional<Number> ReadNumber(const ColumnVector& column, size_t row) {
  const size_t slot = column.Slot(row);
  switch (column.type) {
    case VectorType::kInteger:
    case VectorType::kLong:
      return Number{false, 0, {column.int64_values[slot], 0}};
    case VectorType::kBoolean:
      return Number{false, 0, {column.bool_values[slot] ? 1 : 0, 0}};
    case VectorType::kDecimal128:
      return Number{false, 0, column.decimal_values[slot]};
    case VectorType::kDouble:
    case VectorType::kFloat:
      return Number{true, column.double_values[slot], {}};
    case VectorType::kString:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct:
      if (auto exact = ParseDecimal(column.text_values[slot])) return Number{false, 0, *exact};
      if (auto approximate = ParseDouble(column.text_values[slot])) return Number{true, *approximate, {}};
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace detail

namespace {

Int128 Pow10(int32_t exponent) {
  Int128 result = 1;
  for (int32_t i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// Integer part of an exact number (truncated toward zero); `fraction_lost` set
// when digits after the point were dropped. nullopt when beyond 128 bits.
std::optional<Int128> IntegerPart(const wire::Decimal& d, bool& fraction_lost) {
  fraction_lost = false;
  if (d.scale <= 0) {
    if (d.scale < -38) return d.unscaled == 0 ? std::optional<Int128>(0) : std::nullopt;
    const Int128 factor = Pow10(-d.scale);
    const Int128 limit = std::numeric_limits<Int128>::max() / factor;
    if (d.unscaled > limit || d.unscaled < -limit) return std::nullopt;
    return d.unscaled * factor;
  }
  if (d.scale > 38) {
    fraction_lost = d.unscaled != 0;
    return 0;
  }
  const Int128 factor = Pow10(d.scale);
  fraction_lost = d.unscaled % factor != 0;
  return d.unscaled / factor;
}

double ToDouble(const Number& n) {
  if (n.is_double) return n.approximate;
  long double value = static_cast<long double>(n.exact.unscaled);
  return static_cast<double>(value / std::pow(10.0L, static_cast<long double>(n.exact.scale)));
}

void NotANumber(size_t i, const ColumnVector& column, CellIssues& issues) {
  issues.push_back({i, "22018",
                    "invalid character value for cast: a " + std::string(wire::VectorTypeName(column.type)) +
                        " value is not a number",
                    true});
}

template <typename T>
bool WriteInteger(const ColumnVector& column, size_t row, char* out, SQLLEN& length, size_t i, CellIssues& issues) {
  length = sizeof(T);
  const std::optional<Number> number = ReadNumber(column, row);
  if (!number) {
    NotANumber(i, column, issues);
    return false;
  }
  Int128 value = 0;
  bool fraction_lost = false;
  if (number->is_double) {
    const double d = number->approximate;
    if (!std::isfinite(d) || d <= static_cast<double>(std::numeric_limits<T>::min()) - 1.0 ||
        d >= static_cast<double>(std::numeric_limits<T>::max()) + 1.0) {
      issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
      return false;
    }
    value = static_cast<Int128>(std::trunc(d));
    fraction_lost = std::trunc(d) != d;
  } else {
    const std::optional<Int128> integer = IntegerPart(number->exact, fraction_lost);
    if (!integer) {
      issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
      return false;
    }
    value = *integer;
  }
  if (value < static_cast<Int128>(std::numeric_limits<T>::min()) ||
      value > static_cast<Int128>(std::numeric_limits<T>::max())) {
    issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
    return false;
  }
  if (out != nullptr) {
    const T narrowed = static_cast<T>(value);
    std::memcpy(out, &narrowed, sizeof narrowed);
  }
  if (fraction_lost) issues.push_back({i, "01S07", "fractional truncation", false});
  return true;
}

}  // namespace

namespace detail {

template <typename T>
void IntegerRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    return WriteInteger<T>(c, row, out, length, i, is);
  });
}

// LONG into SQL_C_SBIGINT: the hot path of most fetches, a straight copy.
void Int64Run(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t, CellIssues&) {
    length = sizeof(int64_t);
    if (out != nullptr) std::memcpy(out, &c.int64_values[c.Slot(row)], sizeof(int64_t));
    return true;
  });
}

template <typename T>
void FloatingRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(T);
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    const double value = ToDouble(*number);
    if constexpr (std::is_same_v<T, float>) {
      if (std::isfinite(value) && std::fabs(value) > FLT_MAX) {
        is.push_back({i, "22003", "numeric value out of range for SQL_C_FLOAT", true});
        return false;
      }
    }
    if (out != nullptr) {
      const T narrowed = static_cast<T>(value);
      std::memcpy(out, &narrowed, sizeof narrowed);
    }
    return true;
  });
}

void BitRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = 1;
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    const double value = ToDouble(*number);
    // ODBC: 0 and 1 convert; (0, 2) truncates with 01S07; anything else is 22003.
    if (std::isnan(value) || value < 0.0 || value >= 2.0) {
      is.push_back({i, "22003", "numeric value out of range for SQL_C_BIT (must be 0 or 1)", true});
      return false;
    }
    const unsigned char bit = value >= 1.0 ? 1 : 0;
    if (value != 0.0 && value != 1.0) is.push_back({i, "01S07", "fractional truncation", false});
    if (out != nullptr) *reinterpret_cast<unsigned char*>(out) = bit;
    return true;
  });
}

// The instantiations the table dispatches to (declared in run_support.h).
template void IntegerRun<int64_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<uint64_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<int32_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<uint32_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<int16_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<uint16_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<int8_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void IntegerRun<uint8_t>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void FloatingRun<double>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);
template void FloatingRun<float>(const ColumnVector&, size_t, size_t, const Target&, CellIssues&);

}  // namespace detail

// ---- SQL_C_NUMERIC ------------------------------------------------------------------

namespace {

__extension__ using UInt128 = unsigned __int128;

// The shortest decimal that reads back as `value` (finite), exactly:
// "1.25e+300" -> {125, -298}. Doubles carry at most 17 significant digits.
wire::Decimal DecimalFromDouble(double value) {
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  const size_t e = text.find('e');
  Int128 unscaled = 0;
  int32_t fraction_digits = 0;
  bool after_point = false;
  for (const char c : text.substr(0, e)) {
    if (c == '.') {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      unscaled = unscaled * 10 + (c - '0');
      if (after_point) ++fraction_digits;
    }
  }
  int32_t exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(), exponent);
  return {value < 0 ? -unscaled : unscaled, fraction_digits - exponent};
}

constexpr UInt128 kTenTo38 = [] {
  UInt128 v = 1;
  for (int i = 0; i < 38; ++i) v *= 10;
  return v;
}();

enum class Rescaled { kExact, kFractionLost, kOverflow };

// |d| * 10^target_scale as an integer magnitude below 10^38.
Rescaled RescaleMagnitude(const wire::Decimal& d, int32_t target_scale, UInt128& magnitude) {
  magnitude = d.unscaled < 0 ? UInt128{0} - static_cast<UInt128>(d.unscaled) : static_cast<UInt128>(d.unscaled);
  if (magnitude == 0) return Rescaled::kExact;
  int64_t shift = int64_t{target_scale} - d.scale;
  bool lost = false;
  for (; shift > 0; --shift) {
    if (magnitude >= kTenTo38 / 10) return Rescaled::kOverflow;
    magnitude *= 10;
  }
  for (; shift < 0 && magnitude != 0; ++shift) {
    lost = lost || magnitude % 10 != 0;
    magnitude /= 10;
  }
  if (magnitude >= kTenTo38) return Rescaled::kOverflow;
  return lost ? Rescaled::kFractionLost : Rescaled::kExact;
}

}  // namespace

namespace detail {

void NumericRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  const SQLSMALLINT precision = t.precision < 1 || t.precision > 38 ? kDefaultNumericPrecision : t.precision;
  const SQLSMALLINT scale = t.scale < -38 ? -38 : t.scale > 38 ? 38 : t.scale;
  const UInt128 limit = [&] {
    UInt128 v = 1;
    for (int i = 0; i < precision; ++i) v *= 10;
    return v;
  }();
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_NUMERIC_STRUCT);
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    if (number->is_double && !std::isfinite(number->approximate)) {
      is.push_back({i, "22003", "numeric value out of range: infinity or NaN has no SQL_C_NUMERIC form", true});
      return false;
    }
    const wire::Decimal exact = number->is_double ? DecimalFromDouble(number->approximate) : number->exact;
    UInt128 magnitude = 0;
    const Rescaled rescaled = RescaleMagnitude(exact, scale, magnitude);
    if (rescaled == Rescaled::kOverflow || magnitude >= limit) {
      is.push_back({i, "22003",
                    "numeric value out of range for SQL_C_NUMERIC(" + std::to_string(precision) + "," +
                        std::to_string(scale) + ")",
                    true});
      return false;
    }
    if (out != nullptr) {
      SQL_NUMERIC_STRUCT value{};
      value.precision = static_cast<SQLCHAR>(precision);
      value.scale = static_cast<SQLSCHAR>(scale);
      value.sign = (exact.unscaled < 0 && magnitude != 0) ? 0 : 1;  // 1 = positive, 0 = negative
      for (size_t b = 0; b < SQL_MAX_NUMERIC_LEN; ++b) value.val[b] = static_cast<SQLCHAR>(magnitude >> (8 * b));
      std::memcpy(out, &value, sizeof value);
    }
    if (rescaled == Rescaled::kFractionLost) is.push_back({i, "01S07", "fractional truncation", false});
    return true;
  });
}

}  // namespace detail

}  // namespace e6odbc::convert
