// The C types outside the numeric, datetime and text families: SQL_C_GUID from
// text, the interval C types, and SQL_C_BINARY of a number or datetime.
#include "convert/run_support.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "convert/interval.h"
#include "convert/value_text.h"

namespace e6odbc::convert {
namespace {

using detail::ForEachRow;
using wire::ColumnVector;
using wire::VectorType;

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

}  // namespace

namespace detail {

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

}  // namespace detail

// ---- SQL_C_BINARY of numbers and datetimes ------------------------------------------------

namespace {

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

}  // namespace

namespace detail {

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

}  // namespace detail

}  // namespace e6odbc::convert
