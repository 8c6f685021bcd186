// Connecting: SQLConnect(W), SQLDriverConnect(W), SQLDisconnect.
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

namespace {

template <typename Char>
SQLRETURN ConnectImpl(SQLHDBC handle, Char* dsn, SQLSMALLINT dsn_length, Char* user, SQLSMALLINT user_length,
                      Char* password, SQLSMALLINT password_length) {
  return Guarded<Connection>(handle, [&](Connection& c) {
    return c.Connect(InText(dsn, dsn_length), InText(user, user_length), InText(password, password_length));
  });
}

template <typename Char>
SQLRETURN DriverConnectImpl(SQLHDBC handle, Char* in, SQLSMALLINT in_length, OutText out,
                            SQLSMALLINT* out_length, SQLUSMALLINT completion) {
  return Guarded<Connection>(handle, [&](Connection& c) {
    SQLLEN length = 0;
    const SQLRETURN rc = c.DriverConnect(InText(in, in_length), completion, out, &length);
    StoreLength(out_length, length);
    return rc;
  });
}

}  // namespace

E6_EXPORT SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR* dsn, SQLSMALLINT dsn_len, SQLCHAR* uid, SQLSMALLINT uid_len,
                                       SQLCHAR* pwd, SQLSMALLINT pwd_len) {
  return ConnectImpl(h, dsn, dsn_len, uid, uid_len, pwd, pwd_len);
}
E6_EXPORT SQLRETURN SQL_API SQLConnectW(SQLHDBC h, SQLWCHAR* dsn, SQLSMALLINT dsn_len, SQLWCHAR* uid,
                                        SQLSMALLINT uid_len, SQLWCHAR* pwd, SQLSMALLINT pwd_len) {
  return ConnectImpl(h, dsn, dsn_len, uid, uid_len, pwd, pwd_len);
}

E6_EXPORT SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND, SQLCHAR* in, SQLSMALLINT in_len, SQLCHAR* out,
                                             SQLSMALLINT out_cap, SQLSMALLINT* out_len, SQLUSMALLINT completion) {
  return DriverConnectImpl(h, in, in_len, OutText::Narrow(out, out_cap), out_len, completion);
}
E6_EXPORT SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC h, SQLHWND, SQLWCHAR* in, SQLSMALLINT in_len, SQLWCHAR* out,
                                              SQLSMALLINT out_cap, SQLSMALLINT* out_len, SQLUSMALLINT completion) {
  return DriverConnectImpl(h, in, in_len, OutText::Wide(out, out_cap), out_len, completion);
}

E6_EXPORT SQLRETURN SQL_API SQLDisconnect(SQLHDBC h) {
  return Guarded<Connection>(h, [](Connection& c) { return c.Disconnect(); });
}

E6_EXPORT SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT) {
  // No transactions: every statement commits on its own (SQL_TC_NONE).
  if (type == SQL_HANDLE_ENV) return Guarded<Environment>(h, [](Environment&) { return SQL_SUCCESS; });
  return Guarded<Connection>(h, [](Connection&) { return SQL_SUCCESS; });
}
