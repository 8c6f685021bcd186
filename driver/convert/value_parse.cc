#include "convert/value_parse.h"

#include <cstdlib>
#include <string>

#include "common/text.h"
#include "convert/civil_time.h"

namespace e6odbc::convert {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` digits at text[pos].
std::optional<int64_t> Digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int64_t value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

unsigned DaysInMonth(int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<wire::Decimal> ParseDecimal(std::string_view text) {
  text = Trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  wire::Int128 unscaled = 0;
  int32_t scale = 0;
  int digits = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (const char c : text) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!IsDigit(c)) return std::nullopt;
    seen_digit = true;
    if (digits > 0 || c != '0') ++digits;
    if (digits > 38) return std::nullopt;
    unscaled = unscaled * 10 + (c - '0');
    if (seen_point) ++scale;
  }
  if (!seen_digit) return std::nullopt;
  return wire::Decimal{negative ? -unscaled : unscaled, scale};
}

std::optional<double> ParseDouble(std::string_view text) {
  const std::string copy(Trim(text));
  if (copy.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  return value;
}

namespace {

// "HH:MM:SS[.fraction]" at `text` (exactly): microseconds since midnight.
DatetimeText ParseTimeOfDay(std::string_view text) {
  DatetimeText out;
  const auto hour = Digits(text, 0, 2);
  const auto minute = Digits(text, 3, 2);
  const auto second = Digits(text, 6, 2);
  if (text.size() < 8 || !hour || !minute || !second || text[2] != ':' || text[5] != ':') return out;
  int64_t fraction = 0;
  if (text.size() > 8) {
    if (text[8] != '.' || text.size() == 9 || text.size() > 18) return out;
    int64_t scale = 100000;
    for (size_t i = 9; i < text.size(); ++i) {
      if (!IsDigit(text[i])) return out;
      fraction += (text[i] - '0') * scale;  // digits beyond microseconds are dropped
      scale /= 10;
    }
  }
  if (*hour > 23 || *minute > 59 || *second > 59) {
    out.status = DatetimeText::Status::kInvalidValue;
    return out;
  }
  out.status = DatetimeText::Status::kOk;
  out.shape = DatetimeText::Shape::kTime;
  out.micros = ((*hour * 60 + *minute) * 60 + *second) * kMicrosPerSecond + fraction;
  return out;
}

}  // namespace

DatetimeText ParseDatetimeText(std::string_view text) {
  text = Trim(text);
  DatetimeText out;
  if (text.size() >= 3 && text[2] == ':') return ParseTimeOfDay(text);
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  if (text.size() < 10 || !year || !month || !day || text[4] != '-' || text[7] != '-') return out;
  DatetimeText time;
  if (text.size() > 10) {
    if (text[10] != ' ' && text[10] != 'T') return out;
    time = ParseTimeOfDay(text.substr(11));
    if (time.status == DatetimeText::Status::kNotALiteral) return out;
  }
  if (*month < 1 || *month > 12 || *day < 1 || *day > DaysInMonth(*year, static_cast<unsigned>(*month)) ||
      time.status == DatetimeText::Status::kInvalidValue) {
    out.status = DatetimeText::Status::kInvalidValue;
    return out;
  }
  out.status = DatetimeText::Status::kOk;
  out.shape = text.size() == 10 ? DatetimeText::Shape::kDate : DatetimeText::Shape::kTimestamp;
  out.micros = DaysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * kMicrosPerDay +
               (text.size() == 10 ? 0 : time.micros);
  return out;
}

}  // namespace e6odbc::convert
