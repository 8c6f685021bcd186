#include "convert/civil_time.h"

#include <gtest/gtest.h>

namespace e6odbc::convert {
namespace {

TEST(CivilTime, FloorDivisionRoundsTowardNegativeInfinity) {
  EXPECT_EQ(FloorDiv(-1, 86400), -1);
  EXPECT_EQ(FloorMod(-1, 86400), 86399);
  EXPECT_EQ(FloorDiv(86400, 86400), 1);
  EXPECT_EQ(FloorDiv(-86400, 86400), -1);
  EXPECT_EQ(FloorMod(-86400, 86400), 0);
}

struct DayCase {
  int64_t days;
  int64_t year;
  unsigned month, day;
};

class CivilDays : public ::testing::TestWithParam<DayCase> {};

TEST_P(CivilDays, RoundTrips) {
  const DayCase c = GetParam();
  const CivilDate d = CivilFromDays(c.days);
  EXPECT_EQ(d.year, c.year);
  EXPECT_EQ(d.month, c.month);
  EXPECT_EQ(d.day, c.day);
  EXPECT_EQ(DaysFromCivil(c.year, c.month, c.day), c.days);
}

// Reference points computed by counting days by hand from 1970-01-01.
INSTANTIATE_TEST_SUITE_P(Dates, CivilDays,
                         ::testing::Values(DayCase{0, 1970, 1, 1}, DayCase{-1, 1969, 12, 31},
                                           DayCase{59, 1970, 3, 1}, DayCase{20496, 2026, 2, 12},
                                           DayCase{11016, 2000, 2, 29}, DayCase{-25567, 1900, 1, 1},
                                           DayCase{-719528, 0, 1, 1}, DayCase{2932896, 9999, 12, 31},
                                           DayCase{-719529, -1, 12, 31}));

TEST(CivilTime, MicrosBeforeEpochUseTrueFloor) {
  // TV4 row 1 col 1: -1 µs is 1969-12-31 23:59:59.999999, not the reference's malformed value.
  const CivilTimestamp t = TimestampFromMicros(-1);
  EXPECT_EQ(t.date.year, 1969);
  EXPECT_EQ(t.date.month, 12u);
  EXPECT_EQ(t.date.day, 31u);
  EXPECT_EQ(t.hour, 23u);
  EXPECT_EQ(t.minute, 59u);
  EXPECT_EQ(t.second, 59u);
  EXPECT_EQ(t.microsecond, 999999u);
}

TEST(CivilTime, FixedOffsets) {
  EXPECT_EQ(ParseFixedOffset("+05:30"), 19800);
  EXPECT_EQ(ParseFixedOffset("-08:00"), -28800);
  EXPECT_EQ(ParseFixedOffset("Z"), 0);
  EXPECT_EQ(ParseFixedOffset(""), 0);
  EXPECT_EQ(ParseFixedOffset("Asia/Kolkata"), std::nullopt);
  EXPECT_EQ(ParseFixedOffset("+5:30"), std::nullopt);
  EXPECT_EQ(ParseFixedOffset("+25:00"), std::nullopt);
}

}  // namespace
}  // namespace e6odbc::convert
