// The TZif reader and zone cache: offsets across DST transitions, before 1970
// and before standard time, beyond the files' last transition (footer rule),
// hand-built files and malformed ones. Expected offsets were taken from
// Python's zoneinfo for the same instants.
#include "convert/time_zone.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace e6odbc::convert {
namespace {

struct ZoneCase {
  const char* zone;
  int64_t epoch_seconds;
  int32_t offset;
};

class SystemZones : public ::testing::TestWithParam<ZoneCase> {};

TEST_P(SystemZones, OffsetAtInstant) {
  const std::shared_ptr<const TimeZone> zone = FindTimeZone(GetParam().zone);
  ASSERT_NE(zone, nullptr) << GetParam().zone << " (is tzdata installed?)";
  EXPECT_EQ(zone->OffsetAt(GetParam().epoch_seconds), GetParam().offset)
      << GetParam().zone << " at " << GetParam().epoch_seconds;
}

INSTANTIATE_TEST_SUITE_P(
    Tzdata, SystemZones,
    ::testing::Values(
        // New York 2024: EST until 2024-03-10 07:00 UTC, EDT until 2024-11-03 06:00 UTC.
        ZoneCase{"America/New_York", 1710053999, -18000}, ZoneCase{"America/New_York", 1710054000, -14400},
        ZoneCase{"America/New_York", 1730613599, -14400}, ZoneCase{"America/New_York", 1730613600, -18000},
        ZoneCase{"America/New_York", -299894400, -14400},  // 1960-07-01: EDT before 1970
        ZoneCase{"America/New_York", -3786825600, -17762},  // 1850: local mean time -4:56:02
        ZoneCase{"America/New_York", 4118126400, -14400},   // 2100-07-01: past the file's table
        ZoneCase{"America/New_York", 4131345600, -18000},   // 2100-12-01
        ZoneCase{"Europe/London", 0, 3600},                 // British Standard Time, 1968-1971
        ZoneCase{"Europe/London", 157766400, 0},
        ZoneCase{"Asia/Kolkata", -852076800, 23400},  // 1943: +06:30 war time
        ZoneCase{"Asia/Kolkata", 0, 19800},
        // Southern hemisphere: DST wraps the year end.
        ZoneCase{"Australia/Sydney", 5681491200, 39600}, ZoneCase{"Australia/Sydney", 5697129600, 36000},
        ZoneCase{"Australia/Sydney", 1712419199, 39600}, ZoneCase{"Australia/Sydney", 1712419200, 36000}));

TEST(TimeZones, UnknownAndUnsafeNamesAreNotFound) {
  EXPECT_EQ(FindTimeZone("Mars/Olympus_Mons"), nullptr);
  EXPECT_EQ(FindTimeZone(""), nullptr);
  EXPECT_EQ(FindTimeZone("../../etc/passwd"), nullptr);
  EXPECT_EQ(FindTimeZone("/etc/localtime"), nullptr);
  EXPECT_EQ(FindTimeZone("America/../America/New_York"), nullptr);
  EXPECT_EQ(FindTimeZone("America"), nullptr);  // a directory, not a TZif file
}

TEST(TimeZones, CacheReturnsTheSameZoneAcrossThreads) {
  const std::shared_ptr<const TimeZone> first = FindTimeZone("Europe/Berlin");
  ASSERT_NE(first, nullptr);
  std::vector<std::shared_ptr<const TimeZone>> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&seen, i] { seen[i] = FindTimeZone("Europe/Berlin"); });
  for (std::thread& t : threads) t.join();
  for (const auto& zone : seen) EXPECT_EQ(zone, first);
}

// ---- hand-built TZif files ----

void Put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}
void Put64(std::string& out, int64_t v) {
  Put32(out, static_cast<uint32_t>(static_cast<uint64_t>(v) >> 32));
  Put32(out, static_cast<uint32_t>(v));
}

struct Type {
  int32_t offset;
  bool dst;
};

// A TZif file of `version` ('\0' or '2') with the given transitions (time,
// type index) and types; version 2 gets `footer` ("" = none).
std::string BuildTzif(char version, const std::vector<std::pair<int64_t, uint8_t>>& transitions,
                      const std::vector<Type>& types, const std::string& footer) {
  const std::string chars = "ABC";
  const auto block = [&](size_t time_size) {
    std::string header = "TZif";
    header.push_back(version);
    header.append(15, '\0');
    for (uint32_t count : {0u, 0u, 0u, static_cast<uint32_t>(transitions.size()), static_cast<uint32_t>(types.size()),
                           static_cast<uint32_t>(chars.size() + 1)}) {
      Put32(header, count);
    }
    for (const auto& [when, type] : transitions) {
      if (time_size == 8) {
        Put64(header, when);
      } else {
        Put32(header, static_cast<uint32_t>(static_cast<int32_t>(when)));
      }
    }
    for (const auto& [when, type] : transitions) header.push_back(static_cast<char>(type));
    for (const Type& t : types) {
      Put32(header, static_cast<uint32_t>(t.offset));
      header.push_back(t.dst ? 1 : 0);
      header.push_back(0);
    }
    header += chars;
    header.push_back('\0');
    return header;
  };
  std::string file = block(4);
  if (version != '\0') file += block(8) + "\n" + footer + "\n";
  return file;
}

TEST(TimeZones, Version1FileUsesItsTransitions) {
  const auto zone = TimeZone::Parse(BuildTzif('\0', {{1000, 1}, {2000, 0}}, {{3600, false}, {7200, true}}, ""));
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->OffsetAt(-5000000000), 3600);  // before the first transition: type 0
  EXPECT_EQ(zone->OffsetAt(999), 3600);
  EXPECT_EQ(zone->OffsetAt(1000), 7200);
  EXPECT_EQ(zone->OffsetAt(1999), 7200);
  EXPECT_EQ(zone->OffsetAt(2000), 3600);
  EXPECT_EQ(zone->OffsetAt(5000000000), 3600);  // no footer: the last type stays
}

TEST(TimeZones, FooterRuleAppliesAfterTheLastTransition) {
  // A "slim" file: no transitions, only the POSIX rule of US Eastern time.
  const auto zone = TimeZone::Parse(BuildTzif('2', {}, {{-18000, false}}, "EST5EDT,M3.2.0,M11.1.0"));
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->OffsetAt(1710053999), -18000);  // 2024-03-10 01:59:59 EST
  EXPECT_EQ(zone->OffsetAt(1710054000), -14400);  // 03:00 EDT
  EXPECT_EQ(zone->OffsetAt(1730613599), -14400);  // 2024-11-03 01:59:59 EDT
  EXPECT_EQ(zone->OffsetAt(1730613600), -18000);
  EXPECT_EQ(zone->OffsetAt(-299894400), -14400);  // the rule also answers for 1960
}

TEST(TimeZones, FooterWithQuotedNamesAndExplicitTimes) {
  // Chile-like southern rule with <-04>/<-03> names and explicit change times.
  const auto zone =
      TimeZone::Parse(BuildTzif('2', {}, {{-14400, false}}, "<-04>4<-03>,M9.1.6/24,M4.1.6/24"));
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->OffsetAt(1704067200), -10800);  // 2024-01-01: summer
  EXPECT_EQ(zone->OffsetAt(1719792000), -14400);  // 2024-07-01: winter
  const auto fixed = TimeZone::Parse(BuildTzif('2', {}, {{19800, false}}, "IST-5:30"));
  ASSERT_TRUE(fixed.has_value());
  EXPECT_EQ(fixed->OffsetAt(0), 19800);
}

TEST(TimeZones, MalformedFilesAreRejected) {
  const std::string good = BuildTzif('2', {{1000, 0}}, {{3600, false}}, "");
  EXPECT_TRUE(TimeZone::Parse(good).has_value());
  EXPECT_FALSE(TimeZone::Parse("").has_value());
  EXPECT_FALSE(TimeZone::Parse("TZif2").has_value());
  EXPECT_FALSE(TimeZone::Parse("NOPE" + good.substr(4)).has_value());
  EXPECT_FALSE(TimeZone::Parse(good.substr(0, good.size() / 2)).has_value());  // truncated
  EXPECT_FALSE(TimeZone::Parse(BuildTzif('2', {{1000, 3}}, {{3600, false}}, "")).has_value());  // bad type index
  EXPECT_FALSE(TimeZone::Parse(BuildTzif('2', {{2000, 0}, {1000, 0}}, {{0, false}}, "")).has_value());  // unordered
  EXPECT_FALSE(TimeZone::Parse(BuildTzif('2', {}, {}, "")).has_value());  // no types
}

}  // namespace
}  // namespace e6odbc::convert
