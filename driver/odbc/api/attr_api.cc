// Attributes: SQLSet/GetEnvAttr, SQLSet/GetConnectAttr(W), SQLSet/GetStmtAttr(W).
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

namespace {

// String-valued connection attributes arrive as SQLWCHAR in the W door.
SQLRETURN SetConnectAttrImpl(SQLHDBC h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length, bool wide) {
  return Guarded<Connection>(h, [&](Connection& c) {
    if (wide && attribute == SQL_ATTR_CURRENT_CATALOG) {
      const std::string utf8 = InText(static_cast<SQLWCHAR*>(value), length == SQL_NTS ? SQL_NTS : length / 2);
      return c.SetAttribute(attribute, const_cast<char*>(utf8.c_str()), SQL_NTS);
    }
    return c.SetAttribute(attribute, value, length);
  });
}

}  // namespace

E6_EXPORT SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  return Guarded<Environment>(h, [&](Environment& e) { return e.SetAttribute(attribute, value); });
}
E6_EXPORT SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER,
                                          SQLINTEGER*) {
  return Guarded<Environment>(h, [&](Environment& e) { return e.GetAttribute(attribute, value); });
}

E6_EXPORT SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
  return SetConnectAttrImpl(h, attribute, value, length, false);
}
E6_EXPORT SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
  return SetConnectAttrImpl(h, attribute, value, length, true);
}

E6_EXPORT SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER cap,
                                              SQLINTEGER* length) {
  return Guarded<Connection>(h, [&](Connection& c) {
    return c.GetAttribute(attribute, value, cap, length, OutText::Narrow(value, cap));
  });
}
E6_EXPORT SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER cap,
                                               SQLINTEGER* length) {
  return Guarded<Connection>(h, [&](Connection& c) {
    return c.GetAttribute(attribute, value, cap, length, OutText::WideBytes(value, cap));
  });
}

E6_EXPORT SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.SetAttribute(attribute, value, length); });
}
E6_EXPORT SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.SetAttribute(attribute, value, length); });
}

E6_EXPORT SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER cap,
                                           SQLINTEGER* length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.GetAttribute(attribute, value, cap, length); });
}
E6_EXPORT SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER cap,
                                            SQLINTEGER* length) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.GetAttribute(attribute, value, cap, length); });
}
