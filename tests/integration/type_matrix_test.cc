// The conversion matrix through the driver manager: every column of
// types.all_types read with every C type by SQLGetData (07006 exactly where
// ODBC forbids the pair), values checked against expectations computed here
// from the rows as the sample generator defines them; the same with every
// column bound to every C type (column-wise and row-wise); SQL_C_NUMERIC
// precision/scale from the ARD, piecewise SQLGetData, SQL_ARD_TYPE, computed
// text for GUIDs and intervals, and the STRING_TYPE / STRING_COLUMN_SIZE options.
#include <gtest/gtest.h>

#include "odbc_c_types.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "odbc_test_support.h"

namespace e6test {
namespace {

__extension__ using Int128 = __int128;

// ---- the rows, as tests/emulator/sample_data.cc generates them ----------------

struct Row {
  int id;
  std::optional<int64_t> long_v, int_v;
  std::optional<double> double_v, float_v;  // float_v: a 32-bit float widened to double
  std::optional<bool> bool_v;
  std::optional<std::string> string_v, binary_v, date_v, datetime_v;
  std::optional<std::string> tstz_utc, tstz_text;  // the UTC instant and the driver's text form
  std::optional<std::string> decimal_v, small_decimal_v;
};

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      {1, 42, 7, 3.5, 1.25, true, "hello", std::string("\x00\xFF\x10", 3), "2026-02-12", "2026-02-12 00:00:00.123456",
       "2026-02-12 00:00:00", "2026-02-12 05:30:00+05:30", "12345678901234567890.0123456789", "1234567.89"},
      {2, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
      {3, std::numeric_limits<int64_t>::min(), std::numeric_limits<int32_t>::min(), -DBL_MAX,
       static_cast<double>(-FLT_MAX), false, "", "", "1969-12-31", "1969-12-31 23:59:59.999999",
       "1969-12-31 23:59:59.999999", "1969-12-31 15:59:59.999999-08:00", "-9999999999999999999999999999.9999999999",
       "-9999999.99"},
      {4, std::numeric_limits<int64_t>::max(), std::numeric_limits<int32_t>::max(), DBL_MAX,
       static_cast<double>(FLT_MAX), true,
       "Gr\xC3\xBC\xC3\x9F" "e \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80", "\xDE\xAD\xBE\xEF",
       "9999-12-31", "9999-12-31 23:59:59.999999", "2026-02-12 00:00:00", "2026-02-12 00:00:00+00:00",
       "9999999999999999999999999999.9999999999", "9999999.99"},
      {5, 0, 0, 0.0, 0.0, false, "a;b{c}'d\"", std::string(1, '\0'), "1970-01-01", "1970-01-01 00:00:00",
       "1970-01-01 00:00:00", "1970-01-01 05:30:00+05:30[Asia/Kolkata]", "0.0000000000", "0.00"},
      {6, -1, -1, 4.9406564584124654e-324, static_cast<double>(0.1f), true, " spaced ", "A", "1899-12-31",
       "1600-02-29 12:34:56.500000", "2024-06-01 12:00:00", "2024-06-01 08:00:00-04:00[America/New_York]",
       "-0.0000000001", "-0.01"},
  };
  return rows;
}

// ---- the C types ------------------------------------------------------------------------

using Family = e6support::CTypeFamily;
using e6support::CType;
// The ODBC 2 date/time codes are left to the unit matrix.
using e6support::kCTypes;

// ---- what one (cell, C type) should give -------------------------------------------------

struct Expectation {
  enum Kind { kForbidden, kNull, kError, kBytes, kApproximate, kAnySuccess } kind = kAnySuccess;
  const char* sqlstate = nullptr;  // kError: the error; kBytes/kApproximate: a warning or nullptr
  std::string bytes;               // kBytes: the C value
  double approximate = 0;          // kApproximate: SQL_C_DOUBLE / SQL_C_FLOAT compared within 1e-15
};

Expectation Of(Expectation::Kind kind) { return {kind, nullptr, {}, 0}; }
Expectation Error(const char* state) { return {Expectation::kError, state, {}, 0}; }
template <typename T>
Expectation Bytes(const T& value, const char* warning = nullptr) {
  return {Expectation::kBytes, warning, std::string(reinterpret_cast<const char*>(&value), sizeof value), 0};
}

// A decimal literal as sign, integer part and fraction digits.
struct Exact {
  bool negative = false;
  Int128 whole = 0;
  std::string fraction;  // digits after the point
  bool HasFraction() const { return fraction.find_first_not_of('0') != std::string::npos; }
  Int128 Signed() const { return negative ? -whole : whole; }
};

Exact ParseExact(const std::string& text) {
  Exact e;
  size_t i = 0;
  if (text[0] == '-') {
    e.negative = true;
    i = 1;
  }
  for (; i < text.size() && text[i] != '.'; ++i) e.whole = e.whole * 10 + (text[i] - '0');
  if (i < text.size()) e.fraction = text.substr(i + 1);
  return e;
}

Exact FromInteger(int64_t v) {
  Exact e;
  e.negative = v < 0;
  e.whole = v < 0 ? -static_cast<Int128>(v) : static_cast<Int128>(v);
  return e;
}

template <typename T>
Expectation IntegerOf(Int128 v, bool fraction) {
  if (v < static_cast<Int128>(std::numeric_limits<T>::min()) || v > static_cast<Int128>(std::numeric_limits<T>::max())) {
    return Error("22003");
  }
  return Bytes(static_cast<T>(v), fraction ? "01S07" : nullptr);
}

Expectation IntegerFor(SQLSMALLINT c, Int128 v, bool fraction) {
  switch (c) {
    case SQL_C_STINYINT:
    case SQL_C_TINYINT: return IntegerOf<int8_t>(v, fraction);
    case SQL_C_UTINYINT: return IntegerOf<uint8_t>(v, fraction);
    case SQL_C_SSHORT:
    case SQL_C_SHORT: return IntegerOf<int16_t>(v, fraction);
    case SQL_C_USHORT: return IntegerOf<uint16_t>(v, fraction);
    case SQL_C_SLONG:
    case SQL_C_LONG: return IntegerOf<int32_t>(v, fraction);
    case SQL_C_ULONG: return IntegerOf<uint32_t>(v, fraction);
    case SQL_C_SBIGINT: return IntegerOf<int64_t>(v, fraction);
    default: return IntegerOf<uint64_t>(v, fraction);
  }
}

Int128 Pow10(int n) {
  Int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

// SQL_C_NUMERIC of an exact value at (precision, scale >= 0).
Expectation NumericOf(const Exact& e, int precision, int scale) {
  std::string digits = e.fraction;
  bool lost = false;
  if (static_cast<int>(digits.size()) > scale) {
    lost = digits.find_first_not_of('0', static_cast<size_t>(scale)) != std::string::npos;
    digits.resize(static_cast<size_t>(scale));
  }
  digits.append(static_cast<size_t>(scale) - digits.size(), '0');
  if (e.whole >= Pow10(38 - scale)) return Error("22003");
  Int128 magnitude = e.whole * Pow10(scale);
  for (size_t i = 0; i < digits.size(); ++i) magnitude += (digits[i] - '0') * Pow10(scale - 1 - static_cast<int>(i));
  if (magnitude >= Pow10(precision)) return Error("22003");
  SQL_NUMERIC_STRUCT n{};
  n.precision = static_cast<SQLCHAR>(precision);
  n.scale = static_cast<SQLSCHAR>(scale);
  n.sign = e.negative && magnitude != 0 ? 0 : 1;
  for (int b = 0; b < SQL_MAX_NUMERIC_LEN; ++b) n.val[b] = static_cast<SQLCHAR>(magnitude >> (8 * b));
  return Bytes(n, lost ? "01S07" : nullptr);
}

// A double as an exact decimal (every binary digit: the integer and NUMERIC
// targets only look at the whole part and whether a fraction exists).
Exact ExactOfDouble(double d) {
  if (std::fabs(d) >= 1e38) {  // beyond every integer and NUMERIC target
    Exact huge;
    huge.negative = d < 0;
    huge.whole = Pow10(38);
    return huge;
  }
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.330f", d);  // every binary fraction digit up to 5e-324
  std::string text(buffer);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  Exact e = ParseExact(text);
  return e;
}

SQL_TIMESTAMP_STRUCT ParseStamp(const std::string& t) {
  SQL_TIMESTAMP_STRUCT s{};
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, se = 0;
  char fraction[16] = {};
  const int n = std::sscanf(t.c_str(), "%d-%u-%u %u:%u:%u.%9s", &y, &mo, &d, &h, &mi, &se, fraction);
  s.year = static_cast<SQLSMALLINT>(y);
  s.month = static_cast<SQLUSMALLINT>(mo);
  s.day = static_cast<SQLUSMALLINT>(d);
  s.hour = static_cast<SQLUSMALLINT>(h);
  s.minute = static_cast<SQLUSMALLINT>(mi);
  s.second = static_cast<SQLUSMALLINT>(se);
  if (n == 7) {
    std::string f(fraction);
    f.append(9 - f.size(), '0');
    s.fraction = static_cast<SQLUINTEGER>(std::stoul(f));
  }
  return s;
}

Expectation DatetimeFor(Family f, const SQL_TIMESTAMP_STRUCT& s, bool is_date) {
  if (f == Family::kDate) {
    const SQL_DATE_STRUCT d{s.year, s.month, s.day};
    const bool time_part = s.hour != 0 || s.minute != 0 || s.second != 0 || s.fraction != 0;
    return Bytes(d, time_part ? "01S07" : nullptr);
  }
  if (f == Family::kTime) {
    if (is_date) return Of(Expectation::kForbidden);
    const SQL_TIME_STRUCT t{s.hour, s.minute, s.second};
    return Bytes(t, s.fraction != 0 ? "01S07" : nullptr);
  }
  return Bytes(s);
}

bool IsSeconds(SQLSMALLINT c) { return c == SQL_C_INTERVAL_SECOND; }
bool IsSingleField(SQLSMALLINT c) { return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_SECOND; }

// A single-field interval of an exact value (leading precision 2, seconds precision 6).
Expectation IntervalOf(SQLSMALLINT c, const Exact& e) {
  if (e.whole >= 100) return Error("22015");
  SQL_INTERVAL_STRUCT s{};
  s.interval_type = static_cast<SQLINTERVAL>(c - 100);
  s.interval_sign = e.negative ? SQL_TRUE : SQL_FALSE;
  const auto whole = static_cast<SQLUINTEGER>(e.whole);
  bool lost = false;
  switch (c) {
    case SQL_C_INTERVAL_YEAR: s.intval.year_month.year = whole; break;
    case SQL_C_INTERVAL_MONTH: s.intval.year_month.month = whole; break;
    case SQL_C_INTERVAL_DAY: s.intval.day_second.day = whole; break;
    case SQL_C_INTERVAL_HOUR: s.intval.day_second.hour = whole; break;
    case SQL_C_INTERVAL_MINUTE: s.intval.day_second.minute = whole; break;
    default: s.intval.day_second.second = whole; break;
  }
  if (IsSeconds(c)) {
    std::string f = e.fraction;
    if (f.size() > 6) {
      lost = f.find_first_not_of('0', 6) != std::string::npos;
      f.resize(6);
    }
    f.append(6 - f.size(), '0');
    s.intval.day_second.fraction = static_cast<SQLUINTEGER>(std::stoul(f));
  } else {
    lost = e.HasFraction();
  }
  return Bytes(s, lost ? "01S07" : nullptr);
}

Expectation FloatingFor(SQLSMALLINT c, double d, bool exact_double) {
  if (c == SQL_C_FLOAT && std::fabs(d) > FLT_MAX) return Error("22003");
  if (!exact_double) return {Expectation::kApproximate, nullptr, {}, d};
  return c == SQL_C_FLOAT ? Bytes(static_cast<float>(d)) : Bytes(d);
}

Expectation BitFor(double v) {
  if (v < 0 || v >= 2) return Error("22003");
  const unsigned char bit = v >= 1 ? 1 : 0;
  return Bytes(bit, (v != 0 && v != 1) ? "01S07" : nullptr);
}

// What SQLGetData(column, c) gives for `row` (default ARD fields).
Expectation Expect(const Row& row, int column, const CType& c) {
  const Family f = c.family;
  if (f == Family::kChar || f == Family::kWChar) {
    return row.id == 2 && column != 1 ? Of(Expectation::kNull) : Of(Expectation::kAnySuccess);
  }
  const bool text_column = column == 7 || column == 11;
  const bool exact_column = column == 1 || column == 2 || column == 3 || column == 12 || column == 13;
  const bool numeric_column = exact_column || column == 4 || column == 5 || column == 6;
  bool legal = false;
  if (text_column) {
    legal = true;
  } else if (numeric_column) {
    legal = f == Family::kBinary || f == Family::kInteger || f == Family::kFloating || f == Family::kBit ||
            f == Family::kNumeric || (f == Family::kInterval && exact_column && IsSingleField(c.id));
  } else if (column == 8) {
    legal = f == Family::kBinary;
  } else if (column == 9) {
    legal = f == Family::kBinary || f == Family::kDate || f == Family::kTimestamp;
  } else {
    legal = f == Family::kBinary || f == Family::kDate || f == Family::kTime || f == Family::kTimestamp;
  }
  if (!legal) return Of(Expectation::kForbidden);
  if (row.id == 2 && column != 1) return Of(Expectation::kNull);

  // Character columns: their text is not a number, date, GUID or interval
  // (TIMESTAMP_TZ dates and timestamps take the UTC instant).
  if (text_column) {
    const std::string& text = column == 7 ? *row.string_v : *row.tstz_text;
    if (f == Family::kBinary) return {Expectation::kBytes, nullptr, text, 0};
    if (column == 11 && (f == Family::kDate || f == Family::kTime || f == Family::kTimestamp)) {
      return DatetimeFor(f, ParseStamp(*row.tstz_utc), false);
    }
    return Error("22018");
  }
  if (column == 8) return {Expectation::kBytes, nullptr, *row.binary_v, 0};
  if (column == 9 || column == 10) {
    const SQL_TIMESTAMP_STRUCT s = ParseStamp(column == 9 ? *row.date_v : *row.datetime_v);
    if (f == Family::kBinary) {
      if (column == 9) return Bytes(SQL_DATE_STRUCT{s.year, s.month, s.day});
      return Bytes(s);
    }
    return DatetimeFor(f, s, column == 9);
  }

  // Numeric columns.
  Exact exact;
  double approximate = 0;
  bool is_double = false;
  switch (column) {
    case 1: exact = FromInteger(row.id); break;
    case 2: exact = FromInteger(*row.long_v); break;
    case 3: exact = FromInteger(*row.int_v); break;
    case 6: exact = FromInteger(*row.bool_v ? 1 : 0); break;
    case 12: exact = ParseExact(*row.decimal_v); break;
    case 13: exact = ParseExact(*row.small_decimal_v); break;
    default:
      is_double = true;
      approximate = column == 4 ? *row.double_v : *row.float_v;
      exact = ExactOfDouble(approximate);
  }
  const double as_double = is_double ? approximate : std::stod((exact.negative ? "-" : "") +
                                                              [&] {
                                                                std::string digits;
                                                                Int128 w = exact.whole;
                                                                do {
                                                                  digits.insert(digits.begin(), char('0' + int(w % 10)));
                                                                  w /= 10;
                                                                } while (w != 0);
                                                                return digits;
                                                              }() +
                                                              "." + exact.fraction + "0");
  switch (f) {
    case Family::kBinary:
      switch (column) {
        case 1: return Bytes(static_cast<int32_t>(row.id));
        case 2: return Bytes(*row.long_v);
        case 3: return Bytes(static_cast<int32_t>(*row.int_v));
        case 4: return Bytes(*row.double_v);
        case 5: return Bytes(static_cast<float>(*row.float_v));
        case 6: return Bytes(static_cast<unsigned char>(*row.bool_v ? 1 : 0));
        default: {
          // SQL_NUMERIC_STRUCT at precision 38 and the column's scale: exact.
          Expectation e = NumericOf(exact, 38, column == 12 ? 10 : 2);
          e.sqlstate = nullptr;
          return e;
        }
      }
    case Family::kInteger: return IntegerFor(c.id, exact.Signed(), exact.HasFraction());
    case Family::kFloating: return FloatingFor(c.id, as_double, is_double || (column != 12 && column != 13));
    case Family::kBit: return BitFor(as_double);
    case Family::kNumeric: return NumericOf(exact, 38, 0);
    case Family::kInterval: return IntervalOf(c.id, exact);
    default: return Of(Expectation::kForbidden);
  }
}

std::string StateOf(SQLHSTMT stmt) {
  const std::vector<Diagnostic> d = Diagnostics(SQL_HANDLE_STMT, stmt);
  return d.empty() ? std::string() : d.front().sqlstate;
}

// Checks one SQLGetData outcome against its expectation.
void Check(SQLHSTMT stmt, SQLRETURN rc, const char* buffer, SQLLEN indicator, const Expectation& e,
           const std::string& what) {
  switch (e.kind) {
    case Expectation::kForbidden:
      EXPECT_EQ(rc, SQL_ERROR) << what;
      EXPECT_EQ(StateOf(stmt), "07006") << what;
      return;
    case Expectation::kNull:
      EXPECT_EQ(rc, SQL_SUCCESS) << what;
      EXPECT_EQ(indicator, SQL_NULL_DATA) << what;
      return;
    case Expectation::kError:
      EXPECT_EQ(rc, SQL_ERROR) << what;
      EXPECT_EQ(StateOf(stmt), e.sqlstate) << what;
      return;
    case Expectation::kAnySuccess:
      EXPECT_TRUE(Succeeded(rc)) << what << ": " << Describe(SQL_HANDLE_STMT, stmt);
      return;
    case Expectation::kApproximate: {
      ASSERT_TRUE(Succeeded(rc)) << what << ": " << Describe(SQL_HANDLE_STMT, stmt);
      double got = 0;
      if (indicator == 4) {
        float f = 0;
        std::memcpy(&f, buffer, sizeof f);
        got = f;
        EXPECT_EQ(f, static_cast<float>(e.approximate)) << what;
      } else {
        std::memcpy(&got, buffer, sizeof got);
        EXPECT_NEAR(got, e.approximate, std::fabs(e.approximate) * 1e-15) << what;
      }
      return;
    }
    case Expectation::kBytes:
      if (e.sqlstate == nullptr) {
        EXPECT_EQ(rc, SQL_SUCCESS) << what << ": " << Describe(SQL_HANDLE_STMT, stmt);
      } else {
        EXPECT_EQ(rc, SQL_SUCCESS_WITH_INFO) << what;
        EXPECT_EQ(StateOf(stmt), e.sqlstate) << what;
      }
      ASSERT_EQ(indicator, static_cast<SQLLEN>(e.bytes.size())) << what;
      EXPECT_EQ(std::string(buffer, e.bytes.size()), e.bytes) << what;
      return;
  }
}

class TypeMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error();
  }
  Connection connection_;
};

constexpr const char* kColumnNames[] = {"id",          "long_col",     "int_col",  "double_col", "float_col",
                                        "bool_col",    "string_col",   "binary_col", "date_col", "datetime_col",
                                        "tstz_col",    "decimal_col",  "small_decimal_col"};

TEST_F(TypeMatrixTest, EveryColumnWithEveryCTypeThroughSqlGetData) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT * FROM types.all_types ORDER BY id"), SQL_SUCCESS) << s.Error();
  size_t checked = 0;
  for (const Row& row : Rows()) {
    ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
    for (int column = 1; column <= 13; ++column) {
      for (const CType& c : kCTypes) {
        if (c.odbc2) continue;
        // Reading another column first resets the piecewise state of this one.
        char other[64];
        SQLLEN other_indicator = 0;
        SQLGetData(s.get(), static_cast<SQLUSMALLINT>(column == 1 ? 2 : 1), SQL_C_CHAR, other, sizeof other,
                   &other_indicator);
        alignas(16) char buffer[128];
        std::memset(buffer, 0x5A, sizeof buffer);
        SQLLEN indicator = -7;
        const SQLRETURN rc =
            SQLGetData(s.get(), static_cast<SQLUSMALLINT>(column), c.id, buffer, sizeof buffer, &indicator);
        const Expectation e = Expect(row, column, c);
        Check(s.get(), rc, buffer, indicator, e,
              "row " + std::to_string(row.id) + " " + kColumnNames[column - 1] + " as SQL_C_" + c.name);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 6u * 13u * e6support::Odbc3CTypeCount());
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
}

// Bytes one value of `c` occupies in a column-wise array (ODBC: the C type's
// size; BufferLength for the variable-length types).
size_t ElementSize(const CType& c, size_t buffer_length) {
  switch (c.family) {
    case Family::kChar:
    case Family::kWChar:
    case Family::kBinary: return buffer_length;
    case Family::kFloating: return c.id == SQL_C_FLOAT ? sizeof(SQLREAL) : sizeof(SQLDOUBLE);
    case Family::kBit: return 1;
    case Family::kNumeric: return sizeof(SQL_NUMERIC_STRUCT);
    case Family::kDate: return sizeof(SQL_DATE_STRUCT);
    case Family::kTime: return sizeof(SQL_TIME_STRUCT);
    case Family::kTimestamp: return sizeof(SQL_TIMESTAMP_STRUCT);
    case Family::kGuid: return sizeof(SQLGUID);
    case Family::kInterval: return sizeof(SQL_INTERVAL_STRUCT);
    case Family::kInteger:
      switch (c.id) {
        case SQL_C_STINYINT:
        case SQL_C_UTINYINT:
        case SQL_C_TINYINT: return 1;
        case SQL_C_SSHORT:
        case SQL_C_USHORT:
        case SQL_C_SHORT: return 2;
        case SQL_C_SBIGINT:
        case SQL_C_UBIGINT: return 8;
        default: return 4;
      }
  }
  return 0;
}

// Every C type bound to every column it may convert, all six rows in one
// rowset, row-wise or column-wise; each cell against the SQLGetData
// expectations (an error shows as SQL_ROW_ERROR in the row status). Binding a
// forbidden pair makes the fetch fail with 07006.
void BoundSweep(const Connection& connection, bool row_wise) {
  constexpr size_t kRows = 6;
  constexpr size_t kColumns = 13;
  constexpr size_t kBuffer = 128;
  constexpr size_t kSlot = kBuffer + sizeof(SQLLEN);  // row-wise: value, then its indicator
  for (const CType& c : kCTypes) {
    if (c.odbc2) continue;
    Statement s(connection);
    std::vector<SQLUSMALLINT> status(kRows, 0xFFFF);
    SQLULEN fetched = 0;
    SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRows), 0);
    SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_STATUS_PTR, status.data(), 0);
    SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
    if (row_wise) {
      SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(kColumns * kSlot), 0);
    }
    ASSERT_EQ(s.Execute("SELECT * FROM types.all_types ORDER BY id"), SQL_SUCCESS) << s.Error();
    std::vector<char> rows(kRows * kColumns * kSlot, '\x5A');
    std::vector<std::vector<char>> columns(kColumns, std::vector<char>(kRows * kBuffer, '\x5A'));
    std::vector<std::vector<SQLLEN>> indicators(kColumns, std::vector<SQLLEN>(kRows, -7));
    const size_t element = ElementSize(c, kBuffer);
    const auto value_at = [&](size_t column, size_t row) -> const char* {
      return row_wise ? &rows[row * kColumns * kSlot + column * kSlot] : &columns[column][row * element];
    };
    const auto indicator_at = [&](size_t column, size_t row) -> SQLLEN {
      SQLLEN v = 0;
      if (row_wise) {
        std::memcpy(&v, &rows[row * kColumns * kSlot + column * kSlot + kBuffer], sizeof v);
      } else {
        v = indicators[column][row];
      }
      return v;
    };
    std::vector<bool> bound(kColumns, false);
    for (size_t col = 0; col < kColumns; ++col) {
      if (Expect(Rows()[0], static_cast<int>(col + 1), c).kind == Expectation::kForbidden) continue;
      bound[col] = true;
      char* data = row_wise ? &rows[col * kSlot] : columns[col].data();
      SQLLEN* indicator = row_wise ? reinterpret_cast<SQLLEN*>(&rows[col * kSlot + kBuffer]) : indicators[col].data();
      ASSERT_EQ(SQLBindCol(s.get(), static_cast<SQLUSMALLINT>(col + 1), c.id, data, kBuffer, indicator), SQL_SUCCESS)
          << c.name;
    }
    const SQLRETURN rc = SQLFetch(s.get());
    ASSERT_TRUE(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) << c.name << ": " << s.Error();
    ASSERT_EQ(fetched, kRows) << c.name;
    for (size_t r = 0; r < kRows; ++r) {
      const Row& row = Rows()[r];
      bool any_error = false, any_warning = false;
      for (size_t col = 0; col < kColumns; ++col) {
        if (!bound[col]) continue;
        const Expectation e = Expect(row, static_cast<int>(col + 1), c);
        const std::string what = std::string(row_wise ? "row-wise " : "column-wise ") + "row " +
                                 std::to_string(row.id) + " " + kColumnNames[col] + " as SQL_C_" + c.name;
        const SQLLEN indicator = indicator_at(col, r);
        switch (e.kind) {
          case Expectation::kNull: EXPECT_EQ(indicator, SQL_NULL_DATA) << what; break;
          case Expectation::kError: any_error = true; break;
          case Expectation::kAnySuccess: EXPECT_GE(indicator, 0) << what; break;
          case Expectation::kApproximate: {
            double got = 0;
            if (c.id == SQL_C_FLOAT) {
              float f = 0;
              std::memcpy(&f, value_at(col, r), sizeof f);
              EXPECT_EQ(f, static_cast<float>(e.approximate)) << what;
            } else {
              std::memcpy(&got, value_at(col, r), sizeof got);
              EXPECT_NEAR(got, e.approximate, std::fabs(e.approximate) * 1e-15) << what;
            }
            break;
          }
          case Expectation::kBytes:
            any_warning = any_warning || e.sqlstate != nullptr;
            ASSERT_EQ(indicator, static_cast<SQLLEN>(e.bytes.size())) << what;
            EXPECT_EQ(std::string(value_at(col, r), e.bytes.size()), e.bytes) << what;
            break;
          case Expectation::kForbidden: break;
        }
      }
      const SQLUSMALLINT expected_status =
          any_error ? SQL_ROW_ERROR : any_warning ? SQL_ROW_SUCCESS_WITH_INFO : SQL_ROW_SUCCESS;
      if (c.family != Family::kChar && c.family != Family::kWChar) {
        EXPECT_EQ(status[r], expected_status) << c.name << " row " << row.id;
      }
    }
    // A forbidden pair fails the fetch as a whole.
    for (size_t col = 0; col < kColumns; ++col) {
      if (bound[col]) continue;
      Statement forbidden(connection);
      ASSERT_EQ(forbidden.Execute("SELECT * FROM types.all_types ORDER BY id"), SQL_SUCCESS);
      char buffer[kBuffer];
      SQLLEN indicator = 0;
      SQLBindCol(forbidden.get(), static_cast<SQLUSMALLINT>(col + 1), c.id, buffer, sizeof buffer, &indicator);
      EXPECT_EQ(SQLFetch(forbidden.get()), SQL_ERROR) << kColumnNames[col] << " as SQL_C_" << c.name;
      EXPECT_EQ(StateOf(forbidden.get()), "07006") << kColumnNames[col] << " as SQL_C_" << c.name;
    }
  }
}

TEST_F(TypeMatrixTest, EveryColumnWithEveryCTypeBoundColumnWise) { BoundSweep(connection_, false); }
TEST_F(TypeMatrixTest, EveryColumnWithEveryCTypeBoundRowWise) { BoundSweep(connection_, true); }

// Bound columns: column-wise over all rows in one rowset, every row's cells
// against the same expectations; SQL_C_NUMERIC precision/scale from the ARD.
TEST_F(TypeMatrixTest, ColumnWiseBindingWithNumericPrecisionFromTheArd) {
  Statement s(connection_);
  constexpr SQLULEN kRows = 6;
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRows), 0), SQL_SUCCESS);
  std::vector<SQLUSMALLINT> status(kRows);
  SQLULEN fetched = 0;
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_STATUS_PTR, status.data(), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  ASSERT_EQ(s.Execute("SELECT decimal_col, long_col, date_col, int_col, small_decimal_col FROM types.all_types "
                      "ORDER BY id"),
            SQL_SUCCESS)
      << s.Error();
  std::vector<SQL_NUMERIC_STRUCT> decimals(kRows), longs(kRows), smalls(kRows);
  std::vector<SQL_DATE_STRUCT> dates(kRows);
  std::vector<char> date_bytes(kRows * 8);
  std::vector<SQLINTEGER> ints(kRows);
  std::vector<SQLLEN> ind[6];
  for (auto& i : ind) i.assign(kRows, -7);
  ASSERT_EQ(SQLBindCol(s.get(), 1, SQL_C_NUMERIC, decimals.data(), sizeof(SQL_NUMERIC_STRUCT), ind[0].data()),
            SQL_SUCCESS);
  SQLBindCol(s.get(), 2, SQL_C_NUMERIC, longs.data(), sizeof(SQL_NUMERIC_STRUCT), ind[1].data());
  SQLBindCol(s.get(), 3, SQL_C_BINARY, date_bytes.data(), 8, ind[2].data());
  SQLBindCol(s.get(), 4, SQL_C_DEFAULT, ints.data(), sizeof(SQLINTEGER), ind[3].data());
  SQLBindCol(s.get(), 5, SQL_C_NUMERIC, smalls.data(), sizeof(SQL_NUMERIC_STRUCT), ind[4].data());
  // decimal_col exactly: NUMERIC(38,10); long_col as NUMERIC(19,2); small_decimal_col keeps the ODBC
  // defaults SQLBindCol set (precision 38, scale 0).
  SQLHDESC ard = nullptr;
  ASSERT_EQ(SQLGetStmtAttr(s.get(), SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr), SQL_SUCCESS);
  SQLINTEGER precision = 0;
  ASSERT_EQ(SQLGetDescField(ard, 5, SQL_DESC_PRECISION, &precision, 0, nullptr), SQL_SUCCESS);
  EXPECT_EQ(static_cast<SQLSMALLINT>(precision), 38);
  ASSERT_EQ(SQLSetDescField(ard, 1, SQL_DESC_SCALE, reinterpret_cast<SQLPOINTER>(10), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetDescField(ard, 2, SQL_DESC_PRECISION, reinterpret_cast<SQLPOINTER>(19), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetDescField(ard, 2, SQL_DESC_SCALE, reinterpret_cast<SQLPOINTER>(2), 0), SQL_SUCCESS);
  // SQLSetDescField on the data pointer unbinds nothing; the pointers stay.
  const SQLRETURN rc = SQLFetch(s.get());
  ASSERT_TRUE(rc == SQL_SUCCESS_WITH_INFO || rc == SQL_SUCCESS) << s.Error();
  ASSERT_EQ(fetched, kRows);
  for (size_t i = 0; i < kRows; ++i) {
    const Row& row = Rows()[i];
    const std::string what = "row " + std::to_string(row.id);
    if (row.id == 2) {
      for (int c = 0; c < 5; ++c) EXPECT_EQ(ind[c][i], SQL_NULL_DATA) << what;
      continue;
    }
    const auto bytes_of = [](const auto& v) { return std::string(reinterpret_cast<const char*>(&v), sizeof v); };
    const Expectation decimal = NumericOf(ParseExact(*row.decimal_v), 38, 10);
    EXPECT_EQ(bytes_of(decimals[i]), decimal.bytes) << what;
    const Expectation long_numeric = NumericOf(FromInteger(*row.long_v), 19, 2);
    if (long_numeric.kind == Expectation::kError) {  // 19 digits leave 17 for the whole part
      EXPECT_EQ(status[i], SQL_ROW_ERROR) << what;
    } else {
      EXPECT_EQ(bytes_of(longs[i]), long_numeric.bytes) << what;
    }
    const Expectation small = NumericOf(ParseExact(*row.small_decimal_v), 38, 0);
    EXPECT_EQ(bytes_of(smalls[i]), small.bytes) << what;
    const SQL_TIMESTAMP_STRUCT d = ParseStamp(*row.date_v);
    const SQL_DATE_STRUCT date{d.year, d.month, d.day};
    EXPECT_EQ(ind[2][i], 6) << what;
    EXPECT_EQ(std::memcmp(&date_bytes[i * 8], &date, sizeof date), 0) << what;
    EXPECT_EQ(ints[i], *row.int_v) << what;
    if (long_numeric.kind != Expectation::kError) {
      EXPECT_EQ(status[i], small.sqlstate != nullptr ? SQL_ROW_SUCCESS_WITH_INFO : SQL_ROW_SUCCESS) << what;
    }
  }
}

TEST_F(TypeMatrixTest, RowWiseBindingOfIntervalsBinaryAndTimestamps) {
  Statement s(connection_);
  struct RowBuffer {
    SQL_INTERVAL_STRUCT interval;
    SQLLEN interval_ind;
    char binary[16];
    SQLLEN binary_ind;
    SQL_TIMESTAMP_STRUCT stamp;
    SQLLEN stamp_ind;
    SQLDOUBLE dbl;
    SQLLEN dbl_ind;
  };
  constexpr SQLULEN kRows = 4;
  RowBuffer rows[kRows];
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(sizeof(RowBuffer)), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRows), 0);
  std::vector<SQLUSMALLINT> status(kRows);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_STATUS_PTR, status.data(), 0);
  ASSERT_EQ(s.Execute("SELECT int_col, long_col, tstz_col, decimal_col FROM types.all_types ORDER BY id"), SQL_SUCCESS)
      << s.Error();
  SQLBindCol(s.get(), 1, SQL_C_INTERVAL_MINUTE, &rows[0].interval, 0, &rows[0].interval_ind);
  SQLBindCol(s.get(), 2, SQL_C_BINARY, rows[0].binary, sizeof rows[0].binary, &rows[0].binary_ind);
  SQLBindCol(s.get(), 3, SQL_C_TYPE_TIMESTAMP, &rows[0].stamp, 0, &rows[0].stamp_ind);
  SQLBindCol(s.get(), 4, SQL_C_DOUBLE, &rows[0].dbl, 0, &rows[0].dbl_ind);
  ASSERT_TRUE(Succeeded(SQLFetch(s.get()))) << s.Error();
  for (size_t i = 0; i < kRows; ++i) {
    const Row& row = Rows()[i];
    const std::string what = "row " + std::to_string(row.id);
    if (row.id == 2) {
      EXPECT_EQ(rows[i].interval_ind, SQL_NULL_DATA);
      EXPECT_EQ(rows[i].stamp_ind, SQL_NULL_DATA);
      continue;
    }
    const Expectation interval = IntervalOf(SQL_C_INTERVAL_MINUTE, FromInteger(*row.int_v));
    if (interval.kind == Expectation::kError) {
      EXPECT_EQ(status[i], SQL_ROW_ERROR) << what;  // 2147483647 minutes: 22015
    } else {
      EXPECT_EQ(std::string(reinterpret_cast<const char*>(&rows[i].interval), sizeof(SQL_INTERVAL_STRUCT)),
                interval.bytes)
          << what;
    }
    EXPECT_EQ(rows[i].binary_ind, 8) << what;
    EXPECT_EQ(std::memcmp(rows[i].binary, &*row.long_v, 8), 0) << what;
    const SQL_TIMESTAMP_STRUCT utc = ParseStamp(*row.tstz_utc);
    EXPECT_EQ(std::memcmp(&rows[i].stamp, &utc, sizeof utc), 0) << what;
    EXPECT_NEAR(rows[i].dbl, std::stod(*row.decimal_v), std::fabs(std::stod(*row.decimal_v)) * 1e-15) << what;
  }
}

TEST_F(TypeMatrixTest, PiecewiseGetDataAndArdType) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT binary_col, string_col, long_col, decimal_col FROM types.all_types WHERE id = 4"),
            SQL_SUCCESS)
      << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  const Row& row = Rows()[3];
  // BINARY in 3-byte pieces: 01004 until the last piece, then SQL_NO_DATA.
  std::string collected;
  char piece[3];
  SQLLEN indicator = 0;
  SQLRETURN rc;
  while ((rc = SQLGetData(s.get(), 1, SQL_C_BINARY, piece, sizeof piece, &indicator)) != SQL_NO_DATA) {
    ASSERT_TRUE(Succeeded(rc)) << s.Error();
    collected.append(piece, static_cast<size_t>(std::min<SQLLEN>(indicator, sizeof piece)));
  }
  EXPECT_EQ(collected, *row.binary_v);
  // CHAR in 5-byte pieces (4 bytes + terminator each).
  collected.clear();
  char text[5];
  while ((rc = SQLGetData(s.get(), 2, SQL_C_CHAR, text, sizeof text, &indicator)) != SQL_NO_DATA) {
    ASSERT_TRUE(Succeeded(rc)) << s.Error();
    collected += text;
  }
  EXPECT_EQ(collected, *row.string_v);
  // A number's text never loses whole digits: 22003 instead of pieces.
  char small[5];
  EXPECT_EQ(SQLGetData(s.get(), 3, SQL_C_CHAR, small, sizeof small, &indicator), SQL_ERROR);
  EXPECT_EQ(StateOf(s.get()), "22003");
  SQLGetData(s.get(), 1, SQL_C_CHAR, small, 0, &indicator);  // move off column 3 to read it afresh
  // SQL_C_BINARY of a LONG comes whole, once.
  int64_t value = 0;
  ASSERT_EQ(SQLGetData(s.get(), 3, SQL_C_BINARY, &value, sizeof value, &indicator), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(value, *row.long_v);
  EXPECT_EQ(SQLGetData(s.get(), 3, SQL_C_BINARY, &value, sizeof value, &indicator), SQL_NO_DATA);
  // SQL_ARD_TYPE: the ARD record says NUMERIC(38,10), which holds the decimal exactly.
  SQLHDESC ard = nullptr;
  ASSERT_EQ(SQLGetStmtAttr(s.get(), SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr), SQL_SUCCESS);
  ASSERT_EQ(SQLSetDescField(ard, 4, SQL_DESC_TYPE, reinterpret_cast<SQLPOINTER>(SQL_C_NUMERIC), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetDescField(ard, 4, SQL_DESC_SCALE, reinterpret_cast<SQLPOINTER>(10), 0), SQL_SUCCESS);
  SQL_NUMERIC_STRUCT numeric{};
  ASSERT_EQ(SQLGetData(s.get(), 4, SQL_ARD_TYPE, &numeric, sizeof numeric, &indicator), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(&numeric), sizeof numeric),
            NumericOf(ParseExact(*row.decimal_v), 38, 10).bytes);
}

TEST_F(TypeMatrixTest, ComputedTextIntoGuidAndIntervals) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT '6F9619FF-8B86-D011-B42D-00C04FC964FF', '1-06', '-2 12:30:45.5', 42, 12.5, 'nope' "
                      "FROM types.all_types WHERE id = 1"),
            SQL_SUCCESS)
      << s.Error();
  SQLSMALLINT type = 0;
  SQLDescribeCol(s.get(), 4, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr);
  EXPECT_EQ(type, SQL_BIGINT);
  SQLDescribeCol(s.get(), 5, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr);
  EXPECT_EQ(type, SQL_DOUBLE);
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  SQLLEN indicator = 0;
  SQLGUID guid{};
  ASSERT_EQ(SQLGetData(s.get(), 1, SQL_C_GUID, &guid, sizeof guid, &indicator), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(guid.Data1, 0x6F9619FFu);
  EXPECT_EQ(guid.Data2, 0x8B86);
  EXPECT_EQ(guid.Data3, 0xD011);
  EXPECT_EQ(guid.Data4[0], 0xB4);
  EXPECT_EQ(guid.Data4[7], 0xFF);
  EXPECT_EQ(indicator, 16);
  SQL_INTERVAL_STRUCT interval{};
  ASSERT_EQ(SQLGetData(s.get(), 2, SQL_C_INTERVAL_YEAR_TO_MONTH, &interval, sizeof interval, &indicator), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(interval.interval_type, SQL_IS_YEAR_TO_MONTH);
  EXPECT_EQ(interval.intval.year_month.year, 1u);
  EXPECT_EQ(interval.intval.year_month.month, 6u);
  ASSERT_EQ(SQLGetData(s.get(), 3, SQL_C_INTERVAL_DAY_TO_SECOND, &interval, sizeof interval, &indicator), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(interval.interval_sign, SQL_TRUE);
  EXPECT_EQ(interval.intval.day_second.day, 2u);
  EXPECT_EQ(interval.intval.day_second.hour, 12u);
  EXPECT_EQ(interval.intval.day_second.minute, 30u);
  EXPECT_EQ(interval.intval.day_second.second, 45u);
  EXPECT_EQ(interval.intval.day_second.fraction, 500000u);
  ASSERT_EQ(SQLGetData(s.get(), 4, SQL_C_INTERVAL_DAY, &interval, sizeof interval, &indicator), SQL_SUCCESS);
  EXPECT_EQ(interval.intval.day_second.day, 42u);
  // SQL_ARD_TYPE honours the record's interval leading precision: 42 needs 2 digits.
  SQLHDESC ard = nullptr;
  ASSERT_EQ(SQLGetStmtAttr(s.get(), SQL_ATTR_APP_ROW_DESC, &ard, 0, nullptr), SQL_SUCCESS);
  ASSERT_EQ(SQLSetDescField(ard, 4, SQL_DESC_CONCISE_TYPE, reinterpret_cast<SQLPOINTER>(SQL_C_INTERVAL_DAY), 0),
            SQL_SUCCESS);
  SQLINTEGER leading = 0;
  ASSERT_EQ(SQLGetDescField(ard, 4, SQL_DESC_DATETIME_INTERVAL_PRECISION, &leading, 0, nullptr), SQL_SUCCESS);
  EXPECT_EQ(leading, 2);  // ODBC's default, set with the type
  ASSERT_EQ(SQLSetDescField(ard, 4, SQL_DESC_DATETIME_INTERVAL_PRECISION, reinterpret_cast<SQLPOINTER>(1), 0),
            SQL_SUCCESS);
  char scratch[64];
  SQLGetData(s.get(), 1, SQL_C_CHAR, scratch, sizeof scratch, &indicator);  // leave column 4 to read it again
  EXPECT_EQ(SQLGetData(s.get(), 4, SQL_ARD_TYPE, &interval, sizeof interval, &indicator), SQL_ERROR);
  EXPECT_EQ(StateOf(s.get()), "22015");
  SQLGetData(s.get(), 1, SQL_C_CHAR, scratch, sizeof scratch, &indicator);
  EXPECT_EQ(SQLGetData(s.get(), 4, SQL_C_INTERVAL_DAY_TO_HOUR, &interval, sizeof interval, &indicator), SQL_ERROR);
  EXPECT_EQ(StateOf(s.get()), "07006");
  EXPECT_EQ(SQLGetData(s.get(), 5, SQL_C_INTERVAL_SECOND, &interval, sizeof interval, &indicator), SQL_ERROR);
  EXPECT_EQ(StateOf(s.get()), "07006");  // approximate numerics never become intervals
  SQL_NUMERIC_STRUCT numeric{};
  EXPECT_EQ(SQLGetData(s.get(), 5, SQL_C_NUMERIC, &numeric, sizeof numeric, &indicator), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(StateOf(s.get()), "01S07");
  EXPECT_EQ(numeric.val[0], 12);
  EXPECT_EQ(SQLGetData(s.get(), 6, SQL_C_GUID, &guid, sizeof guid, &indicator), SQL_ERROR);
  EXPECT_EQ(StateOf(s.get()), "22018");
}

TEST_F(TypeMatrixTest, StringTypeAndColumnSizeOptions) {
  Connection wide;
  ASSERT_EQ(wide.Open(OdbcEnvironment::ConnectionString("STRING_TYPE=WVARCHAR;STRING_COLUMN_SIZE=100")), SQL_SUCCESS)
      << wide.Error();
  Statement s(wide);
  ASSERT_EQ(s.Execute("SELECT string_col, long_col FROM types.all_types WHERE id = 4"), SQL_SUCCESS) << s.Error();
  SQLSMALLINT type = 0;
  SQLULEN size = 0;
  ASSERT_EQ(SQLDescribeCol(s.get(), 1, nullptr, 0, nullptr, &type, &size, nullptr, nullptr), SQL_SUCCESS);
  EXPECT_EQ(type, SQL_WVARCHAR);
  EXPECT_EQ(size, 100u);
  SQLWCHAR text[64] = {};
  SQLLEN indicator = 0;
  ASSERT_EQ(SQLBindCol(s.get(), 1, SQL_C_DEFAULT, text, sizeof text, &indicator), SQL_SUCCESS);
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
  // "Grüße 日本語 😀": 11 UTF-16 units, the emoji a surrogate pair.
  const std::u16string expected = u"Gr\u00FC\u00DFe \u65E5\u672C\u8A9E \U0001F600";
  EXPECT_EQ(indicator, static_cast<SQLLEN>(expected.size() * 2));
  EXPECT_EQ(std::u16string(reinterpret_cast<const char16_t*>(text)), expected);

  // The default connection: SQL_VARCHAR of 65535 characters, SQL_C_DEFAULT is UTF-8.
  Statement narrow(connection_);
  ASSERT_EQ(narrow.Execute("SELECT string_col FROM types.all_types WHERE id = 1"), SQL_SUCCESS) << narrow.Error();
  ASSERT_EQ(SQLDescribeCol(narrow.get(), 1, nullptr, 0, nullptr, &type, &size, nullptr, nullptr), SQL_SUCCESS);
  EXPECT_EQ(type, SQL_VARCHAR);
  EXPECT_EQ(size, 65535u);
  ASSERT_EQ(SQLFetch(narrow.get()), SQL_SUCCESS);
  char narrow_text[16];
  ASSERT_EQ(SQLGetData(narrow.get(), 1, SQL_C_DEFAULT, narrow_text, sizeof narrow_text, &indicator), SQL_SUCCESS);
  EXPECT_STREQ(narrow_text, "hello");

  Connection bad;
  EXPECT_EQ(bad.Open(OdbcEnvironment::ConnectionString("STRING_TYPE=NCHAR")), SQL_ERROR);
  EXPECT_NE(bad.Error().find("HY024"), std::string::npos) << bad.Error();
}

}  // namespace
}  // namespace e6test
