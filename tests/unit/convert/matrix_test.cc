// The whole conversion matrix: every (wire type, C type) pair is enumerated.
// Forbidden pairs must have no converter (07006); every allowed pair converts
// NULL (and reports 22002 without an indicator) and is exercised by the value
// tables below: a typical value, edges, and the failures it can produce with
// their SQLSTATEs. Legality comes from ODBC appendix D (SQL to C tables) for
// the SQL type each wire type is described as; expected values are written out
// by hand, never produced by the code under test.
#include <gtest/gtest.h>

#include "odbc_c_types.h"

#include <ctime>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "convert/converters.h"

namespace e6odbc::convert {
namespace {

using wire::ColumnVector;
using wire::Int128;
using wire::VectorType;

// ---- the two axes ------------------------------------------------------------------

using Family = e6support::CTypeFamily;
using e6support::CType;
using e6support::kCTypes;

constexpr VectorType kWireTypes[] = {
    VectorType::kBinary, VectorType::kBoolean,   VectorType::kDouble,  VectorType::kFloat,       VectorType::kInt96,
    VectorType::kInteger, VectorType::kLong,     VectorType::kString,  VectorType::kDate,        VectorType::kDateTime,
    VectorType::kTimestamp, VectorType::kStruct, VectorType::kMap,     VectorType::kArray,       VectorType::kNull,
    VectorType::kTimestampTz, VectorType::kDecimal128};

bool IsSingleField(SQLSMALLINT c) {
  return c == SQL_C_INTERVAL_YEAR || c == SQL_C_INTERVAL_MONTH || c == SQL_C_INTERVAL_DAY || c == SQL_C_INTERVAL_HOUR ||
         c == SQL_C_INTERVAL_MINUTE || c == SQL_C_INTERVAL_SECOND;
}

// Appendix D, by the SQL type docs/type-mapping.md gives each wire type.
bool Legal(VectorType type, const CType& c) {
  const Family f = c.family;
  if (f == Family::kChar || f == Family::kWChar) return true;
  switch (type) {
    case VectorType::kNull:  // every row NULL: nothing to convert
    case VectorType::kString:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct:
    case VectorType::kTimestampTz:  // SQL_VARCHAR: "SQL to C: Character" allows every C type
      return true;
    case VectorType::kLong:
    case VectorType::kInteger:
    case VectorType::kDecimal128:  // exact numerics: also single-field intervals
      if (f == Family::kInterval) return IsSingleField(c.id);
      [[fallthrough]];
    case VectorType::kDouble:
    case VectorType::kFloat:
    case VectorType::kBoolean:
      return f == Family::kBinary || f == Family::kInteger || f == Family::kFloating || f == Family::kBit ||
             f == Family::kNumeric;
    case VectorType::kBinary:
      return f == Family::kBinary;
    case VectorType::kDate:
      return f == Family::kBinary || f == Family::kDate || f == Family::kTimestamp;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96:
      return f == Family::kBinary || f == Family::kDate || f == Family::kTime || f == Family::kTimestamp;
  }
  return false;
}

// ---- one-row vectors ---------------------------------------------------------------------

ColumnVector Make(VectorType type) {
  ColumnVector c;
  c.type = type;
  return c;
}
ColumnVector Int64Cell(VectorType type, int64_t v) {
  ColumnVector c = Make(type);
  c.int64_values = {v};
  return c;
}
ColumnVector Long(int64_t v) { return Int64Cell(VectorType::kLong, v); }
ColumnVector Int(int64_t v) { return Int64Cell(VectorType::kInteger, v); }
ColumnVector Dbl(double v, VectorType type = VectorType::kDouble) {
  ColumnVector c = Make(type);
  c.double_values = {v};
  return c;
}
ColumnVector Bool(bool v) {
  ColumnVector c = Make(VectorType::kBoolean);
  c.bool_values = {static_cast<uint8_t>(v ? 1 : 0)};
  return c;
}
ColumnVector Dec(Int128 unscaled, int32_t scale) {
  ColumnVector c = Make(VectorType::kDecimal128);
  c.decimal_values = {{unscaled, scale}};
  return c;
}
ColumnVector Text(std::string_view v, VectorType type = VectorType::kString) {
  ColumnVector c = Make(type);
  c.text_values = {v};
  return c;
}
ColumnVector Tz(int64_t micros, std::string_view zone) {
  ColumnVector c = Int64Cell(VectorType::kTimestampTz, micros);
  c.zone_values = {zone};
  return c;
}
constexpr int64_t kDay = 86'400'000'000;
constexpr int64_t kFeb12 = 20496 * kDay;  // 2026-02-12T00:00:00Z

// One value through one C type.
struct Outcome {
  std::vector<char> bytes;
  SQLLEN indicator = -7;
  CellIssues issues;
  bool converter_found = false;

  bool Failed(const char* state) const {
    return issues.size() == 1 && std::string(issues[0].sqlstate) == state && issues[0].is_error;
  }
  bool Warned(const char* state) const {
    return issues.size() == 1 && std::string(issues[0].sqlstate) == state && !issues[0].is_error;
  }
  template <typename T>
  T As() const {
    T value{};
    std::memcpy(&value, bytes.data(), sizeof value);
    return value;
  }
};

Outcome Convert(const ColumnVector& c, SQLSMALLINT c_type, SQLLEN buffer = 64, SQLSMALLINT precision = -1,
                SQLSMALLINT scale = 0, SQLINTEGER leading = kDefaultIntervalLeadingPrecision) {
  Outcome o;
  o.bytes.assign(static_cast<size_t>(buffer > 0 ? buffer : 1), '\x5A');
  const RunConverter converter = FindConverter(c.type, c_type);
  o.converter_found = converter != nullptr;
  if (converter == nullptr) return o;
  Target t;
  t.c_type = c_type;
  t.data = o.bytes.data();
  t.buffer_length = FixedSizeOf(c_type) != 0 ? static_cast<SQLLEN>(FixedSizeOf(c_type)) : buffer;
  t.indicator = &o.indicator;
  t.octet_length = &o.indicator;
  t.precision = precision >= 0 ? precision : DefaultPrecision(c_type);
  t.scale = scale;
  t.leading_precision = leading;
  converter(c, 0, 1, t, o.issues);
  return o;
}

std::string Describe(const ColumnVector& c, const CType& ct) {
  return std::string(wire::VectorTypeName(c.type)) + " -> SQL_C_" + ct.name;
}

// ---- every pair: legality and NULL ----------------------------------------------------------------

TEST(Matrix, EveryPairIsConvertibleExactlyWhenAppendixDAllowsIt) {
  size_t legal = 0;
  for (const VectorType type : kWireTypes) {
    for (const CType& ct : kCTypes) {
      const bool found = FindConverter(type, ct.id) != nullptr;
      EXPECT_EQ(found, Legal(type, ct)) << wire::VectorTypeName(type) << " -> SQL_C_" << ct.name
                                        << (found ? " converts but must be 07006" : " must convert");
      legal += Legal(type, ct) ? 1 : 0;
    }
  }
  EXPECT_EQ(legal, 391u);  // 17 wire types x 38 C types = 646 pairs, 255 of them 07006
}

TEST(Matrix, EveryAllowedPairDeliversNullAndNeedsAnIndicatorForIt) {
  for (const VectorType type : kWireTypes) {
    ColumnVector c = Make(type);
    if (type != VectorType::kNull) {
      c.null_flags = {1};
      c.int64_values = {0};
      c.double_values = {0};
      c.bool_values = {0};
      c.text_values = {""};
      c.decimal_values = {{0, 0}};
      c.zone_values = {""};
    }
    for (const CType& ct : kCTypes) {
      const RunConverter converter = FindConverter(type, ct.id);
      if (converter == nullptr) continue;
      char buffer[64];
      SQLLEN indicator = 0;
      Target t;
      t.c_type = ct.id;
      t.data = buffer;
      t.buffer_length = sizeof buffer;
      t.indicator = &indicator;
      t.octet_length = &indicator;
      CellIssues issues;
      converter(c, 0, 1, t, issues);
      EXPECT_TRUE(issues.empty()) << Describe(c, ct);
      EXPECT_EQ(indicator, SQL_NULL_DATA) << Describe(c, ct);
      t.indicator = nullptr;
      t.octet_length = nullptr;
      converter(c, 0, 1, t, issues);
      ASSERT_EQ(issues.size(), 1u) << Describe(c, ct);
      EXPECT_STREQ(issues[0].sqlstate, "22002") << Describe(c, ct);
    }
  }
}

// Which (wire type, family) cells the value tables below exercise, filled by
// the table functions; the last test checks that no allowed pair is left out.
std::set<std::pair<VectorType, Family>>& Covered() {
  static std::set<std::pair<VectorType, Family>> covered;
  return covered;
}
std::set<std::pair<VectorType, SQLSMALLINT>>& CoveredIntervals() {
  static std::set<std::pair<VectorType, SQLSMALLINT>> covered;
  return covered;
}

// ---- integers ---------------------------------------------------------------------------------------

struct IntegerCase {
  ColumnVector cell;
  Int128 value;           // the whole part the cell holds
  bool fraction = false;  // a fraction is dropped (01S07)
  const char* error = nullptr;  // fails the same way for every integer C type
};

template <typename T>
bool Fits(Int128 v) {
  return v >= static_cast<Int128>(std::numeric_limits<T>::min()) && v <= static_cast<Int128>(std::numeric_limits<T>::max());
}

bool FitsCType(SQLSMALLINT c, Int128 v, Int128& stored, const Outcome& o) {
  switch (c) {
    case SQL_C_STINYINT:
    case SQL_C_TINYINT: stored = o.As<int8_t>(); return Fits<int8_t>(v);
    case SQL_C_UTINYINT: stored = o.As<uint8_t>(); return Fits<uint8_t>(v);
    case SQL_C_SSHORT:
    case SQL_C_SHORT: stored = o.As<int16_t>(); return Fits<int16_t>(v);
    case SQL_C_USHORT: stored = o.As<uint16_t>(); return Fits<uint16_t>(v);
    case SQL_C_SLONG:
    case SQL_C_LONG: stored = o.As<int32_t>(); return Fits<int32_t>(v);
    case SQL_C_ULONG: stored = o.As<uint32_t>(); return Fits<uint32_t>(v);
    case SQL_C_SBIGINT: stored = o.As<int64_t>(); return Fits<int64_t>(v);
    case SQL_C_UBIGINT: stored = o.As<uint64_t>(); return Fits<uint64_t>(v);
    default: return false;
  }
}

std::vector<IntegerCase> IntegerCases() {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  std::vector<IntegerCase> cases = {
      {Long(42), 42}, {Long(kMin), kMin}, {Long(kMax), kMax}, {Long(-1), -1}, {Long(255), 255}, {Long(256), 256},
      {Int(7), 7}, {Int(-2147483648LL), -2147483648LL}, {Int(65535), 65535},
      {Dbl(3.5), 3, true}, {Dbl(-128.0), -128}, {Dbl(1e30), Int128{1000000000000} * 1000000000000 * 1000000},
      {Dbl(std::nan(""), VectorType::kDouble), 0, false, "22003"},
      {Dbl(1.25, VectorType::kFloat), 1, true}, {Dbl(-40000.0, VectorType::kFloat), -40000},
      {Bool(true), 1}, {Bool(false), 0},
      {Dec(12345, 2), 123, true}, {Dec(-150, 2), -1, true}, {Dec(700, 2), 7},
      {Dec(Int128{1} << 100, 0), Int128{1} << 100}, {Dec(5, -3), 5000},
      {Text(" 42 "), 42}, {Text("-129.9"), -129, true}, {Text("1e2"), 100}, {Text("4x"), 0, false, "22018"},
      {Text("[1]", VectorType::kArray), 0, false, "22018"}, {Text("{}", VectorType::kMap), 0, false, "22018"},
      {Text("{\"a\":1}", VectorType::kStruct), 0, false, "22018"},
      {Tz(kFeb12, "+05:30"), 0, false, "22018"},
  };
  for (const IntegerCase& k : cases) Covered().insert({k.cell.type, Family::kInteger});
  return cases;
}

TEST(Matrix, IntegerTargets) {
  const std::vector<IntegerCase> cases = IntegerCases();
  for (const IntegerCase& k : cases) {
    for (const CType& ct : kCTypes) {
      if (ct.family != Family::kInteger) continue;
      const Outcome o = Convert(k.cell, ct.id);
      ASSERT_TRUE(o.converter_found) << Describe(k.cell, ct);
      if (k.error != nullptr) {
        EXPECT_TRUE(o.Failed(k.error)) << Describe(k.cell, ct);
        continue;
      }
      Int128 stored = 0;
      if (!FitsCType(ct.id, k.value, stored, o)) {
        EXPECT_TRUE(o.Failed("22003")) << Describe(k.cell, ct) << " of " << static_cast<double>(k.value);
        continue;
      }
      EXPECT_EQ(stored, k.value) << Describe(k.cell, ct);
      EXPECT_EQ(o.indicator, static_cast<SQLLEN>(FixedSizeOf(ct.id))) << Describe(k.cell, ct);
      if (k.fraction) {
        EXPECT_TRUE(o.Warned("01S07")) << Describe(k.cell, ct);
      } else {
        EXPECT_TRUE(o.issues.empty()) << Describe(k.cell, ct);
      }
    }
  }
}

// ---- floating point, BIT -------------------------------------------------------------------------------------

struct FloatCase {
  ColumnVector cell;
  double value;
  const char* error = nullptr;
};

std::vector<FloatCase> FloatCases() {
  std::vector<FloatCase> cases = {
      {Long(42), 42.0}, {Long(-9007199254740993LL), -9007199254740992.0}, {Int(-7), -7.0}, {Dbl(0.1), 0.1},
      {Dbl(DBL_MAX), DBL_MAX}, {Dbl(1.25, VectorType::kFloat), 1.25}, {Bool(true), 1.0}, {Dec(12345, 2), 123.45},
      {Dec(-1, 10), -1e-10}, {Text("2.5e-3"), 0.0025}, {Text("abc"), 0, "22018"},
      {Text("[]", VectorType::kArray), 0, "22018"}, {Text("{}", VectorType::kMap), 0, "22018"},
      {Text("{}", VectorType::kStruct), 0, "22018"}, {Tz(0, "Z"), 0, "22018"},
  };
  for (const FloatCase& k : cases) Covered().insert({k.cell.type, Family::kFloating});
  return cases;
}

TEST(Matrix, FloatingTargets) {
  const std::vector<FloatCase> cases = FloatCases();
  for (const FloatCase& k : cases) {
    const Outcome d = Convert(k.cell, SQL_C_DOUBLE);
    const Outcome f = Convert(k.cell, SQL_C_FLOAT);
    if (k.error != nullptr) {
      EXPECT_TRUE(d.Failed(k.error)) << wire::VectorTypeName(k.cell.type);
      EXPECT_TRUE(f.Failed(k.error)) << wire::VectorTypeName(k.cell.type);
      continue;
    }
    EXPECT_EQ(d.As<double>(), k.value) << wire::VectorTypeName(k.cell.type);
    EXPECT_EQ(d.indicator, 8);
    if (std::fabs(k.value) > FLT_MAX) {
      EXPECT_TRUE(f.Failed("22003"));
    } else {
      EXPECT_EQ(f.As<float>(), static_cast<float>(k.value)) << wire::VectorTypeName(k.cell.type);
      EXPECT_EQ(f.indicator, 4);
    }
  }
}

struct BitCase {
  ColumnVector cell;
  int bit;  // -1: 22003
  bool fraction = false;
  const char* error = nullptr;
};

std::vector<BitCase> BitCases() {
  std::vector<BitCase> cases = {
      {Long(1), 1}, {Long(0), 0}, {Long(2), -1}, {Long(-1), -1}, {Int(1), 1}, {Dbl(0.5), 0, true},
      {Dbl(1.5), 1, true}, {Dbl(2.0), -1}, {Dbl(0.25, VectorType::kFloat), 0, true}, {Bool(true), 1}, {Bool(false), 0},
      {Dec(199, 2), 1, true}, {Dec(-1, 0), -1}, {Text("1"), 1}, {Text("0.0"), 0}, {Text("yes"), 0, false, "22018"},
      {Text("[1]", VectorType::kArray), 0, false, "22018"}, {Text("{}", VectorType::kMap), 0, false, "22018"},
      {Text("{}", VectorType::kStruct), 0, false, "22018"}, {Tz(0, "Z"), 0, false, "22018"},
  };
  for (const BitCase& k : cases) Covered().insert({k.cell.type, Family::kBit});
  return cases;
}

TEST(Matrix, BitTarget) {
  const std::vector<BitCase> cases = BitCases();
  for (const BitCase& k : cases) {
    const Outcome o = Convert(k.cell, SQL_C_BIT);
    if (k.error != nullptr) {
      EXPECT_TRUE(o.Failed(k.error));
    } else if (k.bit < 0) {
      EXPECT_TRUE(o.Failed("22003")) << wire::VectorTypeName(k.cell.type);
    } else {
      EXPECT_EQ(o.As<unsigned char>(), k.bit) << wire::VectorTypeName(k.cell.type);
      EXPECT_EQ(o.indicator, 1);
      EXPECT_EQ(o.issues.empty(), !k.fraction) << wire::VectorTypeName(k.cell.type);
      if (k.fraction) {
        EXPECT_TRUE(o.Warned("01S07"));
      }
    }
  }
}

// ---- SQL_C_NUMERIC ---------------------------------------------------------------------------------------

Int128 Magnitude(const SQL_NUMERIC_STRUCT& n) {
  Int128 v = 0;
  for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) v = v * 256 + n.val[i];
  return v;
}

struct NumericCase {
  ColumnVector cell;
  SQLSMALLINT precision, scale;
  int sign;  // 1 positive, 0 negative
  Int128 magnitude;
  bool fraction = false;
  const char* error = nullptr;
};

std::vector<NumericCase> NumericCases() {
  Int128 max38 = 1;
  for (int i = 0; i < 38; ++i) max38 *= 10;
  max38 -= 1;  // 38 nines
  std::vector<NumericCase> cases = {
      {Long(42), 38, 0, 1, 42}, {Long(-42), 38, 2, 0, 4200}, {Long(std::numeric_limits<int64_t>::min()), 19, 0, 0,
                                                              Int128{std::numeric_limits<int64_t>::max()} + 1},
      {Long(100), 2, 0, 1, 0, false, "22003"}, {Long(99), 2, 0, 1, 99}, {Int(-7), 5, 1, 0, 70},
      {Dec(12345, 2), 38, 2, 1, 12345}, {Dec(12345, 2), 38, 0, 1, 123, true}, {Dec(12345, 2), 38, 4, 1, 1234500},
      {Dec(-12345, 2), 38, 1, 0, 1234, true}, {Dec(max38, 10), 38, 10, 1, max38}, {Dec(-max38, 0), 38, 0, 0, max38},
      {Dec(max38, 10), 38, 11, 1, 0, false, "22003"}, {Dec(12345, 2), 4, 2, 1, 0, false, "22003"},
      {Dec(5, -2), 3, 0, 1, 500},
      {Dbl(0.1), 38, 5, 1, 10000}, {Dbl(2.5), 38, 0, 1, 2, true}, {Dbl(-1e20), 38, 0, 0, Int128{100000000000} * 1000000000},
      {Dbl(1e300), 38, 0, 1, 0, false, "22003"}, {Dbl(INFINITY), 38, 0, 1, 0, false, "22003"},
      {Dbl(1.25, VectorType::kFloat), 3, 2, 1, 125},
      {Bool(true), 1, 0, 1, 1},
      {Text("-0.005"), 10, 3, 0, 5}, {Text(" 12.5 "), 10, 0, 1, 12, true}, {Text("12,5"), 10, 0, 1, 0, false, "22018"},
      {Text("[1]", VectorType::kArray), 10, 0, 1, 0, false, "22018"},
      {Text("{}", VectorType::kMap), 10, 0, 1, 0, false, "22018"},
      {Text("{}", VectorType::kStruct), 10, 0, 1, 0, false, "22018"}, {Tz(0, "Z"), 10, 0, 1, 0, false, "22018"},
  };
  for (const NumericCase& k : cases) Covered().insert({k.cell.type, Family::kNumeric});
  return cases;
}

TEST(Matrix, NumericTarget) {
  const std::vector<NumericCase> cases = NumericCases();
  for (const NumericCase& k : cases) {
    const Outcome o = Convert(k.cell, SQL_C_NUMERIC, 64, k.precision, k.scale);
    const std::string what = std::string(wire::VectorTypeName(k.cell.type)) + " p=" + std::to_string(k.precision) +
                             " s=" + std::to_string(k.scale);
    if (k.error != nullptr) {
      EXPECT_TRUE(o.Failed(k.error)) << what;
      continue;
    }
    const auto n = o.As<SQL_NUMERIC_STRUCT>();
    EXPECT_EQ(o.indicator, static_cast<SQLLEN>(sizeof(SQL_NUMERIC_STRUCT))) << what;
    EXPECT_EQ(n.precision, k.precision) << what;
    EXPECT_EQ(n.scale, k.scale) << what;
    EXPECT_EQ(n.sign, k.sign) << what;
    EXPECT_TRUE(Magnitude(n) == k.magnitude) << what << ": " << static_cast<double>(Magnitude(n));
    EXPECT_EQ(o.issues.empty(), !k.fraction) << what;
    if (k.fraction) {
      EXPECT_TRUE(o.Warned("01S07")) << what;
    }
  }
}

// ---- text targets (CHAR and WCHAR share the cases) ---------------------------------------------------

struct TextCase {
  ColumnVector cell;
  std::string text;
  // With a buffer one byte short: 01004 (truncated) or 22003 (numbers and
  // datetimes whose whole digits / date / seconds would not fit).
  const char* short_state = "01004";
};

std::vector<TextCase> TextCases() {
  std::vector<TextCase> cases = {
      {Long(-42), "-42", "22003"}, {Int(7), "7", "22003"}, {Dbl(3.5), "3.5"}, {Dbl(1e300), "1e+300", "22003"},
      {Dbl(1.25, VectorType::kFloat), "1.25"}, {Bool(true), "1", "22003"}, {Dec(-5, 3), "-0.005"},
      {Dec(12345, 0), "12345", "22003"}, {Text("h\xC3\xA9llo"), "h\xC3\xA9llo"},
      {Text(std::string_view("\x00\xFF\x10", 3), VectorType::kBinary), "00FF10"},
      {Int64Cell(VectorType::kDate, kFeb12), "2026-02-12", "22003"},
      {Int64Cell(VectorType::kDateTime, kFeb12 + 123456), "2026-02-12 00:00:00.123456"},
      {Int64Cell(VectorType::kTimestamp, -1), "1969-12-31 23:59:59.999999"},
      {Int64Cell(VectorType::kInt96, kFeb12), "2026-02-12 00:00:00", "22003"},
      {Tz(kFeb12, "-08:00"), "2026-02-11 16:00:00-08:00"}, {Text("[1,2]", VectorType::kArray), "[1,2]"},
      {Text("{a:1}", VectorType::kMap), "{a:1}"}, {Text("{x}", VectorType::kStruct), "{x}"},
  };
  for (const TextCase& k : cases) Covered().insert({k.cell.type, Family::kChar});
  for (const TextCase& k : cases) Covered().insert({k.cell.type, Family::kWChar});
  return cases;
}

TEST(Matrix, CharAndWideTargets) {
  const std::vector<TextCase> cases = TextCases();
  for (const TextCase& k : cases) {
    const Outcome c = Convert(k.cell, SQL_C_CHAR, 64);
    EXPECT_STREQ(c.bytes.data(), k.text.c_str());
    EXPECT_EQ(c.indicator, static_cast<SQLLEN>(k.text.size()));
    EXPECT_TRUE(c.issues.empty());
    const Outcome w = Convert(k.cell, SQL_C_WCHAR, 128);
    std::u16string expected;
    for (const char ch : k.text) expected.push_back(static_cast<unsigned char>(ch));  // ASCII cases only below
    if (k.text.find('\xC3') == std::string::npos) {
      EXPECT_EQ(std::u16string(reinterpret_cast<const char16_t*>(w.bytes.data())), expected) << k.text;
      EXPECT_EQ(w.indicator, static_cast<SQLLEN>(k.text.size() * 2));
    } else {
      EXPECT_EQ(std::u16string(reinterpret_cast<const char16_t*>(w.bytes.data())), u"h\u00E9llo");
      EXPECT_EQ(w.indicator, 10);
    }
    // One byte short (no room for the terminator): 01004 with the full
    // length, or 22003 when that would cut whole digits, a date or seconds.
    const Outcome t = Convert(k.cell, SQL_C_CHAR, static_cast<SQLLEN>(k.text.size()));
    const size_t units = k.text.find('\xC3') == std::string::npos ? k.text.size() : 5;  // "héllo": 5 units
    const Outcome tw = Convert(k.cell, SQL_C_WCHAR, static_cast<SQLLEN>(units * 2));
    if (std::string(k.short_state) == "22003") {
      EXPECT_TRUE(t.Failed("22003")) << k.text;
      EXPECT_TRUE(tw.Failed("22003")) << k.text;
      continue;
    }
    EXPECT_TRUE(t.Warned("01004")) << k.text;
    EXPECT_TRUE(tw.Warned("01004")) << k.text;
    EXPECT_EQ(t.indicator, static_cast<SQLLEN>(k.text.size()));
    if (k.text.find('\xC3') == std::string::npos) {
      EXPECT_EQ(std::string(t.bytes.data()), k.text.substr(0, k.text.size() - 1));
    } else {
      EXPECT_EQ(std::string(t.bytes.data()), "h\xC3\xA9ll");  // never half a character
    }
  }
}

// ---- SQL_C_BINARY -------------------------------------------------------------------------------------

struct BinaryCase {
  ColumnVector cell;
  std::vector<unsigned char> bytes;  // little-endian C representation or raw bytes
  bool fixed;                        // a C representation: 22003 when the buffer is short
};

std::vector<BinaryCase> BinaryCases() {
  std::vector<BinaryCase> cases = {
      {Long(0x0102030405060708LL), {8, 7, 6, 5, 4, 3, 2, 1}, true},
      {Int(-2), {0xFE, 0xFF, 0xFF, 0xFF}, true},
      {Dbl(1.0), {0, 0, 0, 0, 0, 0, 0xF0, 0x3F}, true},
      {Dbl(1.0, VectorType::kFloat), {0, 0, 0x80, 0x3F}, true},
      {Bool(true), {1}, true},
      // SQL_NUMERIC_STRUCT: precision 38, the column's scale 2, sign 0 (negative), 12345 = 0x3039.
      {Dec(-12345, 2), {38, 2, 0, 0x39, 0x30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true},
      // SQL_DATE_STRUCT 2026-02-12: year 0x07EA, month 2, day 12.
      {Int64Cell(VectorType::kDate, kFeb12), {0xEA, 0x07, 2, 0, 12, 0}, true},
      // SQL_TIMESTAMP_STRUCT 2026-02-12 00:00:00.000001: fraction 1000 ns.
      {Int64Cell(VectorType::kTimestamp, kFeb12 + 1),
       {0xEA, 0x07, 2, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0xE8, 0x03, 0, 0}, true},
      {Int64Cell(VectorType::kDateTime, kFeb12), {0xEA, 0x07, 2, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true},
      {Int64Cell(VectorType::kInt96, kFeb12), {0xEA, 0x07, 2, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, true},
      {Text("ab"), {'a', 'b'}, false},
      {Text("[]", VectorType::kArray), {'[', ']'}, false},
      {Text("{}", VectorType::kMap), {'{', '}'}, false},
      {Text("{}", VectorType::kStruct), {'{', '}'}, false},
      {Text("\x01\x02", VectorType::kBinary), {1, 2}, false},
      {Tz(0, "Z"), {'1', '9', '7', '0', '-', '0', '1', '-', '0', '1', ' ', '0', '0', ':', '0', '0', ':', '0', '0', '+', '0',
                    '0', ':', '0', '0'},
       false},
  };
  for (const BinaryCase& k : cases) Covered().insert({k.cell.type, Family::kBinary});
  return cases;
}

TEST(Matrix, BinaryTarget) {
  const std::vector<BinaryCase> cases = BinaryCases();
  for (const BinaryCase& k : cases) {
    const std::string what(wire::VectorTypeName(k.cell.type));
    const Outcome o = Convert(k.cell, SQL_C_BINARY, 64);
    ASSERT_TRUE(o.converter_found) << what;
    EXPECT_TRUE(o.issues.empty()) << what;
    ASSERT_EQ(o.indicator, static_cast<SQLLEN>(k.bytes.size())) << what;
    EXPECT_EQ(std::memcmp(o.bytes.data(), k.bytes.data(), k.bytes.size()), 0) << what;
    const Outcome short_buffer = Convert(k.cell, SQL_C_BINARY, static_cast<SQLLEN>(k.bytes.size()) - 1);
    EXPECT_TRUE(short_buffer.Failed(k.fixed ? "22003" : "01004") || (!k.fixed && short_buffer.Warned("01004")))
        << what;
  }
  // Dates beyond SQL_DATE_STRUCT's year range fail as they do for SQL_C_TYPE_DATE.
  EXPECT_TRUE(Convert(Int64Cell(VectorType::kDate, 13'000'000 * kDay), SQL_C_BINARY).Failed("22008"));
}

// SQLGetData in pieces: text comes in pieces; a number whose whole digits do
// not fit the first piece is 22003; SQL_C_BINARY of a number comes once.
TEST(Matrix, GetPieceRules) {
  const ColumnVector text = Text("abcdef");
  char buffer[4];
  SQLLEN indicator = 0;
  Target t;
  t.c_type = SQL_C_CHAR;
  t.data = buffer;
  t.buffer_length = sizeof buffer;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  size_t offset = 0;
  CellIssues issues;
  EXPECT_EQ(GetPiece(text, 0, t, offset, issues), SQL_SUCCESS_WITH_INFO);
  EXPECT_STREQ(buffer, "abc");
  EXPECT_EQ(indicator, 6);
  EXPECT_EQ(GetPiece(text, 0, t, offset, issues), SQL_SUCCESS);
  EXPECT_STREQ(buffer, "def");
  EXPECT_EQ(indicator, 3);
  EXPECT_EQ(GetPiece(text, 0, t, offset, issues), SQL_NO_DATA);

  issues.clear();
  offset = 0;
  EXPECT_EQ(GetPiece(Long(12345), 0, t, offset, issues), SQL_ERROR);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_STREQ(issues[0].sqlstate, "22003");

  issues.clear();
  offset = 0;
  EXPECT_EQ(GetPiece(Dec(12345, 3), 0, t, offset, issues), SQL_SUCCESS_WITH_INFO);  // "12.345": fraction cut
  EXPECT_STREQ(buffer, "12.");

  int64_t value = 0;
  t.c_type = SQL_C_BINARY;
  t.data = reinterpret_cast<char*>(&value);
  t.buffer_length = sizeof value;
  issues.clear();
  offset = 0;
  EXPECT_EQ(GetPiece(Long(-9), 0, t, offset, issues), SQL_SUCCESS);
  EXPECT_EQ(value, -9);
  EXPECT_EQ(indicator, 8);
  EXPECT_EQ(GetPiece(Long(-9), 0, t, offset, issues), SQL_NO_DATA);
  t.buffer_length = 4;
  offset = 0;
  EXPECT_EQ(GetPiece(Long(-9), 0, t, offset, issues), SQL_SUCCESS);  // the error is in `issues`
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_STREQ(issues[0].sqlstate, "22003");
}

// ---- dates, times, timestamps --------------------------------------------------------------------------

struct DatetimeCase {
  ColumnVector cell;
  SQL_TIMESTAMP_STRUCT value;  // what the cell holds
  bool time_part;              // DATE drops it with 01S07
  bool fraction;               // TIME drops it with 01S07
  bool date_only;              // TIME is 22018 (text) / 07006 (DATE)
  const char* error = nullptr;
};

std::vector<DatetimeCase> DatetimeCases() {
  std::vector<DatetimeCase> cases = {
      {Int64Cell(VectorType::kDate, kFeb12), {2026, 2, 12, 0, 0, 0, 0}, false, false, true},
      {Int64Cell(VectorType::kDate, -25568 * kDay), {1899, 12, 31, 0, 0, 0, 0}, false, false, true},
      {Int64Cell(VectorType::kDateTime, kFeb12 + (13 * 3600 + 14 * 60 + 15) * 1'000'000LL),
       {2026, 2, 12, 13, 14, 15, 0}, true, false, false},
      {Int64Cell(VectorType::kTimestamp, -1), {1969, 12, 31, 23, 59, 59, 999999000}, true, true, false},
      {Int64Cell(VectorType::kInt96, kFeb12 + 500000), {2026, 2, 12, 0, 0, 0, 500000000}, false, true, false},
      {Tz(kFeb12, "+05:30"), {2026, 2, 12, 0, 0, 0, 0}, false, false, false},  // the UTC instant
      {Text("2026-02-12"), {2026, 2, 12, 0, 0, 0, 0}, false, false, true},
      {Text(" 2026-02-12 13:14:15.5 "), {2026, 2, 12, 13, 14, 15, 500000000}, true, true, false},
      {Text("2026-02-30"), {}, false, false, false, "22007"},  // shaped like a date, but impossible
      {Text("2026-13-01 10:00:00"), {}, false, false, false, "22007"},
      {Text("12 Feb 2026"), {}, false, false, false, "22018"},  // not a datetime literal at all
      {Text("[]", VectorType::kArray), {}, false, false, false, "22018"},
      {Text("{}", VectorType::kMap), {}, false, false, false, "22018"},
      {Text("{}", VectorType::kStruct), {}, false, false, false, "22018"},
      {Int64Cell(VectorType::kTimestamp, 13'000'000 * kDay), {}, false, false, false, "22008"},
  };
  for (const DatetimeCase& k : cases) {
    for (const Family f : {Family::kDate, Family::kTime, Family::kTimestamp}) {
      if (f == Family::kTime && k.cell.type == VectorType::kDate) continue;  // 07006
      Covered().insert({k.cell.type, f});
    }
  }
  return cases;
}

TEST(Matrix, TimeOfDayTextIsATimeNotADate) {
  // Appendix D: a time literal converts to SQL_C_TIME, and to a timestamp on
  // today's date; it is no date (22018). An impossible time is 22007.
  const Outcome t = Convert(Text(" 13:14:15 "), SQL_C_TYPE_TIME);
  const auto time = t.As<SQL_TIME_STRUCT>();
  EXPECT_EQ(time.hour, 13);
  EXPECT_EQ(time.minute, 14);
  EXPECT_EQ(time.second, 15);
  EXPECT_TRUE(Convert(Text("13:14:15.25"), SQL_C_TYPE_TIME).Warned("01S07"));
  EXPECT_TRUE(Convert(Text("13:14:15"), SQL_C_TYPE_DATE).Failed("22018"));
  EXPECT_TRUE(Convert(Text("25:00:00"), SQL_C_TYPE_TIME).Failed("22007"));
  EXPECT_TRUE(Convert(Text("13:14"), SQL_C_TYPE_TIME).Failed("22018"));
  const Outcome ts = Convert(Text("13:14:15"), SQL_C_TYPE_TIMESTAMP);
  const auto stamp = ts.As<SQL_TIMESTAMP_STRUCT>();
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  EXPECT_EQ(stamp.year, utc.tm_year + 1900);  // (fails only if the test straddles midnight UTC)
  EXPECT_EQ(stamp.month, utc.tm_mon + 1);
  EXPECT_EQ(stamp.hour, 13);
  EXPECT_EQ(stamp.second, 15);
}

TEST(Matrix, DatetimeTargets) {
  const std::vector<DatetimeCase> cases = DatetimeCases();
  for (const DatetimeCase& k : cases) {
    const std::string what(wire::VectorTypeName(k.cell.type));
    const Outcome d = Convert(k.cell, SQL_C_TYPE_DATE);
    const Outcome t = Convert(k.cell, SQL_C_TYPE_TIME);
    const Outcome ts = Convert(k.cell, SQL_C_TYPE_TIMESTAMP);
    if (k.error != nullptr) {
      EXPECT_TRUE(d.Failed(k.error)) << what;
      EXPECT_TRUE(ts.Failed(k.error)) << what;
      if (std::string(k.error) == "22018") {
        EXPECT_TRUE(t.Failed("22018")) << what;
      }
      continue;
    }
    const auto date = d.As<SQL_DATE_STRUCT>();
    EXPECT_EQ(date.year, k.value.year) << what;
    EXPECT_EQ(date.month, k.value.month) << what;
    EXPECT_EQ(date.day, k.value.day) << what;
    EXPECT_EQ(d.indicator, 6);
    EXPECT_EQ(d.Warned("01S07"), k.time_part || k.fraction) << what;
    const auto stamp = ts.As<SQL_TIMESTAMP_STRUCT>();
    EXPECT_EQ(std::memcmp(&stamp, &k.value, sizeof stamp), 0) << what;
    EXPECT_EQ(ts.indicator, 16);
    EXPECT_TRUE(ts.issues.empty()) << what;
    if (k.cell.type == VectorType::kDate) {
      EXPECT_FALSE(t.converter_found);
    } else if (k.date_only) {
      EXPECT_TRUE(t.Failed("22018")) << what;
    } else {
      const auto time = t.As<SQL_TIME_STRUCT>();
      EXPECT_EQ(time.hour, k.value.hour) << what;
      EXPECT_EQ(time.minute, k.value.minute) << what;
      EXPECT_EQ(time.second, k.value.second) << what;
      EXPECT_EQ(t.Warned("01S07"), k.fraction) << what;
      EXPECT_EQ(t.issues.empty(), !k.fraction) << what;
    }
  }
}

// ---- GUID ------------------------------------------------------------------------------------------------

std::vector<ColumnVector> GuidFailureCells() {
  std::vector<ColumnVector> cells = {Text("x"), Text("x", VectorType::kArray), Text("x", VectorType::kMap),
                                     Text("x", VectorType::kStruct), Tz(0, "Z")};
  for (const ColumnVector& cell : cells) Covered().insert({cell.type, Family::kGuid});
  return cells;
}

TEST(Matrix, GuidTarget) {
  const Outcome o = Convert(Text(" 6F9619FF-8B86-D011-b42d-00C04FC964FF "), SQL_C_GUID);
  const auto g = o.As<SQLGUID>();
  EXPECT_TRUE(o.issues.empty());
  EXPECT_EQ(o.indicator, 16);
  EXPECT_EQ(g.Data1, 0x6F9619FFu);
  EXPECT_EQ(g.Data2, 0x8B86);
  EXPECT_EQ(g.Data3, 0xD011);
  const unsigned char data4[8] = {0xB4, 0x2D, 0x00, 0xC0, 0x4F, 0xC9, 0x64, 0xFF};
  EXPECT_EQ(std::memcmp(g.Data4, data4, 8), 0);
  for (const std::string_view bad : {"6F9619FF-8B86-D011-B42D-00C04FC964F", "6F9619FF8B86-D011-B42D-00C04FC964FFF",
                                     "{6F9619FF-8B86-D011-B42D-00C04FC964FF}", "6G9619FF-8B86-D011-B42D-00C04FC964FF", ""}) {
    EXPECT_TRUE(Convert(Text(bad), SQL_C_GUID).Failed("22018")) << bad;
  }
  for (const ColumnVector& cell : GuidFailureCells()) EXPECT_TRUE(Convert(cell, SQL_C_GUID).Failed("22018"));
}

// ---- intervals ---------------------------------------------------------------------------------------------

SQL_INTERVAL_STRUCT YearMonth(SQLINTERVAL type, bool negative, SQLUINTEGER year, SQLUINTEGER month) {
  SQL_INTERVAL_STRUCT s{};
  s.interval_type = type;
  s.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
  s.intval.year_month.year = year;
  s.intval.year_month.month = month;
  return s;
}
SQL_INTERVAL_STRUCT DaySecond(SQLINTERVAL type, bool negative, SQLUINTEGER day, SQLUINTEGER hour, SQLUINTEGER minute,
                              SQLUINTEGER second, SQLUINTEGER fraction) {
  SQL_INTERVAL_STRUCT s{};
  s.interval_type = type;
  s.interval_sign = negative ? SQL_TRUE : SQL_FALSE;
  s.intval.day_second = {day, hour, minute, second, fraction};
  return s;
}

struct IntervalCase {
  ColumnVector cell;
  SQLSMALLINT c_type;
  SQLINTEGER leading;
  SQL_INTERVAL_STRUCT expected;
  const char* state = nullptr;  // "01S07" warning, or the error
};

std::vector<IntervalCase> IntervalCases() {
  std::vector<IntervalCase> cases = {
      {Text("5"), SQL_C_INTERVAL_YEAR, 2, YearMonth(SQL_IS_YEAR, false, 5, 0)},
      {Text("-11"), SQL_C_INTERVAL_MONTH, 2, YearMonth(SQL_IS_MONTH, true, 0, 11)},
      {Text("3"), SQL_C_INTERVAL_DAY, 2, DaySecond(SQL_IS_DAY, false, 3, 0, 0, 0, 0)},
      {Text("23"), SQL_C_INTERVAL_HOUR, 2, DaySecond(SQL_IS_HOUR, false, 0, 23, 0, 0, 0)},
      {Text("90"), SQL_C_INTERVAL_MINUTE, 2, DaySecond(SQL_IS_MINUTE, false, 0, 0, 90, 0, 0)},
      {Text("7.25"), SQL_C_INTERVAL_SECOND, 2, DaySecond(SQL_IS_SECOND, false, 0, 0, 0, 7, 250000)},
      {Text("1-06"), SQL_C_INTERVAL_YEAR_TO_MONTH, 2, YearMonth(SQL_IS_YEAR_TO_MONTH, false, 1, 6)},
      {Text("2 12"), SQL_C_INTERVAL_DAY_TO_HOUR, 2, DaySecond(SQL_IS_DAY_TO_HOUR, false, 2, 12, 0, 0, 0)},
      {Text("2 12:30"), SQL_C_INTERVAL_DAY_TO_MINUTE, 2, DaySecond(SQL_IS_DAY_TO_MINUTE, false, 2, 12, 30, 0, 0)},
      {Text("-2 12:30:45.5"), SQL_C_INTERVAL_DAY_TO_SECOND, 2,
       DaySecond(SQL_IS_DAY_TO_SECOND, true, 2, 12, 30, 45, 500000)},
      {Text("10:05"), SQL_C_INTERVAL_HOUR_TO_MINUTE, 2, DaySecond(SQL_IS_HOUR_TO_MINUTE, false, 0, 10, 5, 0, 0)},
      {Text("10:05:01"), SQL_C_INTERVAL_HOUR_TO_SECOND, 2, DaySecond(SQL_IS_HOUR_TO_SECOND, false, 0, 10, 5, 1, 0)},
      {Text("05:01.1234567"), SQL_C_INTERVAL_MINUTE_TO_SECOND, 2,
       DaySecond(SQL_IS_MINUTE_TO_SECOND, false, 0, 0, 5, 1, 123456), "01S07"},
      {Text("INTERVAL -'3 04' DAY TO HOUR"), SQL_C_INTERVAL_DAY_TO_HOUR, 2,
       DaySecond(SQL_IS_DAY_TO_HOUR, true, 3, 4, 0, 0, 0)},
      {Text("interval '3'  day"), SQL_C_INTERVAL_DAY, 2, DaySecond(SQL_IS_DAY, false, 3, 0, 0, 0, 0)},
      {Text("INTERVAL '3' HOUR"), SQL_C_INTERVAL_DAY, 2, {}, "22018"},  // other qualifier
      {Text("100"), SQL_C_INTERVAL_DAY, 2, {}, "22015"},  // 3 digits, leading precision 2
      {Text("100"), SQL_C_INTERVAL_DAY, 3, DaySecond(SQL_IS_DAY, false, 100, 0, 0, 0, 0)},
      {Text("1-12"), SQL_C_INTERVAL_YEAR_TO_MONTH, 2, {}, "22018"},  // month 12
      {Text("1 24"), SQL_C_INTERVAL_DAY_TO_HOUR, 2, {}, "22018"},
      {Text("1:60"), SQL_C_INTERVAL_HOUR_TO_MINUTE, 2, {}, "22018"},
      {Text("1:1:1"), SQL_C_INTERVAL_HOUR_TO_MINUTE, 2, {}, "22018"},
      {Text("abc"), SQL_C_INTERVAL_SECOND, 2, {}, "22018"},
      {Text("[1]", VectorType::kArray), SQL_C_INTERVAL_YEAR, 2, {}, "22018"},
      {Text("{}", VectorType::kMap), SQL_C_INTERVAL_YEAR, 2, {}, "22018"},
      {Text("{}", VectorType::kStruct), SQL_C_INTERVAL_YEAR, 2, {}, "22018"},
      {Tz(0, "Z"), SQL_C_INTERVAL_DAY, 2, {}, "22018"},
      // Exact numbers into single fields.
      {Long(12), SQL_C_INTERVAL_YEAR, 2, YearMonth(SQL_IS_YEAR, false, 12, 0)},
      {Long(-3), SQL_C_INTERVAL_MONTH, 2, YearMonth(SQL_IS_MONTH, true, 0, 3)},
      {Long(100), SQL_C_INTERVAL_DAY, 2, {}, "22015"},
      {Long(4294967295LL), SQL_C_INTERVAL_HOUR, 10, DaySecond(SQL_IS_HOUR, false, 0, 4294967295u, 0, 0, 0)},
      {Long(4294967296LL), SQL_C_INTERVAL_HOUR, 10, {}, "22015"},
      {Int(59), SQL_C_INTERVAL_MINUTE, 2, DaySecond(SQL_IS_MINUTE, false, 0, 0, 59, 0, 0)},
      {Int(-5), SQL_C_INTERVAL_SECOND, 2, DaySecond(SQL_IS_SECOND, true, 0, 0, 0, 5, 0)},
      {Int(5), SQL_C_INTERVAL_DAY, 2, DaySecond(SQL_IS_DAY, false, 5, 0, 0, 0, 0)},
      {Int(5), SQL_C_INTERVAL_HOUR, 2, DaySecond(SQL_IS_HOUR, false, 0, 5, 0, 0, 0)},
      {Int(5), SQL_C_INTERVAL_YEAR, 2, YearMonth(SQL_IS_YEAR, false, 5, 0)},
      {Int(5), SQL_C_INTERVAL_MONTH, 2, YearMonth(SQL_IS_MONTH, false, 0, 5)},
      {Long(5), SQL_C_INTERVAL_MINUTE, 2, DaySecond(SQL_IS_MINUTE, false, 0, 0, 5, 0, 0)},
      {Long(5), SQL_C_INTERVAL_SECOND, 2, DaySecond(SQL_IS_SECOND, false, 0, 0, 0, 5, 0)},
      {Long(5), SQL_C_INTERVAL_HOUR, 2, DaySecond(SQL_IS_HOUR, false, 0, 5, 0, 0, 0)},
      {Dec(-123456789, 7), SQL_C_INTERVAL_SECOND, 2, DaySecond(SQL_IS_SECOND, true, 0, 0, 0, 12, 345678), "01S07"},
      {Dec(150, 2), SQL_C_INTERVAL_DAY, 2, DaySecond(SQL_IS_DAY, false, 1, 0, 0, 0, 0), "01S07"},
      {Dec(1, -2), SQL_C_INTERVAL_YEAR, 3, YearMonth(SQL_IS_YEAR, false, 100, 0)},
      {Dec(1, -2), SQL_C_INTERVAL_MONTH, 2, {}, "22015"},
      {Dec(7, 0), SQL_C_INTERVAL_HOUR, 2, DaySecond(SQL_IS_HOUR, false, 0, 7, 0, 0, 0)},
      {Dec(7, 0), SQL_C_INTERVAL_MINUTE, 2, DaySecond(SQL_IS_MINUTE, false, 0, 0, 7, 0, 0)},
  };
  for (const IntervalCase& k : cases) CoveredIntervals().insert({k.cell.type, k.c_type});
  return cases;
}

TEST(Matrix, IntervalTargets) {
  const std::vector<IntervalCase> cases = IntervalCases();
  for (const IntervalCase& k : cases) {
    const Outcome o = Convert(k.cell, k.c_type, 64, -1, 0, k.leading);
    const std::string what = std::string(wire::VectorTypeName(k.cell.type)) + " -> " + std::to_string(k.c_type);
    ASSERT_TRUE(o.converter_found) << what;
    if (k.state != nullptr && std::string(k.state) != "01S07") {
      EXPECT_TRUE(o.Failed(k.state)) << what;
      continue;
    }
    const auto s = o.As<SQL_INTERVAL_STRUCT>();
    EXPECT_EQ(o.indicator, static_cast<SQLLEN>(sizeof(SQL_INTERVAL_STRUCT))) << what;
    EXPECT_EQ(std::memcmp(&s, &k.expected, sizeof s), 0) << what;
    if (k.state != nullptr) {
      EXPECT_TRUE(o.Warned(k.state)) << what;
    } else {
      EXPECT_TRUE(o.issues.empty()) << what;
    }
  }
  // The ODBC default leading precision of an interval record is 2 digits.
  EXPECT_EQ(kDefaultIntervalLeadingPrecision, 2);
  EXPECT_EQ(DefaultPrecision(SQL_C_INTERVAL_SECOND), 6);
}

// Every allowed pair appears in a value table above.
TEST(Matrix, EveryAllowedPairHasValueCases) {
  IntegerCases();
  FloatCases();
  BitCases();
  NumericCases();
  TextCases();
  BinaryCases();
  DatetimeCases();
  GuidFailureCells();
  IntervalCases();
  for (const VectorType type : kWireTypes) {
    if (type == VectorType::kNull) continue;  // only NULL rows exist; the NULL test covers them
    for (const CType& ct : kCTypes) {
      if (!Legal(type, ct)) continue;
      if (ct.family == Family::kInterval) {
        // STRING and the exact numerics: every interval type has its own
        // cases; the other text-like types parse the same way, one case each.
        const bool own_cases = type == VectorType::kString || type == VectorType::kLong ||
                               type == VectorType::kInteger || type == VectorType::kDecimal128;
        bool any = false;
        for (const auto& [covered_type, c_type] : CoveredIntervals()) any = any || covered_type == type;
        EXPECT_TRUE(own_cases ? CoveredIntervals().count({type, ct.id}) != 0 : any)
            << wire::VectorTypeName(type) << " -> SQL_C_" << ct.name;
      } else {
        EXPECT_TRUE(Covered().count({type, ct.family}) != 0) << wire::VectorTypeName(type) << " -> SQL_C_" << ct.name;
      }
    }
  }
}

}  // namespace
}  // namespace e6odbc::convert
