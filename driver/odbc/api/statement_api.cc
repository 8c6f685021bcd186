// Preparing, executing and describing: SQLPrepare(W), SQLBindParameter,
// SQLNumParams, SQLExecute, SQLExecDirect(W), SQLNumResultCols, SQLDescribeCol(W), SQLColAttribute(W),
// SQLRowCount, SQLCloseCursor, SQLCancel, SQLMoreResults.
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

E6_EXPORT SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR* sql, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.Prepare(InText(sql, length)); });
}
E6_EXPORT SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR* sql, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.Prepare(InText(sql, length)); });
}

E6_EXPORT SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type,
                                             SQLSMALLINT sql_type, SQLULEN column_size, SQLSMALLINT digits,
                                             SQLPOINTER data, SQLLEN buffer_length, SQLLEN* indicator) {
  return Guarded<Statement>(h, [&](Statement& s) {
    return s.BindParameter(number, io_type, c_type, sql_type, column_size, digits, data, buffer_length, indicator);
  });
}

E6_EXPORT SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT* count) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.NumParams(count); });
}

E6_EXPORT SQLRETURN SQL_API SQLExecute(SQLHSTMT h) {
  return Guarded<Statement>(h, [](Statement& s) { return s.Execute(); });
}

E6_EXPORT SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR* sql, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.ExecDirect(InText(sql, length)); });
}
E6_EXPORT SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR* sql, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.ExecDirect(InText(sql, length)); });
}

E6_EXPORT SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT* count) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.NumResultCols(count); });
}

E6_EXPORT SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT column, SQLCHAR* name, SQLSMALLINT name_cap,
                                           SQLSMALLINT* name_len, SQLSMALLINT* type, SQLULEN* size,
                                           SQLSMALLINT* digits, SQLSMALLINT* nullable) {
  return Guarded<Statement>(h, [&](Statement& s) {
    return s.DescribeCol(column, OutText::Narrow(name, name_cap), name_len, type, size, digits, nullable);
  });
}
E6_EXPORT SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT column, SQLWCHAR* name, SQLSMALLINT name_cap,
                                            SQLSMALLINT* name_len, SQLSMALLINT* type, SQLULEN* size,
                                            SQLSMALLINT* digits, SQLSMALLINT* nullable) {
  return Guarded<Statement>(h, [&](Statement& s) {
    return s.DescribeCol(column, OutText::Wide(name, name_cap), name_len, type, size, digits, nullable);
  });
}

E6_EXPORT SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT column, SQLUSMALLINT field, SQLPOINTER text,
                                            SQLSMALLINT text_cap, SQLSMALLINT* text_len, SQLLEN* numeric) {
  return Guarded<Statement>(h, [&](Statement& s) {
    return s.ColAttribute(column, field, OutText::Narrow(text, text_cap), text_len, numeric);
  });
}
E6_EXPORT SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT column, SQLUSMALLINT field, SQLPOINTER text,
                                             SQLSMALLINT text_cap, SQLSMALLINT* text_len, SQLLEN* numeric) {
  // SQLColAttributeW counts its buffer in bytes.
  return Guarded<Statement>(h, [&](Statement& s) {
    return s.ColAttribute(column, field, OutText::WideBytes(text, text_cap), text_len, numeric);
  });
}

E6_EXPORT SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN* count) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.RowCount(count); });
}

E6_EXPORT SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h) {
  return Guarded<Statement>(h, [](Statement& s) { return s.CloseCursor(true); });
}

E6_EXPORT SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h) {
  return Guarded<Statement>(h, [](Statement& s) { return s.MoreResults(); });
}

E6_EXPORT SQLRETURN SQL_API SQLCancel(SQLHSTMT h) {
  // Runs without the statement lock: it must act while another thread holds
  // the statement inside SQLExecute, SQLFetch, ... For the same reason it
  // leaves the diagnostics alone: they belong to the function it interrupts.
  return Guarded<Statement>(h, [](Statement& s) { return s.Cancel(); }, Locking::kNone, DiagnosticsMode::kKeep);
}
