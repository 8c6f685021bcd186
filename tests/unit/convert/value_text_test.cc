#include "convert/value_text.h"

#include <gtest/gtest.h>

namespace e6odbc::convert {
namespace {

std::string Decimal(wire::Int128 unscaled, int32_t scale) {
  std::string out;
  AppendDecimalText(unscaled, scale, out);
  return out;
}

wire::Int128 TenToThe38MinusOne() {
  wire::Int128 v = 1;
  for (int i = 0; i < 38; ++i) v *= 10;
  return v - 1;
}

TEST(ValueText, DecimalsAreExact) {
  EXPECT_EQ(Decimal(12345, 2), "123.45");
  EXPECT_EQ(Decimal(-1, 2), "-0.01");
  EXPECT_EQ(Decimal(0, 2), "0.00");
  EXPECT_EQ(Decimal(0, 0), "0");
  EXPECT_EQ(Decimal(5, -3), "5000");
  EXPECT_EQ(Decimal(0, -3), "0");
  EXPECT_EQ(Decimal(TenToThe38MinusOne(), 2), "999999999999999999999999999999999999.99");
  EXPECT_EQ(Decimal(-TenToThe38MinusOne(), 0), "-99999999999999999999999999999999999999");
}

TEST(ValueText, DatesIncludingBeforeEpochAndLargeYears) {
  std::string out;
  AppendDateText(20496, out);
  EXPECT_EQ(out, "2026-02-12");
  out.clear();
  AppendDateText(-1, out);
  EXPECT_EQ(out, "1969-12-31");
  out.clear();
  AppendDateText(3563460, out);  // 11726-...: five-digit years keep all digits
  EXPECT_EQ(out.substr(0, 6), "11726-");
}

TEST(ValueText, TimestampsCarryMicroseconds) {
  std::string out;
  AppendTimestampText(1770854400123456, out);
  EXPECT_EQ(out, "2026-02-12 00:00:00.123456");
  out.clear();
  AppendTimestampText(1770854400000000, out);
  EXPECT_EQ(out, "2026-02-12 00:00:00");
  out.clear();
  AppendTimestampText(-1, out);
  EXPECT_EQ(out, "1969-12-31 23:59:59.999999");
}

TEST(ValueText, ZonedTimestampsShowLocalTimeAndOffset) {
  wire::ColumnVector column;
  column.type = wire::VectorType::kTimestampTz;
  column.int64_values = {1770854400000000, 1770854400000000, 1770854400000000, 1770854400000000};
  column.zone_values = {"+05:30", "Z", "Asia/Kolkata", "Mars/Olympus_Mons"};
  std::string out;
  AppendCellText(column, 0, out);
  EXPECT_EQ(out, "2026-02-12 05:30:00+05:30");
  out.clear();
  AppendCellText(column, 1, out);
  EXPECT_EQ(out, "2026-02-12 00:00:00+00:00");
  out.clear();
  AppendCellText(column, 2, out);
  EXPECT_EQ(out, "2026-02-12 05:30:00+05:30[Asia/Kolkata]");
  out.clear();
  AppendCellText(column, 3, out);  // not in the zone database: the UTC instant and the name
  EXPECT_EQ(out, "2026-02-12 00:00:00Z[Mars/Olympus_Mons]");
}

TEST(ValueText, DoublesRoundTrip) {
  std::string out;
  AppendDoubleText(0.1, out);
  EXPECT_EQ(out, "0.1");
  out.clear();
  AppendDoubleText(-2.5e300, out);
  EXPECT_EQ(std::stod(out), -2.5e300);
}

}  // namespace
}  // namespace e6odbc::convert
