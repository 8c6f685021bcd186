#include "convert/civil_time.h"

namespace e6odbc::convert {

// Days <-> civil date by 400-year eras (146097 days each); month numbering
// starts in March so the leap day is the last day of the computed year.
CivilDate CivilFromDays(int64_t days) {
  days += 719468;  // shift the epoch from 1970-01-01 to 0000-03-01
  const int64_t era = FloorDiv(days, 146097);
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t month_index = (5 * day_of_year + 2) / 153;  // 0 = March
  const auto day = static_cast<unsigned>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(month_index < 10 ? month_index + 3 : month_index - 9);
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = FloorDiv(year, 400);
  const int64_t year_of_era = year - era * 400;
  const int64_t month_index = month > 2 ? month - 3 : month + 9;
  const int64_t day_of_year = (153 * month_index + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilTimestamp TimestampFromMicros(int64_t micros) {
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t in_day = micros - days * kMicrosPerDay;
  const int64_t seconds = in_day / kMicrosPerSecond;
  return {CivilFromDays(days), static_cast<unsigned>(seconds / 3600), static_cast<unsigned>(seconds / 60 % 60),
          static_cast<unsigned>(seconds % 60), static_cast<uint32_t>(in_day % kMicrosPerSecond)};
}

std::optional<int32_t> ParseFixedOffset(std::string_view zone) {
  if (zone.empty() || zone == "Z" || zone == "z" || zone == "UTC") return 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':') return std::nullopt;
  const auto digit = [&](size_t i) -> int { return zone[i] >= '0' && zone[i] <= '9' ? zone[i] - '0' : -1; };
  const int h1 = digit(1), h2 = digit(2), m1 = digit(4), m2 = digit(5);
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return std::nullopt;
  const int hours = h1 * 10 + h2, minutes = m1 * 10 + m2;
  if (hours > 18 || minutes > 59) return std::nullopt;
  const int32_t seconds = (hours * 60 + minutes) * 60;
  return zone[0] == '-' ? -seconds : seconds;
}

}  // namespace e6odbc::convert
