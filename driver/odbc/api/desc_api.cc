// Descriptor fields: SQLGetDescField(W), SQLSetDescField(W).
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

E6_EXPORT SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                                            SQLINTEGER cap, SQLINTEGER* length) {
  return Guarded<Descriptor>(h, [&](Descriptor& d) {
    return d.GetField(record, field, value, cap, length, OutText::Narrow(value, cap));
  });
}
E6_EXPORT SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                                             SQLINTEGER cap, SQLINTEGER* length) {
  return Guarded<Descriptor>(h, [&](Descriptor& d) {
    return d.GetField(record, field, value, cap, length, OutText::WideBytes(value, cap));
  });
}

E6_EXPORT SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                                            SQLINTEGER length) {
  return Guarded<Descriptor>(h, [&](Descriptor& d) { return d.SetField(record, field, value, length); });
}
E6_EXPORT SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value,
                                             SQLINTEGER length) {
  return Guarded<Descriptor>(h, [&](Descriptor& d) { return d.SetField(record, field, value, length); });
}
