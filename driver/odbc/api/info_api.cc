// Driver capabilities: SQLGetInfo(W), SQLGetFunctions.
#include <algorithm>
#include <cstring>
#include <iterator>

#include "odbc/api/api_common.h"
#include "odbc/get_info.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

namespace {

// The ODBC functions this library implements (all exported below or in the
// sibling api files). The driver manager answers for the rest.
constexpr SQLUSMALLINT kImplemented[] = {
    SQL_API_SQLALLOCHANDLE,    SQL_API_SQLFREEHANDLE,     SQL_API_SQLFREESTMT,      SQL_API_SQLCONNECT,
    SQL_API_SQLDRIVERCONNECT,  SQL_API_SQLDISCONNECT,     SQL_API_SQLENDTRAN,       SQL_API_SQLPREPARE,
    SQL_API_SQLEXECUTE,        SQL_API_SQLEXECDIRECT,     SQL_API_SQLNUMRESULTCOLS, SQL_API_SQLDESCRIBECOL,
    SQL_API_SQLCOLATTRIBUTE,   SQL_API_SQLROWCOUNT,       SQL_API_SQLCLOSECURSOR,   SQL_API_SQLMORERESULTS,
    SQL_API_SQLCANCEL,         SQL_API_SQLBINDCOL,        SQL_API_SQLFETCH,         SQL_API_SQLFETCHSCROLL,
    SQL_API_SQLGETDATA,        SQL_API_SQLSETENVATTR,     SQL_API_SQLGETENVATTR,    SQL_API_SQLSETCONNECTATTR,
    SQL_API_SQLGETCONNECTATTR, SQL_API_SQLSETSTMTATTR,    SQL_API_SQLGETSTMTATTR,   SQL_API_SQLGETDIAGREC,
    SQL_API_SQLGETDIAGFIELD,   SQL_API_SQLGETINFO,        SQL_API_SQLGETFUNCTIONS,  SQL_API_SQLGETDESCFIELD,
    SQL_API_SQLSETDESCFIELD,   SQL_API_SQLTABLES,         SQL_API_SQLCOLUMNS,       SQL_API_SQLGETTYPEINFO,
    SQL_API_SQLPRIMARYKEYS,    SQL_API_SQLFOREIGNKEYS,    SQL_API_SQLSTATISTICS,    SQL_API_SQLSPECIALCOLUMNS,
    SQL_API_SQLPROCEDURES,     SQL_API_SQLPROCEDURECOLUMNS, SQL_API_SQLTABLEPRIVILEGES, SQL_API_SQLCOLUMNPRIVILEGES,
    SQL_API_SQLNATIVESQL,      SQL_API_SQLBINDPARAMETER,  SQL_API_SQLNUMPARAMS,
};

SQLRETURN GetInfoImpl(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap, SQLSMALLINT* length,
                      OutText text) {
  return Guarded<Connection>(h, [&](Connection& c) { return GetInfo(c, type, value, cap, length, text); });
}

}  // namespace

E6_EXPORT SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap,
                                       SQLSMALLINT* length) {
  return GetInfoImpl(h, type, value, cap, length, OutText::Narrow(value, cap));
}
E6_EXPORT SQLRETURN SQL_API SQLGetInfoW(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT cap,
                                        SQLSMALLINT* length) {
  // SQLGetInfoW counts its buffer in bytes.
  return GetInfoImpl(h, type, value, cap, length, OutText::WideBytes(value, cap));
}

E6_EXPORT SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT function, SQLUSMALLINT* supported) {
  return Guarded<Connection>(h, [&](Connection&) {
    if (supported == nullptr) return SQL_SUCCESS;
    if (function == SQL_API_ODBC3_ALL_FUNCTIONS) {
      std::memset(supported, 0, sizeof(SQLUSMALLINT) * SQL_API_ODBC3_ALL_FUNCTIONS_SIZE);
      for (const SQLUSMALLINT f : kImplemented) supported[f >> 4] |= static_cast<SQLUSMALLINT>(1 << (f & 0xF));
      return SQL_SUCCESS;
    }
    if (function == SQL_API_ALL_FUNCTIONS) {
      std::memset(supported, 0, sizeof(SQLUSMALLINT) * 100);
      for (const SQLUSMALLINT f : kImplemented) {
        if (f < 100) supported[f] = SQL_TRUE;
      }
      return SQL_SUCCESS;
    }
    *supported = std::find(std::begin(kImplemented), std::end(kImplemented), function) != std::end(kImplemented)
                     ? SQL_TRUE
                     : SQL_FALSE;
    return SQL_SUCCESS;
  });
}
