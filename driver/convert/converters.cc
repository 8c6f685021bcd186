#include "convert/converters.h"

#include <cfloat>
#include <chrono>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <vector>

#include "common/text.h"
#include "common/utf16.h"
#include "convert/civil_time.h"
#include "convert/interval.h"
#include "convert/value_text.h"
#include "convert/value_parse.h"

namespace e6odbc::convert {
namespace {

using wire::ColumnVector;
using wire::Int128;
using wire::VectorType;

// ---- shared run loop ---------------------------------------------------------

template <typename T>
T* At(T* base, size_t index, size_t stride) {
  return base == nullptr ? nullptr : reinterpret_cast<T*>(reinterpret_cast<char*>(base) + index * stride);
}

// Runs `write(row, out, length, issue_row, issues) -> bool` for each non-NULL
// row, handling NULLs, indicators and lengths once for every converter.
template <typename Write>
void ForEachRow(const ColumnVector& column, size_t first_row, size_t count, const Target& target,
                CellIssues& issues, Write write) {
  for (size_t i = 0; i < count; ++i) {
    const size_t row = first_row + i;
    SQLLEN* indicator = At(target.indicator, i, target.indicator_stride);
    SQLLEN* octet_length = At(target.octet_length, i, target.indicator_stride);
    if (column.IsNull(row)) {
      if (indicator == nullptr) {
        issues.push_back({i, "22002", "NULL value fetched but no indicator buffer was bound", true});
      } else {
        *indicator = SQL_NULL_DATA;
      }
      continue;
    }
    char* out = target.data == nullptr ? nullptr : target.data + i * target.data_stride;
    SQLLEN length = 0;
    if (!write(row, out, length, i, issues)) continue;
    if (octet_length != nullptr) *octet_length = length;
    if (indicator != nullptr && indicator != octet_length) *indicator = 0;
  }
}

// ---- reading a cell as a number ------------------------------------------------

// An exact number (integers, decimals, booleans and numeric text) or a double.
struct Number {
  bool is_double = false;
  double approximate = 0;
  wire::Decimal exact;
};

std::optional<Number> ReadNumber(const ColumnVector& column, size_t row) {
  const size_t slot = column.Slot(row);
  switch (column.type) {
    case VectorType::kInteger:
    case VectorType::kLong:
      return Number{false, 0, {column.int64_values[slot], 0}};
    case VectorType::kBoolean:
      return Number{false, 0, {column.bool_values[slot] ? 1 : 0, 0}};
    case VectorType::kDecimal128:
      return Number{false, 0, column.decimal_values[slot]};
    case VectorType::kDouble:
    case VectorType::kFloat:
      return Number{true, column.double_values[slot], {}};
    case VectorType::kString:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct:
      if (auto exact = ParseDecimal(column.text_values[slot])) return Number{false, 0, *exact};
      if (auto approximate = ParseDouble(column.text_values[slot])) return Number{true, *approximate, {}};
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

Int128 Pow10(int32_t exponent) {
  Int128 result = 1;
  for (int32_t i = 0; i < exponent; ++i) result *= 10;
  return result;
}

// Integer part of an exact number (truncated toward zero); `fraction_lost` set
// when digits after the point were dropped. nullopt when beyond 128 bits.
std::optional<Int128> IntegerPart(const wire::Decimal& d, bool& fraction_lost) {
  fraction_lost = false;
  if (d.scale <= 0) {
    if (d.scale < -38) return d.unscaled == 0 ? std::optional<Int128>(0) : std::nullopt;
    const Int128 factor = Pow10(-d.scale);
    const Int128 limit = std::numeric_limits<Int128>::max() / factor;
    if (d.unscaled > limit || d.unscaled < -limit) return std::nullopt;
    return d.unscaled * factor;
  }
  if (d.scale > 38) {
    fraction_lost = d.unscaled != 0;
    return 0;
  }
  const Int128 factor = Pow10(d.scale);
  fraction_lost = d.unscaled % factor != 0;
  return d.unscaled / factor;
}

double ToDouble(const Number& n) {
  if (n.is_double) return n.approximate;
  long double value = static_cast<long double>(n.exact.unscaled);
  return static_cast<double>(value / std::pow(10.0L, static_cast<long double>(n.exact.scale)));
}

void NotANumber(size_t i, const ColumnVector& column, CellIssues& issues) {
  issues.push_back({i, "22018",
                    "invalid character value for cast: a " + std::string(wire::VectorTypeName(column.type)) +
                        " value is not a number",
                    true});
}

template <typename T>
bool WriteInteger(const ColumnVector& column, size_t row, char* out, SQLLEN& length, size_t i, CellIssues& issues) {
  length = sizeof(T);
  const std::optional<Number> number = ReadNumber(column, row);
  if (!number) {
    NotANumber(i, column, issues);
    return false;
  }
  Int128 value = 0;
  bool fraction_lost = false;
  if (number->is_double) {
    const double d = number->approximate;
    if (!std::isfinite(d) || d <= static_cast<double>(std::numeric_limits<T>::min()) - 1.0 ||
        d >= static_cast<double>(std::numeric_limits<T>::max()) + 1.0) {
      issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
      return false;
    }
    value = static_cast<Int128>(std::trunc(d));
    fraction_lost = std::trunc(d) != d;
  } else {
    const std::optional<Int128> integer = IntegerPart(number->exact, fraction_lost);
    if (!integer) {
      issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
      return false;
    }
    value = *integer;
  }
  if (value < static_cast<Int128>(std::numeric_limits<T>::min()) ||
      value > static_cast<Int128>(std::numeric_limits<T>::max())) {
    issues.push_back({i, "22003", "numeric value out of range for the bound integer type", true});
    return false;
  }
  if (out != nullptr) {
    const T narrowed = static_cast<T>(value);
    std::memcpy(out, &narrowed, sizeof narrowed);
  }
  if (fraction_lost) issues.push_back({i, "01S07", "fractional truncation", false});
  return true;
}

template <typename T>
void IntegerRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    return WriteInteger<T>(c, row, out, length, i, is);
  });
}

// LONG into SQL_C_SBIGINT: the hot path of most fetches, a straight copy.
void Int64Run(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t, CellIssues&) {
    length = sizeof(int64_t);
    if (out != nullptr) std::memcpy(out, &c.int64_values[c.Slot(row)], sizeof(int64_t));
    return true;
  });
}

template <typename T>
void FloatingRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(T);
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    const double value = ToDouble(*number);
    if constexpr (std::is_same_v<T, float>) {
      if (std::isfinite(value) && std::fabs(value) > FLT_MAX) {
        is.push_back({i, "22003", "numeric value out of range for SQL_C_FLOAT", true});
        return false;
      }
    }
    if (out != nullptr) {
      const T narrowed = static_cast<T>(value);
      std::memcpy(out, &narrowed, sizeof narrowed);
    }
    return true;
  });
}

void BitRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = 1;
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    const double value = ToDouble(*number);
    // ODBC: 0 and 1 convert; (0, 2) truncates with 01S07; anything else is 22003.
    if (std::isnan(value) || value < 0.0 || value >= 2.0) {
      is.push_back({i, "22003", "numeric value out of range for SQL_C_BIT (must be 0 or 1)", true});
      return false;
    }
    const unsigned char bit = value >= 1.0 ? 1 : 0;
    if (value != 0.0 && value != 1.0) is.push_back({i, "01S07", "fractional truncation", false});
    if (out != nullptr) *reinterpret_cast<unsigned char*>(out) = bit;
    return true;
  });
}

// ---- dates and timestamps --------------------------------------------------------

// A temporal cell as a DatetimeText: typed cells are always kOk (DATE as a
// kDate shape), text cells are parsed, anything else is kNotALiteral.
DatetimeText ReadTemporal(const ColumnVector& c, size_t row) {
  const size_t slot = c.Slot(row);
  DatetimeText out;
  out.status = DatetimeText::Status::kOk;
  switch (c.type) {
    case VectorType::kDate:
      out.shape = DatetimeText::Shape::kDate;
      out.micros = FloorDiv(c.int64_values[slot], kMicrosPerDay) * kMicrosPerDay;
      return out;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96:
    case VectorType::kTimestampTz:
      out.micros = c.int64_values[slot];
      return out;
    case VectorType::kString:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct:
      return ParseDatetimeText(c.text_values[slot]);
    default:
      return DatetimeText{};
  }
}

// Midnight (UTC) of the current day, in epoch microseconds.
int64_t TodayMicros() {
  const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return FloorDiv(now, kMicrosPerDay) * kMicrosPerDay;
}

// Records 22018 / 22007 for a cell that is not a usable `what`; true if it is usable.
bool UsableTemporal(const DatetimeText& value, const char* what, size_t i, CellIssues& issues) {
  if (value.status == DatetimeText::Status::kOk) return true;
  if (value.status == DatetimeText::Status::kInvalidValue) {
    issues.push_back({i, "22007", std::string("invalid datetime format: an impossible ") + what, true});
  } else {
    issues.push_back({i, "22018", std::string("invalid character value for cast to a ") + what, true});
  }
  return false;
}

bool YearFits(int64_t year) { return year >= std::numeric_limits<SQLSMALLINT>::min() && year <= std::numeric_limits<SQLSMALLINT>::max(); }

void DateRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_DATE_STRUCT);
    const DatetimeText cell = ReadTemporal(c, row);
    if (!UsableTemporal(cell, "date", i, is)) return false;
    if (cell.shape == DatetimeText::Shape::kTime) {  // appendix D: a time is no date
      is.push_back({i, "22018", "invalid character value for cast to a date: a time of day", true});
      return false;
    }
    const CivilTimestamp ts = TimestampFromMicros(cell.micros);
    if (!YearFits(ts.date.year)) {
      is.push_back({i, "22008", "datetime field overflow: year outside SQL_DATE_STRUCT's range", true});
      return false;
    }
    if (out != nullptr) {
      SQL_DATE_STRUCT value{static_cast<SQLSMALLINT>(ts.date.year), static_cast<SQLUSMALLINT>(ts.date.month),
                            static_cast<SQLUSMALLINT>(ts.date.day)};
      std::memcpy(out, &value, sizeof value);
    }
    if (ts.hour != 0 || ts.minute != 0 || ts.second != 0 || ts.microsecond != 0) {
      is.push_back({i, "01S07", "fractional truncation: the time of day was dropped", false});
    }
    return true;
  });
}

void TimeRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_TIME_STRUCT);
    const DatetimeText cell = ReadTemporal(c, row);
    if (!UsableTemporal(cell, "time", i, is)) return false;
    if (cell.shape == DatetimeText::Shape::kDate) {
      is.push_back({i, "22018", "invalid character value for cast to a time: a date without a time", true});
      return false;
    }
    const CivilTimestamp ts = TimestampFromMicros(cell.micros);
    if (out != nullptr) {
      SQL_TIME_STRUCT value{static_cast<SQLUSMALLINT>(ts.hour), static_cast<SQLUSMALLINT>(ts.minute),
                            static_cast<SQLUSMALLINT>(ts.second)};
      std::memcpy(out, &value, sizeof value);
    }
    if (ts.microsecond != 0) is.push_back({i, "01S07", "fractional truncation: fractional seconds dropped", false});
    return true;
  });
}

void TimestampRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_TIMESTAMP_STRUCT);
    const DatetimeText cell = ReadTemporal(c, row);
    if (!UsableTemporal(cell, "timestamp", i, is)) return false;
    int64_t micros = cell.micros;
    if (cell.shape == DatetimeText::Shape::kTime) micros += TodayMicros();  // appendix D: today's date (UTC)
    const CivilTimestamp ts = TimestampFromMicros(micros);
    if (!YearFits(ts.date.year)) {
      is.push_back({i, "22008", "datetime field overflow: year outside SQL_TIMESTAMP_STRUCT's range", true});
      return false;
    }
    if (out != nullptr) {
      SQL_TIMESTAMP_STRUCT value{static_cast<SQLSMALLINT>(ts.date.year),
                                 static_cast<SQLUSMALLINT>(ts.date.month),
                                 static_cast<SQLUSMALLINT>(ts.date.day),
                                 static_cast<SQLUSMALLINT>(ts.hour),
                                 static_cast<SQLUSMALLINT>(ts.minute),
                                 static_cast<SQLUSMALLINT>(ts.second),
                                 ts.microsecond * 1000};
      std::memcpy(out, &value, sizeof value);
    }
    return true;
  });
}

// ---- SQL_C_NUMERIC ------------------------------------------------------------------

__extension__ using UInt128 = unsigned __int128;

// The shortest decimal that reads back as `value` (finite), exactly:
// "1.25e+300" -> {125, -298}. Doubles carry at most 17 significant digits.
wire::Decimal DecimalFromDouble(double value) {
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  const size_t e = text.find('e');
  Int128 unscaled = 0;
  int32_t fraction_digits = 0;
  bool after_point = false;
  for (const char c : text.substr(0, e)) {
    if (c == '.') {
      after_point = true;
    } else if (c >= '0' && c <= '9') {
      unscaled = unscaled * 10 + (c - '0');
      if (after_point) ++fraction_digits;
    }
  }
  int32_t exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(), exponent);
  return {value < 0 ? -unscaled : unscaled, fraction_digits - exponent};
}

constexpr UInt128 kTenTo38 = [] {
  UInt128 v = 1;
  for (int i = 0; i < 38; ++i) v *= 10;
  return v;
}();

enum class Rescaled { kExact, kFractionLost, kOverflow };

// |d| * 10^target_scale as an integer magnitude below 10^38.
Rescaled RescaleMagnitude(const wire::Decimal& d, int32_t target_scale, UInt128& magnitude) {
  magnitude = d.unscaled < 0 ? UInt128{0} - static_cast<UInt128>(d.unscaled) : static_cast<UInt128>(d.unscaled);
  if (magnitude == 0) return Rescaled::kExact;
  int64_t shift = int64_t{target_scale} - d.scale;
  bool lost = false;
  for (; shift > 0; --shift) {
    if (magnitude >= kTenTo38 / 10) return Rescaled::kOverflow;
    magnitude *= 10;
  }
  for (; shift < 0 && magnitude != 0; ++shift) {
    lost = lost || magnitude % 10 != 0;
    magnitude /= 10;
  }
  if (magnitude >= kTenTo38) return Rescaled::kOverflow;
  return lost ? Rescaled::kFractionLost : Rescaled::kExact;
}

void NumericRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  const SQLSMALLINT precision = t.precision < 1 || t.precision > 38 ? kDefaultNumericPrecision : t.precision;
  const SQLSMALLINT scale = t.scale < -38 ? -38 : t.scale > 38 ? 38 : t.scale;
  const UInt128 limit = [&] {
    UInt128 v = 1;
    for (int i = 0; i < precision; ++i) v *= 10;
    return v;
  }();
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_NUMERIC_STRUCT);
    const std::optional<Number> number = ReadNumber(c, row);
    if (!number) {
      NotANumber(i, c, is);
      return false;
    }
    if (number->is_double && !std::isfinite(number->approximate)) {
      is.push_back({i, "22003", "numeric value out of range: infinity or NaN has no SQL_C_NUMERIC form", true});
      return false;
    }
    const wire::Decimal exact = number->is_double ? DecimalFromDouble(number->approximate) : number->exact;
    UInt128 magnitude = 0;
    const Rescaled rescaled = RescaleMagnitude(exact, scale, magnitude);
    if (rescaled == Rescaled::kOverflow || magnitude >= limit) {
      is.push_back({i, "22003",
                    "numeric value out of range for SQL_C_NUMERIC(" + std::to_string(precision) + "," +
                        std::to_string(scale) + ")",
                    true});
      return false;
    }
    if (out != nullptr) {
      SQL_NUMERIC_STRUCT value{};
      value.precision = static_cast<SQLCHAR>(precision);
      value.scale = static_cast<SQLSCHAR>(scale);
      value.sign = (exact.unscaled < 0 && magnitude != 0) ? 0 : 1;  // 1 = positive, 0 = negative
      for (size_t b = 0; b < SQL_MAX_NUMERIC_LEN; ++b) value.val[b] = static_cast<SQLCHAR>(magnitude >> (8 * b));
      std::memcpy(out, &value, sizeof value);
    }
    if (rescaled == Rescaled::kFractionLost) is.push_back({i, "01S07", "fractional truncation", false});
    return true;
  });
}

// ---- SQL_C_GUID (from text) -----------------------------------------------------------

std::optional<SQLGUID> ParseGuid(std::string_view text) {
  text = Trim(text);
  if (text.size() != 36) return std::nullopt;
  uint8_t bytes[16];
  size_t n = 0;
  for (size_t i = 0; i < 36;) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    const auto nibble = [](char ch) -> int {
      if (ch >= '0' && ch <= '9') return ch - '0';
      if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
      if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
      return -1;
    };
    const int high = nibble(text[i]), low = nibble(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes[n++] = static_cast<uint8_t>(high << 4 | low);
    i += 2;
  }
  SQLGUID guid{};
  guid.Data1 = static_cast<DWORD>(uint32_t{bytes[0]} << 24 | uint32_t{bytes[1]} << 16 | uint32_t{bytes[2]} << 8 | bytes[3]);
  guid.Data2 = static_cast<WORD>(bytes[4] << 8 | bytes[5]);
  guid.Data3 = static_cast<WORD>(bytes[6] << 8 | bytes[7]);
  std::memcpy(guid.Data4, bytes + 8, 8);
  return guid;
}

void GuidRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  std::string text;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQLGUID);
    text.clear();
    AppendCellText(c, row, text);
    const std::optional<SQLGUID> guid = ParseGuid(text);
    if (!guid) {
      is.push_back({i, "22018", "invalid character value for cast: not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
                    true});
      return false;
    }
    if (out != nullptr) std::memcpy(out, &*guid, sizeof *guid);
    return true;
  });
}

// ---- interval C types ------------------------------------------------------------------

bool IsTextType(VectorType type);

void IntervalRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  const bool has_seconds = t.c_type == SQL_C_INTERVAL_SECOND || t.c_type == SQL_C_INTERVAL_DAY_TO_SECOND ||
                           t.c_type == SQL_C_INTERVAL_HOUR_TO_SECOND || t.c_type == SQL_C_INTERVAL_MINUTE_TO_SECOND;
  const int seconds_precision = has_seconds ? t.precision : 0;
  const bool from_text = IsTextType(c.type) || c.type == VectorType::kTimestampTz;
  std::string text;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    length = sizeof(SQL_INTERVAL_STRUCT);
    SQL_INTERVAL_STRUCT value{};
    IntervalResult result = IntervalResult::kInvalid;
    if (from_text) {
      text.clear();
      AppendCellText(c, row, text);
      result = ParseInterval(text, t.c_type, static_cast<int>(t.leading_precision), seconds_precision, value);
    } else if (const std::optional<Number> number = ReadNumber(c, row); number && !number->is_double) {
      result = IntervalFromDecimal(number->exact, t.c_type, static_cast<int>(t.leading_precision), seconds_precision,
                                   value);
    }
    switch (result) {
      case IntervalResult::kInvalid:
        is.push_back({i, "22018", "invalid character value for cast: not an interval value of the bound type", true});
        return false;
      case IntervalResult::kLeadingOverflow:
        is.push_back({i, "22015", "interval field overflow: the leading field needs more than " +
                                      std::to_string(t.leading_precision) + " digits",
                      true});
        return false;
      case IntervalResult::kFractionTruncated:
        is.push_back({i, "01S07", "fractional truncation", false});
        break;
      case IntervalResult::kOk:
        break;
    }
    if (out != nullptr) std::memcpy(out, &value, sizeof value);
    return true;
  });
}

// ---- SQL_C_BINARY of numbers and datetimes ------------------------------------------------

// The value in its default C representation (LONG -> 8-byte SQLBIGINT, DATE ->
// SQL_DATE_STRUCT, DECIMAL128 -> SQL_NUMERIC_STRUCT at the column's scale),
// converted for the whole run by `Inner`; 22003 when the buffer is smaller.
template <RunConverter Inner, SQLSMALLINT kCType>
void ValueBytesRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  const size_t size = FixedSizeOf(kCType);
  std::vector<char> values(count * size);
  Target inner;
  inner.c_type = kCType;
  inner.data = values.data();
  inner.buffer_length = static_cast<SQLLEN>(size);
  inner.data_stride = size;
  inner.precision = 38;
  inner.scale = 0;
  if (!c.decimal_values.empty()) {
    const int32_t scale = c.decimal_values.front().scale;
    inner.scale = static_cast<SQLSMALLINT>(scale < 0 ? 0 : scale > 38 ? 38 : scale);
  }
  std::vector<SQLLEN> inner_indicators(count);  // NULLs are the outer loop's business
  inner.indicator = inner_indicators.data();
  inner.indicator_stride = sizeof(SQLLEN);
  CellIssues inner_issues;
  Inner(c, first, count, inner, inner_issues);
  std::vector<bool> failed(count);
  for (const CellIssue& issue : inner_issues) {
    if (issue.is_error) failed[issue.row] = true;
    issues.push_back(issue);
  }
  ForEachRow(c, first, count, t, issues, [&](size_t, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    if (failed[i]) return false;
    length = static_cast<SQLLEN>(size);
    if (t.buffer_length < static_cast<SQLLEN>(size)) {
      is.push_back({i, "22003", "numeric value out of range: the value's " + std::to_string(size) +
                                    " bytes do not fit the SQL_C_BINARY buffer",
                    true});
      return false;
    }
    if (out != nullptr) std::memcpy(out, values.data() + i * size, size);
    return true;
  });
}

// ---- text and binary ----------------------------------------------------------

// UTF-8 bytes [0, n) without splitting a character: backs n up to a lead byte.
size_t Utf8Boundary(std::string_view s, size_t n) {
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

// UTF-16 units [0, n) without splitting a surrogate pair.
size_t Utf16Boundary(std::u16string_view s, size_t n) {
  if (n > 0 && n < s.size() && s[n] >= 0xDC00 && s[n] <= 0xDFFF) --n;
  return n;
}

std::string CellText(const ColumnVector& c, size_t row) {
  std::string text;
  AppendCellText(c, row, text);
  return text;
}

// Hex text of raw bytes: the SQL_C_CHAR form of a BINARY value.
std::string HexText(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    hex.push_back(kDigits[(static_cast<unsigned char>(byte) >> 4) & 0xF]);
    hex.push_back(kDigits[static_cast<unsigned char>(byte) & 0xF]);
  }
  return hex;
}

std::string CharText(const ColumnVector& c, size_t row) {
  if (c.type == VectorType::kBinary) return HexText(c.text_values[c.Slot(row)]);
  return CellText(c, row);
}

// Copies text[offset..] into a NUL-terminated buffer of `capacity` bytes.
// Returns the bytes copied (excluding the terminator).
size_t CopyChars(std::string_view text, char* out, SQLLEN capacity) {
  if (out == nullptr || capacity <= 0) return 0;
  const size_t room = static_cast<size_t>(capacity) - 1;
  const size_t n = text.size() <= room ? text.size() : Utf8Boundary(text, room);
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
  return n;
}

size_t CopyWide(std::u16string_view text, char* out, SQLLEN capacity) {
  if (out == nullptr || capacity < static_cast<SQLLEN>(sizeof(char16_t))) return 0;
  const size_t room = static_cast<size_t>(capacity) / sizeof(char16_t) - 1;
  const size_t n = text.size() <= room ? text.size() : Utf16Boundary(text, room);
  std::memcpy(out, text.data(), n * sizeof(char16_t));
  const char16_t terminator = 0;
  std::memcpy(out + n * sizeof(char16_t), &terminator, sizeof terminator);
  return n;
}

void Truncated(size_t i, CellIssues& issues) {
  issues.push_back({i, "01004", "string data, right truncated", false});
}

// Characters the text of a number or datetime needs before truncation would
// change its value (ODBC appendix D: the whole digits of a number, all of a
// date, a timestamp up to its seconds); 0 for text, which truncates with 01004.
size_t MinimumChars(VectorType type, std::string_view text) {
  switch (type) {
    case VectorType::kDouble:
    case VectorType::kFloat:
      // An exponent, NaN or Infinity: every character counts.
      if (text.find_first_of("eEnN") != std::string_view::npos) return text.size();
      [[fallthrough]];
    case VectorType::kInteger:
    case VectorType::kLong:
    case VectorType::kBoolean:
    case VectorType::kDecimal128:
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96: {
      const size_t point = text.find('.');
      return point == std::string_view::npos ? text.size() : point;
    }
    case VectorType::kDate: return text.size();
    default: return 0;
  }
}

void WholeDigitsLost(size_t i, CellIssues& issues) {
  issues.push_back({i, "22003", "numeric value out of range: the buffer cannot hold the value's whole digits", true});
}

void CharRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  std::string text;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    text.clear();
    if (c.type == VectorType::kBinary) {
      text = HexText(c.text_values[c.Slot(row)]);
    } else {
      AppendCellText(c, row, text);
    }
    length = static_cast<SQLLEN>(text.size());
    if (out != nullptr && static_cast<SQLLEN>(MinimumChars(c.type, text)) >= t.buffer_length) {
      WholeDigitsLost(i, is);
      return false;
    }
    if (CopyChars(text, out, t.buffer_length) < text.size()) Truncated(i, is);
    return true;
  });
}

void WideRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    const std::string narrow = CharText(c, row);
    const std::u16string text = Utf8ToUtf16(narrow);
    length = static_cast<SQLLEN>(text.size() * sizeof(char16_t));
    // Numbers and datetimes are ASCII: characters = UTF-16 units.
    if (out != nullptr &&
        static_cast<SQLLEN>(MinimumChars(c.type, narrow)) >= t.buffer_length / static_cast<SQLLEN>(sizeof(char16_t))) {
      WholeDigitsLost(i, is);
      return false;
    }
    if (CopyWide(text, out, t.buffer_length) < text.size()) Truncated(i, is);
    return true;
  });
}

// The bytes of a text (or BINARY) cell; TIMESTAMP_TZ, described as text, is its text form.
std::string_view RawBytes(const ColumnVector& c, size_t row, std::string& scratch) {
  if (c.type != VectorType::kTimestampTz) return c.text_values[c.Slot(row)];
  scratch.clear();
  AppendCellText(c, row, scratch);
  return scratch;
}

void BinaryRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  std::string scratch;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    const std::string_view bytes = RawBytes(c, row, scratch);
    length = static_cast<SQLLEN>(bytes.size());
    const size_t room = t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) : 0;
    const size_t n = bytes.size() < room ? bytes.size() : room;
    if (out != nullptr) std::memcpy(out, bytes.data(), n);
    if (n < bytes.size()) Truncated(i, is);
    return true;
  });
}

// ---- the table ------------------------------------------------------------------

bool IsTextType(VectorType type) {
  return type == VectorType::kString || type == VectorType::kArray || type == VectorType::kMap ||
         type == VectorType::kStruct;
}
bool IsNumericType(VectorType type) {
  return type == VectorType::kInteger || type == VectorType::kLong || type == VectorType::kDouble ||
         type == VectorType::kFloat || type == VectorType::kBoolean || type == VectorType::kDecimal128;
}
bool IsTemporalType(VectorType type) {
  return type == VectorType::kDate || type == VectorType::kDateTime || type == VectorType::kTimestamp ||
         type == VectorType::kInt96 || type == VectorType::kTimestampTz;
}

}  // namespace

SQLSMALLINT ResolveDefaultCType(VectorType type, bool wide_strings) {
  switch (type) {
    case VectorType::kLong: return SQL_C_SBIGINT;
    case VectorType::kInteger: return SQL_C_SLONG;
    case VectorType::kDouble: return SQL_C_DOUBLE;
    case VectorType::kFloat: return SQL_C_FLOAT;
    case VectorType::kBoolean: return SQL_C_BIT;
    case VectorType::kDate: return SQL_C_TYPE_DATE;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96: return SQL_C_TYPE_TIMESTAMP;
    case VectorType::kBinary: return SQL_C_BINARY;
    case VectorType::kDecimal128: return SQL_C_CHAR;  // ODBC's default for SQL_DECIMAL
    default: return wide_strings ? SQL_C_WCHAR : SQL_C_CHAR;
  }
}

size_t FixedSizeOf(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
    case SQL_C_DOUBLE: return 8;
    case SQL_C_SLONG:
    case SQL_C_LONG:
    case SQL_C_ULONG:
    case SQL_C_FLOAT: return 4;
    case SQL_C_SSHORT:
    case SQL_C_SHORT:
    case SQL_C_USHORT: return 2;
    case SQL_C_STINYINT:
    case SQL_C_TINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_BIT: return 1;
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    default: return IntervalCodeOf(c_type) != 0 ? sizeof(SQL_INTERVAL_STRUCT) : 0;
  }
}

SQLSMALLINT DefaultPrecision(SQLSMALLINT c_type) {
  if (c_type == SQL_C_NUMERIC) return kDefaultNumericPrecision;
  return IntervalCodeOf(c_type) != 0 ? kDefaultIntervalSecondsPrecision : 0;
}

bool IsPiecewise(SQLSMALLINT c_type) { return c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY; }

namespace {

// SQL_C_BINARY of a non-text column: its value in the column's default C type.
RunConverter ValueBytesConverter(VectorType type) {
  switch (type) {
    case VectorType::kLong: return ValueBytesRun<Int64Run, SQL_C_SBIGINT>;
    case VectorType::kInteger: return ValueBytesRun<IntegerRun<int32_t>, SQL_C_SLONG>;
    case VectorType::kDouble: return ValueBytesRun<FloatingRun<double>, SQL_C_DOUBLE>;
    case VectorType::kFloat: return ValueBytesRun<FloatingRun<float>, SQL_C_FLOAT>;
    case VectorType::kBoolean: return ValueBytesRun<BitRun, SQL_C_BIT>;
    case VectorType::kDecimal128: return ValueBytesRun<NumericRun, SQL_C_NUMERIC>;
    case VectorType::kDate: return ValueBytesRun<DateRun, SQL_C_TYPE_DATE>;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96: return ValueBytesRun<TimestampRun, SQL_C_TYPE_TIMESTAMP>;
    default: return nullptr;
  }
}

}  // namespace

RunConverter FindConverter(VectorType type, SQLSMALLINT c_type) {
  // Every type has a character form; a NULL-typed column converts to anything.
  if (c_type == SQL_C_CHAR) return CharRun;
  if (c_type == SQL_C_WCHAR) return WideRun;
  if (type == VectorType::kNull) return FixedSizeOf(c_type) != 0 || IsPiecewise(c_type) ? CharRun : nullptr;
  // TIMESTAMP_TZ is described as text (SQL_VARCHAR), so it converts like text,
  // except that dates and timestamps take its instant rather than parsing it.
  const bool text = IsTextType(type) || type == VectorType::kTimestampTz;
  const bool exact = type == VectorType::kInteger || type == VectorType::kLong || type == VectorType::kDecimal128;
  const bool numeric = IsNumericType(type) || text;
  const bool temporal = IsTemporalType(type) || IsTextType(type);
  if (IntervalCodeOf(c_type) != 0) {
    if (text) return IntervalRun;
    return exact && IsSingleFieldInterval(c_type) ? IntervalRun : nullptr;
  }
  switch (c_type) {
    case SQL_C_BINARY:
      return (type == VectorType::kBinary || text) ? BinaryRun : ValueBytesConverter(type);
    case SQL_C_NUMERIC: return numeric ? NumericRun : nullptr;
    case SQL_C_GUID: return text ? GuidRun : nullptr;
    case SQL_C_SBIGINT:
      if (type == VectorType::kLong || type == VectorType::kInteger) return Int64Run;
      return numeric ? IntegerRun<int64_t> : nullptr;
    case SQL_C_UBIGINT: return numeric ? IntegerRun<uint64_t> : nullptr;
    case SQL_C_SLONG:
    case SQL_C_LONG: return numeric ? IntegerRun<int32_t> : nullptr;
    case SQL_C_ULONG: return numeric ? IntegerRun<uint32_t> : nullptr;
    case SQL_C_SSHORT:
    case SQL_C_SHORT: return numeric ? IntegerRun<int16_t> : nullptr;
    case SQL_C_USHORT: return numeric ? IntegerRun<uint16_t> : nullptr;
    case SQL_C_STINYINT:
    case SQL_C_TINYINT: return numeric ? IntegerRun<int8_t> : nullptr;
    case SQL_C_UTINYINT: return numeric ? IntegerRun<uint8_t> : nullptr;
    case SQL_C_DOUBLE: return numeric ? FloatingRun<double> : nullptr;
    case SQL_C_FLOAT: return numeric ? FloatingRun<float> : nullptr;
    case SQL_C_BIT: return numeric ? BitRun : nullptr;
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE: return temporal ? DateRun : nullptr;
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME: return (temporal && type != VectorType::kDate) ? TimeRun : nullptr;
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP: return temporal ? TimestampRun : nullptr;
    default: return nullptr;
  }
}

SQLRETURN GetPiece(const ColumnVector& c, size_t row, const Target& t, size_t& offset, CellIssues& issues) {
  if (t.c_type == SQL_C_BINARY && c.type != VectorType::kBinary && !IsTextType(c.type) &&
      c.type != VectorType::kTimestampTz) {
    if (offset != 0) return SQL_NO_DATA;
    offset = 1;
    const size_t before = issues.size();
    ValueBytesConverter(c.type)(c, row, 1, t, issues);
    for (size_t k = before; k < issues.size(); ++k) {
      if (!issues[k].is_error) return SQL_SUCCESS_WITH_INFO;
    }
    return SQL_SUCCESS;
  }
  // Re-rendering per piece keeps no per-cell cache; pieces are rare and small.
  SQLLEN remaining = 0;
  size_t copied = 0;
  size_t total = 0;
  if (t.c_type == SQL_C_WCHAR) {
    const std::string narrow = CharText(c, row);
    const std::u16string text = Utf8ToUtf16(narrow);
    total = text.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    if (offset == 0 && t.data != nullptr &&
        static_cast<SQLLEN>(MinimumChars(c.type, narrow)) >= t.buffer_length / static_cast<SQLLEN>(sizeof(char16_t))) {
      WholeDigitsLost(0, issues);
      offset = 1;
      return SQL_ERROR;
    }
    const std::u16string_view rest = std::u16string_view(text).substr(offset);
    remaining = static_cast<SQLLEN>(rest.size() * sizeof(char16_t));
    copied = CopyWide(rest, t.data, t.buffer_length);
  } else if (t.c_type == SQL_C_BINARY) {
    std::string scratch;
    const std::string_view bytes = RawBytes(c, row, scratch);
    total = bytes.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    const std::string_view rest = bytes.substr(offset);
    remaining = static_cast<SQLLEN>(rest.size());
    const size_t room = t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) : 0;
    copied = rest.size() < room ? rest.size() : room;
    if (t.data != nullptr) std::memcpy(t.data, rest.data(), copied);
  } else {
    const std::string text = CharText(c, row);
    total = text.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    if (offset == 0 && t.data != nullptr && static_cast<SQLLEN>(MinimumChars(c.type, text)) >= t.buffer_length) {
      WholeDigitsLost(0, issues);
      offset = 1;
      return SQL_ERROR;
    }
    const std::string_view rest = std::string_view(text).substr(offset);
    remaining = static_cast<SQLLEN>(rest.size());
    copied = CopyChars(rest, t.data, t.buffer_length);
  }
  if (t.octet_length != nullptr) *t.octet_length = remaining;
  if (t.indicator != nullptr && t.indicator != t.octet_length) *t.indicator = 0;
  const size_t before = offset;
  offset += copied;
  // An empty value is returned once; the next call reports SQL_NO_DATA.
  if (total == 0) offset = 1;
  if (before + copied < total) {
    Truncated(0, issues);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

}  // namespace e6odbc::convert
