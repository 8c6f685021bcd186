// Internal to the converters (converters.cc and the *_runs.cc files), not part of
// the convert interface: the run loop every converter shares, reading a cell as a
// number, and the runs the table in converters.cc dispatches to.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "convert/converters.h"
#include "wire/column_batch.h"

namespace e6odbc::convert::detail {

// ---- shared run loop ---------------------------------------------------------

template <typename T>
T* At(T* base, size_t index, size_t stride) {
  return base == nullptr ? nullptr : reinterpret_cast<T*>(reinterpret_cast<char*>(base) + index * stride);
}

// Runs `write(row, out, length, issue_row, issues) -> bool` for each non-NULL
// row, handling NULLs, indicators and lengths once for every converter.
template <typename Write>
void ForEachRow(const wire::ColumnVector& column, size_t first_row, size_t count, const Target& target,
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

// Defined in numeric_runs.cc.
std::optional<Number> ReadNumber(const wire::ColumnVector& column, size_t row);

// ---- wire type families ---------------------------------------------------------

// STRING and the nested types, whose cells arrive as text.
inline bool IsTextType(wire::VectorType type) {
  return type == wire::VectorType::kString || type == wire::VectorType::kArray || type == wire::VectorType::kMap ||
         type == wire::VectorType::kStruct;
}

// ---- the runs (RunConverter) ------------------------------------------------------

// numeric_runs.cc; IntegerRun and FloatingRun are instantiated there for the
// types the table uses.
template <typename T>
void IntegerRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void Int64Run(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
template <typename T>
void FloatingRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void BitRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void NumericRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
extern template void IntegerRun<int64_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<uint64_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<int32_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<uint32_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<int16_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<uint16_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<int8_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void IntegerRun<uint8_t>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void FloatingRun<double>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);
extern template void FloatingRun<float>(const wire::ColumnVector&, size_t, size_t, const Target&, CellIssues&);

// datetime_runs.cc
void DateRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void TimeRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void TimestampRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);

// text_runs.cc
void CharRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void WideRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void BinaryRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);

// special_runs.cc; ValueBytesConverter is the SQL_C_BINARY run of a number or
// datetime column (nullptr for other types).
void GuidRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
void IntervalRun(const wire::ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues);
RunConverter ValueBytesConverter(wire::VectorType type);

}  // namespace e6odbc::convert::detail
