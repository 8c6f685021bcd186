// Calendar arithmetic for the engine's epoch-microsecond values: proleptic
// Gregorian, UTC, with true floor division so instants before 1970 land on the
// right day and second (the reference client's double floor correction,
// protocol spec §12.3, is deliberately not reproduced).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace e6odbc::convert {

struct CivilDate {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

struct CivilTimestamp {
  CivilDate date;
  unsigned hour, minute, second;
  uint32_t microsecond;  // 0..999999
};

// floor(a / b) and the matching non-negative remainder, for b > 0.
constexpr int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && (a < 0)); }
constexpr int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

CivilDate CivilFromDays(int64_t days_since_epoch);
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
CivilTimestamp TimestampFromMicros(int64_t epoch_micros);

// A fixed UTC offset in seconds parsed from "+05:30", "-08:00", "Z" or "" (UTC).
// nullopt for anything else (e.g. a region name such as "Asia/Kolkata").
std::optional<int32_t> ParseFixedOffset(std::string_view zone);

}  // namespace e6odbc::convert
