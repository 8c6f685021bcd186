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

std::optional<int64_t> ParseTimestampText(std::string_view text, bool& date_only) {
  text = Trim(text);
  const auto year = Digits(text, 0, 4);
  const auto month = Digits(text, 5, 2);
  const auto day = Digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > DaysInMonth(*year, static_cast<unsigned>(*month))) {
    return std::nullopt;
  }
  int64_t micros = DaysFromCivil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day)) * kMicrosPerDay;
  date_only = text.size() == 10;
  if (date_only) return micros;
  const auto hour = Digits(text, 11, 2);
  const auto minute = Digits(text, 14, 2);
  const auto second = Digits(text, 17, 2);
  if ((text[10] != ' ' && text[10] != 'T') || !hour || !minute || !second || text[13] != ':' || text[16] != ':' ||
      *hour > 23 || *minute > 59 || *second > 59) {
    return std::nullopt;
  }
  micros += ((*hour * 60 + *minute) * 60 + *second) * kMicrosPerSecond;
  if (text.size() == 19) return micros;
  if (text[19] != '.' || text.size() == 20 || text.size() > 29) return std::nullopt;
  int64_t fraction = 0;
  int64_t scale = 100000;
  for (size_t i = 20; i < text.size(); ++i) {
    if (!IsDigit(text[i])) return std::nullopt;
    fraction += (text[i] - '0') * scale;  // digits beyond microseconds are dropped
    scale /= 10;
  }
  return micros + fraction;
}

}  // namespace e6odbc::convert
