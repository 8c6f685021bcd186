// Every ODBC C type a result column can be read as, with its family: the
// axis of the conversion-matrix tests, in the unit suite (convert) and
// through the driver manager (integration).
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstddef>

namespace e6support {

enum class CTypeFamily {
  kChar, kWChar, kBinary, kInteger, kFloating, kBit, kNumeric, kDate, kTime, kTimestamp, kGuid, kInterval
};

struct CType {
  SQLSMALLINT id;
  const char* name;  // without the SQL_C_ prefix
  CTypeFamily family;
  bool odbc2 = false;  // SQL_C_DATE / TIME / TIMESTAMP: the ODBC 2 codes of the TYPE_ forms
};

inline constexpr CType kCTypes[] = {
    {SQL_C_CHAR, "CHAR", CTypeFamily::kChar},
    {SQL_C_WCHAR, "WCHAR", CTypeFamily::kWChar},
    {SQL_C_BINARY, "BINARY", CTypeFamily::kBinary},
    {SQL_C_STINYINT, "STINYINT", CTypeFamily::kInteger},
    {SQL_C_UTINYINT, "UTINYINT", CTypeFamily::kInteger},
    {SQL_C_TINYINT, "TINYINT", CTypeFamily::kInteger},
    {SQL_C_SSHORT, "SSHORT", CTypeFamily::kInteger},
    {SQL_C_USHORT, "USHORT", CTypeFamily::kInteger},
    {SQL_C_SHORT, "SHORT", CTypeFamily::kInteger},
    {SQL_C_SLONG, "SLONG", CTypeFamily::kInteger},
    {SQL_C_ULONG, "ULONG", CTypeFamily::kInteger},
    {SQL_C_LONG, "LONG", CTypeFamily::kInteger},
    {SQL_C_SBIGINT, "SBIGINT", CTypeFamily::kInteger},
    {SQL_C_UBIGINT, "UBIGINT", CTypeFamily::kInteger},
    {SQL_C_FLOAT, "FLOAT", CTypeFamily::kFloating},
    {SQL_C_DOUBLE, "DOUBLE", CTypeFamily::kFloating},
    {SQL_C_BIT, "BIT", CTypeFamily::kBit},
    {SQL_C_NUMERIC, "NUMERIC", CTypeFamily::kNumeric},
    {SQL_C_TYPE_DATE, "TYPE_DATE", CTypeFamily::kDate},
    {SQL_C_DATE, "DATE", CTypeFamily::kDate, true},
    {SQL_C_TYPE_TIME, "TYPE_TIME", CTypeFamily::kTime},
    {SQL_C_TIME, "TIME", CTypeFamily::kTime, true},
    {SQL_C_TYPE_TIMESTAMP, "TYPE_TIMESTAMP", CTypeFamily::kTimestamp},
    {SQL_C_TIMESTAMP, "TIMESTAMP", CTypeFamily::kTimestamp, true},
    {SQL_C_GUID, "GUID", CTypeFamily::kGuid},
    {SQL_C_INTERVAL_YEAR, "INTERVAL_YEAR", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_MONTH, "INTERVAL_MONTH", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_DAY, "INTERVAL_DAY", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_HOUR, "INTERVAL_HOUR", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_MINUTE, "INTERVAL_MINUTE", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_SECOND, "INTERVAL_SECOND", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_YEAR_TO_MONTH, "INTERVAL_YEAR_TO_MONTH", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_DAY_TO_HOUR, "INTERVAL_DAY_TO_HOUR", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_DAY_TO_MINUTE, "INTERVAL_DAY_TO_MINUTE", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_DAY_TO_SECOND, "INTERVAL_DAY_TO_SECOND", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_HOUR_TO_MINUTE, "INTERVAL_HOUR_TO_MINUTE", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_HOUR_TO_SECOND, "INTERVAL_HOUR_TO_SECOND", CTypeFamily::kInterval},
    {SQL_C_INTERVAL_MINUTE_TO_SECOND, "INTERVAL_MINUTE_TO_SECOND", CTypeFamily::kInterval},
};

// How many entries of kCTypes are ODBC 3 codes.
inline constexpr size_t Odbc3CTypeCount() {
  size_t n = 0;
  for (const CType& c : kCTypes) n += c.odbc2 ? 0 : 1;
  return n;
}

}  // namespace e6support
