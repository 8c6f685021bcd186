// Catalog functions: SQLTables(W), SQLColumns(W), SQLGetTypeInfo(W),
// SQLPrimaryKeys(W), SQLForeignKeys(W), SQLStatistics(W),
// SQLSpecialColumns(W), SQLProcedures(W), SQLProcedureColumns(W),
// SQLTablePrivileges(W), SQLColumnPrivileges(W); and SQLNativeSql(W).
// Each A/W pair shares one template over the character type; the result sets
// are built in odbc/catalog/.
#include "odbc/api/api_common.h"
#include "odbc/catalog/catalog_functions.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only
namespace cat = e6odbc::odbc::catalog;
using e6odbc::session::CatalogSource;

namespace {

// Runs `build(source, scope)` as the statement's catalog function.
template <typename Build>
SQLRETURN Catalog(SQLHSTMT h, Build&& build) {
  return Guarded<Statement>(h, [&](Statement& s) { return s.RunCatalogFunction(build); });
}

template <typename Char>
SQLRETURN Tables(SQLHSTMT h, Char* c, SQLSMALLINT cl, Char* s, SQLSMALLINT sl, Char* t, SQLSMALLINT tl, Char* y,
                 SQLSMALLINT yl) {
  return Catalog(h, [&](CatalogSource& source, const cat::CatalogScope& scope) {
    return cat::Tables(source, scope, InName(c, cl), InName(s, sl), InName(t, tl), InName(y, yl));
  });
}

template <typename Char>
SQLRETURN Columns(SQLHSTMT h, Char* c, SQLSMALLINT cl, Char* s, SQLSMALLINT sl, Char* t, SQLSMALLINT tl, Char* n,
                  SQLSMALLINT nl) {
  return Catalog(h, [&](CatalogSource& source, const cat::CatalogScope& scope) {
    return cat::Columns(source, scope, InName(c, cl), InName(s, sl), InName(t, tl), InName(n, nl));
  });
}

template <typename Char>
SQLRETURN PrimaryKeys(SQLHSTMT h, Char* t, SQLSMALLINT tl) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) {
    return cat::PrimaryKeys(scope, InName(t, tl));
  });
}

template <typename Char>
SQLRETURN ForeignKeys(SQLHSTMT h, Char* pk, SQLSMALLINT pkl, Char* fk, SQLSMALLINT fkl) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) {
    return cat::ForeignKeys(scope, InName(pk, pkl), InName(fk, fkl));
  });
}

template <typename Char>
SQLRETURN Statistics(SQLHSTMT h, Char* t, SQLSMALLINT tl, SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) {
    return cat::Statistics(scope, InName(t, tl), unique, reserved);
  });
}

template <typename Char>
SQLRETURN SpecialColumns(SQLHSTMT h, SQLUSMALLINT type, Char* t, SQLSMALLINT tl, SQLUSMALLINT scope_option,
                         SQLUSMALLINT nullable) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) {
    return cat::SpecialColumns(scope, type, InName(t, tl), scope_option, nullable);
  });
}

template <typename Char>
SQLRETURN ColumnPrivileges(SQLHSTMT h, Char* t, SQLSMALLINT tl) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) {
    return cat::ColumnPrivileges(scope, InName(t, tl));
  });
}

SQLRETURN TypeInfo(SQLHSTMT h, SQLSMALLINT type) {
  return Catalog(h, [&](CatalogSource&, const cat::CatalogScope& scope) { return cat::TypeInfo(scope, type); });
}

SQLRETURN Procedures(SQLHSTMT h) {
  return Catalog(h, [](CatalogSource&, const cat::CatalogScope& scope) { return cat::Procedures(scope); });
}

SQLRETURN ProcedureColumns(SQLHSTMT h) {
  return Catalog(h, [](CatalogSource&, const cat::CatalogScope& scope) { return cat::ProcedureColumns(scope); });
}

SQLRETURN TablePrivileges(SQLHSTMT h) {
  return Catalog(h, [](CatalogSource&, const cat::CatalogScope& scope) { return cat::TablePrivileges(scope); });
}

}  // namespace

E6_EXPORT SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR* c, SQLSMALLINT cl, SQLCHAR* s, SQLSMALLINT sl, SQLCHAR* t,
                                      SQLSMALLINT tl, SQLCHAR* y, SQLSMALLINT yl) {
  return Tables(h, c, cl, s, sl, t, tl, y, yl);
}
E6_EXPORT SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR* c, SQLSMALLINT cl, SQLWCHAR* s, SQLSMALLINT sl,
                                       SQLWCHAR* t, SQLSMALLINT tl, SQLWCHAR* y, SQLSMALLINT yl) {
  return Tables(h, c, cl, s, sl, t, tl, y, yl);
}

E6_EXPORT SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR* c, SQLSMALLINT cl, SQLCHAR* s, SQLSMALLINT sl, SQLCHAR* t,
                                       SQLSMALLINT tl, SQLCHAR* n, SQLSMALLINT nl) {
  return Columns(h, c, cl, s, sl, t, tl, n, nl);
}
E6_EXPORT SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR* c, SQLSMALLINT cl, SQLWCHAR* s, SQLSMALLINT sl,
                                        SQLWCHAR* t, SQLSMALLINT tl, SQLWCHAR* n, SQLSMALLINT nl) {
  return Columns(h, c, cl, s, sl, t, tl, n, nl);
}

E6_EXPORT SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type) { return TypeInfo(h, type); }
E6_EXPORT SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type) { return TypeInfo(h, type); }

// The catalog and schema of the key, index and privilege functions do not
// matter: the engine reports none of these objects, so every answer is empty.
E6_EXPORT SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR* t,
                                           SQLSMALLINT tl) {
  return PrimaryKeys(h, t, tl);
}
E6_EXPORT SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT, SQLWCHAR* t,
                                            SQLSMALLINT tl) {
  return PrimaryKeys(h, t, tl);
}

E6_EXPORT SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR* pk,
                                           SQLSMALLINT pkl, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR* fk,
                                           SQLSMALLINT fkl) {
  return ForeignKeys(h, pk, pkl, fk, fkl);
}
E6_EXPORT SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT, SQLWCHAR* pk,
                                            SQLSMALLINT pkl, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT,
                                            SQLWCHAR* fk, SQLSMALLINT fkl) {
  return ForeignKeys(h, pk, pkl, fk, fkl);
}

E6_EXPORT SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR* t,
                                          SQLSMALLINT tl, SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return Statistics(h, t, tl, unique, reserved);
}
E6_EXPORT SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT, SQLWCHAR* t,
                                           SQLSMALLINT tl, SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return Statistics(h, t, tl, unique, reserved);
}

E6_EXPORT SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT type, SQLCHAR*, SQLSMALLINT, SQLCHAR*,
                                              SQLSMALLINT, SQLCHAR* t, SQLSMALLINT tl, SQLUSMALLINT scope,
                                              SQLUSMALLINT nullable) {
  return SpecialColumns(h, type, t, tl, scope, nullable);
}
E6_EXPORT SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT type, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*,
                                               SQLSMALLINT, SQLWCHAR* t, SQLSMALLINT tl, SQLUSMALLINT scope,
                                               SQLUSMALLINT nullable) {
  return SpecialColumns(h, type, t, tl, scope, nullable);
}

E6_EXPORT SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR*,
                                          SQLSMALLINT) {
  return Procedures(h);
}
E6_EXPORT SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*,
                                           SQLSMALLINT) {
  return Procedures(h);
}

E6_EXPORT SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR*,
                                                SQLSMALLINT, SQLCHAR*, SQLSMALLINT) {
  return ProcedureColumns(h);
}
E6_EXPORT SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT,
                                                 SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT) {
  return ProcedureColumns(h);
}

E6_EXPORT SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR*,
                                               SQLSMALLINT) {
  return TablePrivileges(h);
}
E6_EXPORT SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*,
                                                SQLSMALLINT) {
  return TablePrivileges(h);
}

E6_EXPORT SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR*, SQLSMALLINT, SQLCHAR*, SQLSMALLINT, SQLCHAR* t,
                                                SQLSMALLINT tl, SQLCHAR*, SQLSMALLINT) {
  return ColumnPrivileges(h, t, tl);
}
E6_EXPORT SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR*, SQLSMALLINT, SQLWCHAR*, SQLSMALLINT,
                                                 SQLWCHAR* t, SQLSMALLINT tl, SQLWCHAR*, SQLSMALLINT) {
  return ColumnPrivileges(h, t, tl);
}

E6_EXPORT SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR* in, SQLINTEGER in_length, SQLCHAR* out,
                                         SQLINTEGER out_capacity, SQLINTEGER* out_length) {
  return Guarded<Connection>(h, [&](Connection& c) {
    return c.NativeSql(InText(in, in_length), OutText::Narrow(out, out_capacity), out_length);
  });
}
E6_EXPORT SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR* in, SQLINTEGER in_length, SQLWCHAR* out,
                                          SQLINTEGER out_capacity, SQLINTEGER* out_length) {
  return Guarded<Connection>(h, [&](Connection& c) {
    return c.NativeSql(InText(in, in_length), OutText::Wide(out, out_capacity), out_length);
  });
}
