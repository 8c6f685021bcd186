#include "convert/value_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "convert/civil_time.h"
#include "convert/time_zone.h"

namespace e6odbc::convert {
namespace {

__extension__ using UInt128 = unsigned __int128;

void AppendPadded(uint64_t value, int width, std::string& out) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

void AppendYear(int64_t year, std::string& out) {
  if (year < 0) out.push_back('-');
  AppendPadded(static_cast<uint64_t>(year < 0 ? -year : year), 4, out);
}

void AppendCivil(const CivilTimestamp& t, std::string& out) {
  AppendYear(t.date.year, out);
  out.push_back('-');
  AppendPadded(t.date.month, 2, out);
  out.push_back('-');
  AppendPadded(t.date.day, 2, out);
  out.push_back(' ');
  AppendPadded(t.hour, 2, out);
  out.push_back(':');
  AppendPadded(t.minute, 2, out);
  out.push_back(':');
  AppendPadded(t.second, 2, out);
  if (t.microsecond != 0) {
    out.push_back('.');
    AppendPadded(t.microsecond, 6, out);
  }
}

void AppendOffset(int32_t offset, std::string& out) {
  const int32_t magnitude = offset < 0 ? -offset : offset;
  out.push_back(offset < 0 ? '-' : '+');
  AppendPadded(static_cast<uint64_t>(magnitude / 3600), 2, out);
  out.push_back(':');
  AppendPadded(static_cast<uint64_t>(magnitude / 60 % 60), 2, out);
  // Local mean times before standard time (e.g. -04:56:02) keep their seconds.
  if (magnitude % 60 != 0) {
    out.push_back(':');
    AppendPadded(static_cast<uint64_t>(magnitude % 60), 2, out);
  }
}

// TIMESTAMP_TZ: the local wall time at the row's zone and the offset in effect
// there ("2026-02-12 05:30:00+05:30"; UTC as "+00:00"). A region zone adds its
// name: "1970-01-01 05:30:00+05:30[Asia/Kolkata]". A zone that is neither an
// offset nor in the zone database renders as the UTC instant with the name:
// "2026-02-12 00:00:00Z[Mars/Base]".
void AppendZonedText(int64_t micros, std::string_view zone, std::string& out) {
  std::optional<int32_t> offset = ParseFixedOffset(zone);
  std::shared_ptr<const TimeZone> region;
  if (!offset) {
    region = FindTimeZone(zone);
    if (region == nullptr) {
      AppendCivil(TimestampFromMicros(micros), out);
      out += "Z[";
      out += zone;
      out.push_back(']');
      return;
    }
    offset = region->OffsetAt(FloorDiv(micros, kMicrosPerSecond));
  }
  AppendCivil(TimestampFromMicros(micros + int64_t{*offset} * kMicrosPerSecond), out);
  AppendOffset(*offset, out);
  if (region != nullptr) {
    out.push_back('[');
    out += zone;
    out.push_back(']');
  }
}

}  // namespace

void AppendDecimalText(wire::Int128 unscaled, int32_t scale, std::string& out) {
  const bool negative = unscaled < 0;
  // Negate in unsigned arithmetic so the minimum value does not overflow.
  UInt128 magnitude = negative ? UInt128{0} - static_cast<UInt128>(unscaled) : static_cast<UInt128>(unscaled);
  char digits[48];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) out.push_back('-');
  if (scale <= 0) {
    const bool zero = n == 1 && digits[0] == '0';
    while (n > 0) out.push_back(digits[--n]);
    if (!zero) out.append(static_cast<size_t>(-static_cast<int64_t>(scale)), '0');
    return;
  }
  if (n <= scale) {
    out += "0.";
    out.append(static_cast<size_t>(scale - n), '0');
    while (n > 0) out.push_back(digits[--n]);
    return;
  }
  while (n > scale) out.push_back(digits[--n]);
  out.push_back('.');
  while (n > 0) out.push_back(digits[--n]);
}

void AppendDateText(int64_t days, std::string& out) {
  const CivilDate d = CivilFromDays(days);
  AppendYear(d.year, out);
  out.push_back('-');
  AppendPadded(d.month, 2, out);
  out.push_back('-');
  AppendPadded(d.day, 2, out);
}

void AppendTimestampText(int64_t epoch_micros, std::string& out) {
  AppendCivil(TimestampFromMicros(epoch_micros), out);
}

void AppendDoubleText(double value, std::string& out) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-Infinity" : "Infinity";
    return;
  }
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void AppendCellText(const wire::ColumnVector& column, size_t row, std::string& out) {
  using wire::VectorType;
  const size_t slot = column.Slot(row);
  switch (column.type) {
    case VectorType::kInteger:
    case VectorType::kLong: {
      char buffer[24];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, column.int64_values[slot]);
      out.append(buffer, result.ptr);
      return;
    }
    case VectorType::kDouble:
    case VectorType::kFloat:
      AppendDoubleText(column.double_values[slot], out);
      return;
    case VectorType::kBoolean:
      out.push_back(column.bool_values[slot] ? '1' : '0');
      return;
    case VectorType::kDate:
      AppendDateText(FloorDiv(column.int64_values[slot], kMicrosPerDay), out);
      return;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96:
      AppendTimestampText(column.int64_values[slot], out);
      return;
    case VectorType::kTimestampTz:
      AppendZonedText(column.int64_values[slot],
                      column.zone_values.empty() ? std::string_view{} : column.zone_values[slot], out);
      return;
    case VectorType::kDecimal128: {
      const wire::Decimal& d = column.decimal_values[slot];
      AppendDecimalText(d.unscaled, d.scale, out);
      return;
    }
    case VectorType::kString:
    case VectorType::kBinary:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct:
      out += column.text_values[slot];
      return;
    case VectorType::kNull:
      return;
  }
}

}  // namespace e6odbc::convert
