// DECIMAL128 payloads: sign-extended big-endian integers of 1..16 bytes, and
// the decimal-text fallback of legacy engines for longer payloads.
#include "wire/decimal128.h"

#include <gtest/gtest.h>

#include <string>

#include "wire/decode_error.h"

namespace e6odbc::wire {
namespace {

Int128 TenTo(int n) {
  Int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

TEST(Decimal128, ShortBinariesAreSignExtended) {
  EXPECT_TRUE(DecodeDecimal128("\xff", 0).unscaled == -1);
  EXPECT_TRUE(DecodeDecimal128("\x7f", 0).unscaled == 127);
  EXPECT_TRUE(DecodeDecimal128("\x80", 0).unscaled == -128);
  EXPECT_TRUE(DecodeDecimal128(std::string("\x00\x80", 2), 0).unscaled == 128);
  EXPECT_TRUE(DecodeDecimal128(std::string("\xff\x7f", 2), 0).unscaled == -129);
  EXPECT_TRUE(DecodeDecimal128(std::string("\x30\x39", 2), 2).unscaled == 12345);
  EXPECT_EQ(DecodeDecimal128(std::string("\x30\x39", 2), 2).scale, 2);
  EXPECT_EQ(DecodeDecimal128("\x01", -3).scale, -3);  // the scale is passed through
}

TEST(Decimal128, EveryLengthFromOneToSixteen) {
  for (size_t n = 1; n <= 16; ++n) {
    // All 0xFF is -1 at every length; 0x80 then zeros is -2^(8n-1).
    EXPECT_TRUE(DecodeDecimal128(std::string(n, '\xff'), 0).unscaled == -1) << n;
    std::string min(n, '\0');
    min[0] = '\x80';
    Int128 expected_min = -1;
    for (size_t k = 1; k < 8 * n; ++k) expected_min *= 2;
    EXPECT_TRUE(DecodeDecimal128(min, 0).unscaled == expected_min) << n;
    // A leading zero byte keeps a high bit positive: 00 FF .. FF = 2^(8(n-1)) - 1.
    std::string positive(n, '\xff');
    positive[0] = '\0';
    Int128 expected_positive = 1;
    for (size_t k = 0; k < 8 * (n - 1); ++k) expected_positive *= 2;
    EXPECT_TRUE(DecodeDecimal128(positive, 0).unscaled == expected_positive - 1) << n;
  }
}

TEST(Decimal128, SixteenBytesOfTheSpecVector) {
  // TV3's constant: 10^38 - 1, built here by multiplying rather than from hex.
  const std::string bytes("\x4b\x3b\x4c\xa8\x5a\x86\xc4\x7a\x09\x8a\x22\x3f\xff\xff\xff\xff", 16);
  EXPECT_TRUE(DecodeDecimal128(bytes, 2).unscaled == TenTo(38) - 1);
  // 16 bytes that happen to be ASCII digits are still an integer (spec §12.3).
  const Decimal ascii = DecodeDecimal128("1234567890123456", 0);
  EXPECT_FALSE(ascii.unscaled == 1234567890123456);
}

TEST(Decimal128, LongPayloadsFallBackToDecimalText) {
  const Decimal a = DecodeDecimal128("12345678901234567.89", 7);
  EXPECT_TRUE(a.unscaled == 1234567890123456789);
  EXPECT_EQ(a.scale, 2);  // the text's own scale; the field's is ignored
  const Decimal b = DecodeDecimal128("-0.000000000000000001", 0);
  EXPECT_TRUE(b.unscaled == -1);
  EXPECT_EQ(b.scale, 18);
  const Decimal c = DecodeDecimal128("99999999999999999999999999999999999999", 0);  // 38 nines
  EXPECT_TRUE(c.unscaled == TenTo(38) - 1);
  EXPECT_EQ(c.scale, 0);
}

TEST(Decimal128, LongPayloadsThatAreNotTextAreErrors) {
  EXPECT_THROW(DecodeDecimal128(std::string(17, '\x5a'), 0), DecodeError);
  EXPECT_THROW(DecodeDecimal128(std::string(17, '\0'), 0), DecodeError);
  EXPECT_THROW(DecodeDecimal128("123456789012345678x", 0), DecodeError);
  EXPECT_THROW(DecodeDecimal128("999999999999999999999999999999999999999", 0), DecodeError);  // 39 digits
  EXPECT_THROW(DecodeDecimal128(std::string(100000, '1'), 0), DecodeError);
  EXPECT_THROW(DecodeDecimal128("", 0), DecodeError);
}

TEST(Decimal128, DecimalTextGrammar) {
  Decimal d;
  ASSERT_TRUE(ParseDecimalText("123.45", d));
  EXPECT_TRUE(d.unscaled == 12345);
  EXPECT_EQ(d.scale, 2);
  ASSERT_TRUE(ParseDecimalText("+7", d));
  EXPECT_TRUE(d.unscaled == 7);
  EXPECT_EQ(d.scale, 0);
  ASSERT_TRUE(ParseDecimalText(".5", d));
  EXPECT_TRUE(d.unscaled == 5);
  EXPECT_EQ(d.scale, 1);
  ASSERT_TRUE(ParseDecimalText("5.", d));
  EXPECT_TRUE(d.unscaled == 5);
  EXPECT_EQ(d.scale, 0);
  ASSERT_TRUE(ParseDecimalText("1.5E+3", d));
  EXPECT_TRUE(d.unscaled == 1500);
  EXPECT_EQ(d.scale, 0);
  ASSERT_TRUE(ParseDecimalText("-1e-3", d));
  EXPECT_TRUE(d.unscaled == -1);
  EXPECT_EQ(d.scale, 3);
  ASSERT_TRUE(ParseDecimalText("0000000000000000000000000000000000000000001", d));  // leading zeros are free
  EXPECT_TRUE(d.unscaled == 1);
  for (const char* bad : {"", "-", ".", "1.2.3", "1e", "1e+", "1e99999", "1E38", "1e-39", "0x10", " 1", "1 ",
                          "--1", "1,5", "nan", "inf", "1e3.5"}) {
    EXPECT_FALSE(ParseDecimalText(bad, d)) << bad;
  }
}

}  // namespace
}  // namespace e6odbc::wire
