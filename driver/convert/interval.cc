#include "convert/interval.h"

#include <cstdint>
#include <limits>
#include <string>

#include "common/text.h"

namespace e6odbc::convert {
namespace {

__extension__ using UInt128 = unsigned __int128;

enum Field { kYear, kMonth, kDay, kHour, kMinute, kSecond };

struct Shape {
  Field first;
  Field last;
  std::string_view qualifier;  // as written after an INTERVAL literal
};

bool ShapeOf(SQLSMALLINT c_type, Shape& shape) {
  switch (c_type) {
    case SQL_C_INTERVAL_YEAR: shape = {kYear, kYear, "YEAR"}; return true;
    case SQL_C_INTERVAL_MONTH: shape = {kMonth, kMonth, "MONTH"}; return true;
    case SQL_C_INTERVAL_DAY: shape = {kDay, kDay, "DAY"}; return true;
    case SQL_C_INTERVAL_HOUR: shape = {kHour, kHour, "HOUR"}; return true;
    case SQL_C_INTERVAL_MINUTE: shape = {kMinute, kMinute, "MINUTE"}; return true;
    case SQL_C_INTERVAL_SECOND: shape = {kSecond, kSecond, "SECOND"}; return true;
    case SQL_C_INTERVAL_YEAR_TO_MONTH: shape = {kYear, kMonth, "YEAR TO MONTH"}; return true;
    case SQL_C_INTERVAL_DAY_TO_HOUR: shape = {kDay, kHour, "DAY TO HOUR"}; return true;
    case SQL_C_INTERVAL_DAY_TO_MINUTE: shape = {kDay, kMinute, "DAY TO MINUTE"}; return true;
    case SQL_C_INTERVAL_DAY_TO_SECOND: shape = {kDay, kSecond, "DAY TO SECOND"}; return true;
    case SQL_C_INTERVAL_HOUR_TO_MINUTE: shape = {kHour, kMinute, "HOUR TO MINUTE"}; return true;
    case SQL_C_INTERVAL_HOUR_TO_SECOND: shape = {kHour, kSecond, "HOUR TO SECOND"}; return true;
    case SQL_C_INTERVAL_MINUTE_TO_SECOND: shape = {kMinute, kSecond, "MINUTE TO SECOND"}; return true;
    default: return false;
  }
}

// Largest value of a non-leading field (months in a year, hours in a day, ...).
uint32_t FieldLimit(Field field) {
  switch (field) {
    case kMonth: return 11;
    case kHour: return 23;
    case kMinute:
    case kSecond: return 59;
    default: return std::numeric_limits<uint32_t>::max();
  }
}

int Clamp(int value, int low, int high) { return value < low ? low : value > high ? high : value; }

int SignificantDigits(UInt128 value) {
  int digits = 0;
  while (value != 0) {
    ++digits;
    value /= 10;
  }
  return digits;
}

UInt128 Pow10(int exponent) {
  UInt128 result = 1;
  for (int i = 0; i < exponent; ++i) result *= 10;
  return result;
}

void Store(SQLUINTEGER value, Field field, SQL_INTERVAL_STRUCT& out) {
  switch (field) {
    case kYear: out.intval.year_month.year = value; break;
    case kMonth: out.intval.year_month.month = value; break;
    case kDay: out.intval.day_second.day = value; break;
    case kHour: out.intval.day_second.hour = value; break;
    case kMinute: out.intval.day_second.minute = value; break;
    case kSecond: out.intval.day_second.second = value; break;
  }
}

void Begin(SQLSMALLINT c_type, bool negative, SQL_INTERVAL_STRUCT& out) {
  out = SQL_INTERVAL_STRUCT{};
  out.interval_type = static_cast<SQLINTERVAL>(IntervalCodeOf(c_type));
  out.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
}

// Strips an "INTERVAL [+|-]'<value>' <qualifier>" wrapper. Returns false when
// the text is such a literal with another qualifier or is malformed.
bool UnwrapLiteral(std::string_view& text, const Shape& shape, bool& negative) {
  constexpr std::string_view kKeyword = "INTERVAL";
  if (text.size() <= kKeyword.size() || !EqualsIgnoreCase(text.substr(0, kKeyword.size()), kKeyword)) return true;
  std::string_view rest = Trim(text.substr(kKeyword.size()));
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
    negative = rest.front() == '-';
    rest = Trim(rest.substr(1));
  }
  if (rest.empty() || rest.front() != '\'') return false;
  const size_t close = rest.find('\'', 1);
  if (close == std::string_view::npos) return false;
  // The qualifier, with runs of spaces collapsed, must name the target type.
  std::string qualifier;
  for (const char c : Trim(rest.substr(close + 1))) {
    if (c == ' ' && !qualifier.empty() && qualifier.back() == ' ') continue;
    qualifier.push_back(c);
  }
  if (!EqualsIgnoreCase(qualifier, shape.qualifier)) return false;
  text = rest.substr(1, close - 1);
  return true;
}

}  // namespace

int IntervalCodeOf(SQLSMALLINT c_type) {
  Shape shape{};
  return ShapeOf(c_type, shape) ? c_type - 100 : 0;  // SQL_C_INTERVAL_YEAR (101) is SQL_IS_YEAR (1), ...
}

bool IsSingleFieldInterval(SQLSMALLINT c_type) {
  Shape shape{};
  return ShapeOf(c_type, shape) && shape.first == shape.last;
}

IntervalResult ParseInterval(std::string_view text, SQLSMALLINT c_type, int leading_precision, int seconds_precision,
                             SQL_INTERVAL_STRUCT& out) {
  Shape shape{};
  if (!ShapeOf(c_type, shape)) return IntervalResult::kInvalid;
  leading_precision = Clamp(leading_precision, 1, 10);
  seconds_precision = Clamp(seconds_precision, 0, 9);
  text = Trim(text);
  bool negative = false;
  if (!UnwrapLiteral(text, shape, negative)) return IntervalResult::kInvalid;
  text = Trim(text);
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    if (text.front() == '-') negative = !negative;
    text.remove_prefix(1);
  }
  Begin(c_type, negative, out);
  size_t pos = 0;
  const auto is_digit = [&](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  bool overflow = false;
  for (int f = shape.first; f <= shape.last; ++f) {
    const auto field = static_cast<Field>(f);
    if (f != shape.first) {
      const char separator = field == kMonth ? '-' : field == kHour ? ' ' : ':';
      if (pos >= text.size() || text[pos] != separator) return IntervalResult::kInvalid;
      ++pos;
    }
    const size_t start = pos;
    UInt128 value = 0;
    while (is_digit(pos) && pos - start < 30) value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
    if (pos == start || is_digit(pos)) return IntervalResult::kInvalid;
    if (f == shape.first) {
      if (SignificantDigits(value) > leading_precision || value > std::numeric_limits<SQLUINTEGER>::max()) {
        overflow = true;
        value = 0;
      }
    } else if (pos - start > 2 || value > FieldLimit(field)) {
      return IntervalResult::kInvalid;
    }
    Store(static_cast<SQLUINTEGER>(value), field, out);
  }
  bool truncated = false;
  if (shape.last == kSecond && pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t start = pos;
    SQLUINTEGER fraction = 0;
    while (is_digit(pos)) {
      const int digit = text[pos] - '0';
      if (static_cast<int>(pos - start) < seconds_precision) {
        fraction = fraction * 10 + static_cast<SQLUINTEGER>(digit);
      } else if (digit != 0) {
        truncated = true;
      }
      ++pos;
    }
    if (pos == start) return IntervalResult::kInvalid;
    for (int i = static_cast<int>(pos - start); i < seconds_precision; ++i) fraction *= 10;
    out.intval.day_second.fraction = fraction;
  }
  if (pos != text.size()) return IntervalResult::kInvalid;
  if (overflow) return IntervalResult::kLeadingOverflow;
  return truncated ? IntervalResult::kFractionTruncated : IntervalResult::kOk;
}

IntervalResult IntervalFromDecimal(const wire::Decimal& value, SQLSMALLINT c_type, int leading_precision,
                                   int seconds_precision, SQL_INTERVAL_STRUCT& out) {
  Shape shape{};
  if (!ShapeOf(c_type, shape) || shape.first != shape.last) return IntervalResult::kInvalid;
  leading_precision = Clamp(leading_precision, 1, 10);
  seconds_precision = Clamp(seconds_precision, 0, 9);
  const bool negative = value.unscaled < 0;
  const UInt128 magnitude =
      negative ? UInt128{0} - static_cast<UInt128>(value.unscaled) : static_cast<UInt128>(value.unscaled);
  UInt128 whole = 0;
  UInt128 fraction_part = 0;  // the digits after the point, as an integer of `scale` digits
  int scale = value.scale;
  if (scale <= 0) {
    if (magnitude != 0 && (scale < -38 || magnitude > std::numeric_limits<UInt128>::max() / Pow10(-scale))) {
      return IntervalResult::kLeadingOverflow;
    }
    whole = magnitude * Pow10(-scale);
    scale = 0;
  } else if (scale > 38) {
    fraction_part = magnitude;  // far below one unit: whole part 0
  } else {
    whole = magnitude / Pow10(scale);
    fraction_part = magnitude % Pow10(scale);
  }
  if (SignificantDigits(whole) > leading_precision || whole > std::numeric_limits<SQLUINTEGER>::max()) {
    return IntervalResult::kLeadingOverflow;
  }
  Begin(c_type, negative, out);
  Store(static_cast<SQLUINTEGER>(whole), shape.first, out);
  if (fraction_part == 0) return IntervalResult::kOk;
  if (shape.first != kSecond || scale > 38) return IntervalResult::kFractionTruncated;
  bool truncated = false;
  UInt128 fraction = fraction_part;
  if (scale > seconds_precision) {
    const UInt128 divisor = Pow10(scale - seconds_precision);
    truncated = fraction % divisor != 0;
    fraction /= divisor;
  } else {
    fraction *= Pow10(seconds_precision - scale);
  }
  out.intval.day_second.fraction = static_cast<SQLUINTEGER>(fraction);
  return truncated ? IntervalResult::kFractionTruncated : IntervalResult::kOk;
}

}  // namespace e6odbc::convert
