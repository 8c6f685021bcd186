// Date, time and timestamp C types (SQL_C_TYPE_DATE, _TIME, _TIMESTAMP) from
// typed datetime cells and from datetime text.
#include "convert/run_support.h"

#include <chrono>
#include <cstring>
#include <limits>
#include <string>

#include "convert/civil_time.h"
#include "convert/value_parse.h"

namespace e6odbc::convert {
namespace {

using wire::ColumnVector;
using wire::VectorType;

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

}  // namespace

namespace detail {

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

}  // namespace detail

}  // namespace e6odbc::convert
