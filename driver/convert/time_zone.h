// Region time zones ("Asia/Kolkata") for TIMESTAMP_TZ values: a reader for the
// compiled TZif files of the system zone database (RFC 8536, package tzdata)
// and the UTC offset a zone had at an instant, including the POSIX TZ rule in
// the file's footer for instants after its last transition.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace e6odbc::convert {

class TimeZone {
 public:
  // Parses the bytes of a TZif file (version 1, 2, 3 or 4); nullopt when malformed.
  static std::optional<TimeZone> Parse(std::string_view tzif);

  // Seconds east of UTC in effect at `epoch_seconds`.
  int32_t OffsetAt(int64_t epoch_seconds) const;

 private:
  // A POSIX TZ rule date "Mm.w.d/time" (the only form tzdata footers use for DST).
  struct RuleDate {
    unsigned month = 0;            // 1..12
    unsigned week = 0;             // 1..5 (5 = last)
    unsigned weekday = 0;          // 0 = Sunday
    int32_t seconds_of_day = 7200;  // local time of the change (default 02:00)
  };
  struct Footer {
    int32_t std_offset = 0;  // seconds east of UTC
    bool has_dst = false;
    int32_t dst_offset = 0;
    RuleDate dst_start, dst_end;
  };

  static std::optional<Footer> ParseFooter(std::string_view tz);
  static int32_t FooterOffset(const Footer& footer, int64_t epoch_seconds);

  std::vector<int64_t> transitions_;      // ascending UTC instants
  std::vector<int32_t> offsets_after_;    // offset from each transition on
  int32_t initial_offset_ = 0;            // before the first transition (time type 0)
  std::optional<Footer> footer_;          // after the last transition
};

// The zone named `name` from the zone database directory ($TZDIR, else
// /usr/share/zoneinfo), or nullptr when there is no such (valid) file. Zones
// are read once per process and kept in a mutex-guarded cache, the driver's
// only process-wide mutable state; misses are cached too.
std::shared_ptr<const TimeZone> FindTimeZone(std::string_view name);

}  // namespace e6odbc::convert
