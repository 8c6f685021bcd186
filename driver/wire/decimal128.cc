#include "wire/decimal128.h"

#include <string>

#include "wire/decode_error.h"

namespace e6odbc::wire {
namespace {

constexpr int kMaxDigits = 38;  // DECIMAL128's precision
constexpr int kMaxExponentDigits = 4;

constexpr Int128 PowerOfTen(int n) {
  Int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}
constexpr Int128 kLimit = PowerOfTen(kMaxDigits);  // values must stay below it

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Decimal DecodeDecimal128(std::string_view bytes, int32_t scale) {
  if (bytes.empty()) throw DecodeError("DECIMAL128 value: empty binary");
  if (bytes.size() > 16) {
    Decimal text;
    if (ParseDecimalText(bytes, text)) return text;
    throw DecodeError("DECIMAL128 value: " + std::to_string(bytes.size()) +
                      " bytes that are neither a 1-16 byte integer nor decimal text");
  }
  // Start from all ones for a negative number so the shifts sign-extend.
  __extension__ using Unsigned128 = unsigned __int128;
  Unsigned128 bits = (static_cast<unsigned char>(bytes[0]) & 0x80) != 0 ? ~Unsigned128{0} : 0;
  for (const char byte : bytes) bits = (bits << 8) | static_cast<unsigned char>(byte);
  return {static_cast<Int128>(bits), scale};
}

bool ParseDecimalText(std::string_view text, Decimal& out) noexcept {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  Int128 value = 0;
  int digits = 0;            // all mantissa digits seen
  int fraction_digits = 0;   // of which after the point
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
    } else if (IsDigit(c)) {
      const int digit = c - '0';
      if (value > (kLimit - 1 - digit) / 10) return false;  // checked before it could overflow
      value = value * 10 + digit;
      ++digits;
      if (point) ++fraction_digits;
    } else {
      break;
    }
  }
  if (digits == 0) return false;
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative_exponent = text[i++] == '-';
    int exponent_digits = 0;
    for (; i < text.size() && IsDigit(text[i]); ++i) {
      if (++exponent_digits > kMaxExponentDigits) return false;
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (exponent_digits == 0) return false;
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) return false;  // anything after the literal
  int scale = fraction_digits - exponent;
  for (; scale < 0; ++scale) {  // a positive exponent: scale up to scale 0
    if (value >= kLimit / 10) return false;
    value *= 10;
  }
  if (scale > kMaxDigits) return false;
  out = {negative ? -value : value, scale};
  return true;
}

}  // namespace e6odbc::wire
