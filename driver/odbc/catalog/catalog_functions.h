// The ODBC catalog functions as result sets: SQLTables, SQLColumns and
// SQLGetTypeInfo answered from the engine's catalog (protocol spec §3.6, §7);
// the key, index, privilege, special-column and procedure functions, which the
// engine has nothing to answer with (spec §7: no PK/FK/index reflection), as
// empty result sets with the columns ODBC defines. Argument errors throw
// DriverError (HY009 null pointer, HY097–HY101 option out of range).
#pragma once

#include <sql.h>

#include <string>

#include "odbc/catalog/name_filter.h"
#include "odbc/catalog/result_table.h"
#include "session/catalog_source.h"

namespace e6odbc::odbc::catalog {

// What the connection and the statement contribute to every catalog function.
struct CatalogScope {
  std::string connection_catalog;  // the CATALOG key; empty: the engine's default (V1 calls)
  bool metadata_id = false;        // SQL_ATTR_METADATA_ID: arguments are identifiers
  bool wide_strings = false;       // text columns are SQL_WVARCHAR
  SQLULEN string_column_size = 0;  // column size reported for unbounded text
};

ResultTable Tables(session::CatalogSource& source, const CatalogScope& scope, const NameArgument& catalog,
                   const NameArgument& schema, const NameArgument& table, const NameArgument& table_types);
ResultTable Columns(session::CatalogSource& source, const CatalogScope& scope, const NameArgument& catalog,
                    const NameArgument& schema, const NameArgument& table, const NameArgument& column);
// `data_type`: SQL_ALL_TYPES or one SQL type (ODBC 2 date/time codes accepted).
ResultTable TypeInfo(const CatalogScope& scope, SQLSMALLINT data_type);

ResultTable PrimaryKeys(const CatalogScope& scope, const NameArgument& table);
ResultTable ForeignKeys(const CatalogScope& scope, const NameArgument& pk_table, const NameArgument& fk_table);
ResultTable Statistics(const CatalogScope& scope, const NameArgument& table, SQLUSMALLINT unique,
                       SQLUSMALLINT reserved);
ResultTable SpecialColumns(const CatalogScope& scope, SQLUSMALLINT identifier_type, const NameArgument& table,
                           SQLUSMALLINT scope_option, SQLUSMALLINT nullable);
ResultTable Procedures(const CatalogScope& scope);
ResultTable ProcedureColumns(const CatalogScope& scope);
ResultTable TablePrivileges(const CatalogScope& scope);
ResultTable ColumnPrivileges(const CatalogScope& scope, const NameArgument& table);

}  // namespace e6odbc::odbc::catalog
