// ODBC interval C types (SQL_C_INTERVAL_*): reading interval values from text
// ("1-06", "3 04:05:06.25", or the literal INTERVAL '...' DAY TO SECOND) and
// from exact numbers into single-field intervals, per ODBC appendix D.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string_view>

#include "wire/column_batch.h"

namespace e6odbc::convert {

// Outcome of one interval conversion. kOk and kFractionTruncated (01S07)
// filled `out`; the others did not.
enum class IntervalResult {
  kOk,
  kFractionTruncated,  // 01S07: trailing digits or fractional seconds dropped
  kLeadingOverflow,    // 22015: the leading field needs more digits than its precision
  kInvalid,            // 22018: not an interval value of this type
};

// The interval type (SQL_IS_DAY, ...) of an interval C type, or 0 when `c_type` is none.
int IntervalCodeOf(SQLSMALLINT c_type);
// True for SQL_C_INTERVAL_YEAR/MONTH/DAY/HOUR/MINUTE/SECOND.
bool IsSingleFieldInterval(SQLSMALLINT c_type);

// `leading_precision` bounds the digits of the leading field (ARD
// SQL_DESC_DATETIME_INTERVAL_PRECISION, default 2); `seconds_precision` is the
// number of fractional-second digits kept in `fraction` (SQL_DESC_PRECISION,
// default 6). Leading and trailing spaces are ignored.
IntervalResult ParseInterval(std::string_view text, SQLSMALLINT c_type, int leading_precision, int seconds_precision,
                             SQL_INTERVAL_STRUCT& out);

// An exact number into a single-field interval type (the number is the count of
// that field; a fraction becomes fractional seconds for SQL_C_INTERVAL_SECOND
// and is dropped with 01S07 otherwise).
IntervalResult IntervalFromDecimal(const wire::Decimal& value, SQLSMALLINT c_type, int leading_precision,
                                   int seconds_precision, SQL_INTERVAL_STRUCT& out);

}  // namespace e6odbc::convert
