#include "convert/converters.h"

#include "convert/interval.h"
#include "convert/run_support.h"

namespace e6odbc::convert {
namespace {

using detail::BinaryRun;
using detail::BitRun;
using detail::CharRun;
using detail::DateRun;
using detail::FloatingRun;
using detail::GuidRun;
using detail::Int64Run;
using detail::IntegerRun;
using detail::IntervalRun;
using detail::IsTextType;
using detail::NumericRun;
using detail::TimeRun;
using detail::TimestampRun;
using detail::ValueBytesConverter;
using detail::WideRun;
using wire::VectorType;

// ---- the table ------------------------------------------------------------------

bool IsNumericType(VectorType type) {
  return type == VectorType::kInteger || type == VectorType::kLong || type == VectorType::kDouble ||
         type == VectorType::kFloat || type == VectorType::kBoolean || type == VectorType::kDecimal128;
}
bool IsTemporalType(VectorType type) {
  return type == VectorType::kDate || type == VectorType::kDateTime || type == VectorType::kTimestamp ||
         type == VectorType::kInt96 || type == VectorType::kTimestampTz;
}

}  // namespace

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

}  // namespace e6odbc::convert
