// Moving data to the application: SQLBindCol, SQLFetch, SQLFetchScroll, SQLGetData.
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

E6_EXPORT SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                                       SQLLEN buffer_length, SQLLEN* indicator) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.BindCol(column, c_type, data, buffer_length, indicator); });
}

E6_EXPORT SQLRETURN SQL_API SQLFetch(SQLHSTMT h) {
  return Guarded<Statement>(h, [](Statement& s) { return s.Fetch(SQL_FETCH_NEXT); });
}

E6_EXPORT SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orientation, SQLLEN) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.Fetch(orientation); });
}

E6_EXPORT SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data,
                                       SQLLEN buffer_length, SQLLEN* indicator) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.GetData(column, c_type, data, buffer_length, indicator); });
}
