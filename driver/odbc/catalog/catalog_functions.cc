#include "odbc/catalog/catalog_functions.h"

#include <algorithm>
#include <sqlext.h>

#include "common/driver_error.h"
#include "common/text.h"
#include "convert/engine_type_name.h"

namespace e6odbc::odbc::catalog {
namespace {

// The only table type the engine has: its catalog does not tell views apart.
constexpr const char* kTableType = "TABLE";

Cell Text(const std::string& value) { return value; }
Cell NullableText(const std::string& value) { return value.empty() ? Cell() : Cell(value); }
Cell Number(int64_t value) { return value; }

void RequireArgument(const NameArgument& argument, const char* name) {
  if (!argument) throw DriverError("HY009", std::string("invalid use of null pointer: ") + name + " is required");
}

// With SQL_ATTR_METADATA_ID set, catalog-function arguments are identifiers
// and may not be null pointers.
void RequireIdentifiers(const CatalogScope& scope, std::initializer_list<std::pair<const NameArgument*, const char*>> args) {
  if (!scope.metadata_id) return;
  for (const auto& [argument, name] : args) RequireArgument(*argument, name);
}

// The catalogs `filter` selects: the engine's list when it lets this client
// have one (spec §13.11), else the connection's own catalog; "" stands for
// the engine's default catalog of a connection without CATALOG, reported as NULL.
// Every e6data table has a catalog, so an empty catalog argument (ODBC: "the
// tables without one") would always select nothing; like drivers of other
// catalog-based engines, it selects the connection's catalog instead.
std::vector<std::string> CatalogsToVisit(session::CatalogSource& source, const CatalogScope& scope,
                                         const NameFilter& filter) {
  const std::string& own = scope.connection_catalog;
  if (const std::string* exact = filter.exact(); exact != nullptr && (exact->empty() || *exact == own)) return {own};
  std::optional<std::vector<std::string>> listed = source.Catalogs();
  std::vector<std::string> catalogs = listed ? std::move(*listed) : std::vector<std::string>{own};
  catalogs.erase(std::remove_if(catalogs.begin(), catalogs.end(),
                                [&](const std::string& name) { return !filter.Matches(name); }),
                 catalogs.end());
  return catalogs;
}

template <typename Visit>
void ForEachTable(session::CatalogSource& source, const CatalogScope& scope, const NameFilter& catalogs,
                  const NameFilter& schemas, const NameFilter& tables, Visit&& visit) {
  for (const std::string& catalog : CatalogsToVisit(source, scope, catalogs)) {
    for (const std::string& schema : source.Schemas(catalog)) {
      if (!schemas.Matches(schema)) continue;
      for (const std::string& table : source.Tables(catalog, schema)) {
        if (tables.Matches(table)) visit(catalog, schema, table);
      }
    }
  }
}

// SQLTables' TableType: a comma-separated list, values optionally quoted.
bool WantsTables(const NameArgument& table_types) {
  if (!table_types || Trim(*table_types).empty()) return true;
  std::string_view rest = *table_types;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    std::string_view item = Trim(rest.substr(0, comma));
    if (item.size() >= 2 && item.front() == '\'' && item.back() == '\'') item = item.substr(1, item.size() - 2);
    if (item == "%" || EqualsIgnoreCase(item, kTableType)) return true;
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return false;
}

ResultTable TablesTable(const CatalogScope& scope) {
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w), TextColumn("TABLE_NAME", w),
                      TextColumn("TABLE_TYPE", w), TextColumn("REMARKS", w)});
}

bool IsEmpty(const NameArgument& argument) { return argument && argument->empty(); }
bool IsAll(const NameArgument& argument) { return argument && *argument == "%"; }

// Whether ODBC reports DECIMAL_DIGITS for a type: not for text, binary and dates.
bool HasDecimalDigits(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_WCHAR: case SQL_WVARCHAR: case SQL_VARBINARY: case SQL_TYPE_DATE:
      return false;
    default: return true;
  }
}

bool IsCharacterOrBinary(SQLSMALLINT sql_type) {
  return sql_type == SQL_CHAR || sql_type == SQL_VARCHAR || sql_type == SQL_WCHAR || sql_type == SQL_WVARCHAR ||
         sql_type == SQL_VARBINARY;
}

}  // namespace

ResultTable Tables(session::CatalogSource& source, const CatalogScope& scope, const NameArgument& catalog,
                   const NameArgument& schema, const NameArgument& table, const NameArgument& table_types) {
  RequireIdentifiers(scope, {{&catalog, "CatalogName"}, {&schema, "SchemaName"}});
  ResultTable result = TablesTable(scope);
  // The three enumerations of ODBC 3 (SQLTables, "Comments").
  if (IsAll(catalog) && IsEmpty(schema) && IsEmpty(table)) {
    for (const std::string& name : CatalogsToVisit(source, scope, NameFilter({}, NameFilter::Kind::kPattern, false))) {
      if (!name.empty()) result.AddRow({Text(name), {}, {}, {}, {}});
    }
    result.SortBy({0});
    return result;
  }
  if (IsAll(schema) && IsEmpty(catalog) && IsEmpty(table)) {
    for (const std::string& name : source.Schemas(scope.connection_catalog)) {
      result.AddRow({NullableText(scope.connection_catalog), Text(name), {}, {}, {}});
    }
    result.SortBy({1});
    return result;
  }
  if (IsAll(table_types) && IsEmpty(catalog) && IsEmpty(schema) && IsEmpty(table)) {
    result.AddRow({{}, {}, {}, Text(kTableType), {}});
    return result;
  }
  if (!WantsTables(table_types)) return result;
  const NameFilter catalogs(catalog, NameFilter::Kind::kPattern, scope.metadata_id);
  const NameFilter schemas(schema, NameFilter::Kind::kPattern, scope.metadata_id);
  const NameFilter tables(table, NameFilter::Kind::kPattern, scope.metadata_id);
  ForEachTable(source, scope, catalogs, schemas, tables,
               [&](const std::string& cat, const std::string& sch, const std::string& name) {
                 result.AddRow({NullableText(cat), Text(sch), Text(name), Text(kTableType), {}});
               });
  result.SortBy({3, 0, 1, 2});
  return result;
}

ResultTable Columns(session::CatalogSource& source, const CatalogScope& scope, const NameArgument& catalog,
                    const NameArgument& schema, const NameArgument& table, const NameArgument& column) {
  RequireIdentifiers(scope, {{&catalog, "CatalogName"}, {&schema, "SchemaName"}, {&table, "TableName"},
                             {&column, "ColumnName"}});
  const bool w = scope.wide_strings;
  std::vector<ResultColumn> columns_of_result{TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w),
                                              TextColumn("TABLE_NAME", w, false), TextColumn("COLUMN_NAME", w, false)};
  for (ResultColumn& c : TypeDescriptionColumns(w)) columns_of_result.push_back(std::move(c));
  ResultTable result(std::move(columns_of_result));
  const NameFilter catalogs(catalog, NameFilter::Kind::kOrdinary, scope.metadata_id);
  const NameFilter schemas(schema, NameFilter::Kind::kPattern, scope.metadata_id);
  const NameFilter tables(table, NameFilter::Kind::kPattern, scope.metadata_id);
  const NameFilter columns(column, NameFilter::Kind::kPattern, scope.metadata_id);
  ForEachTable(source, scope, catalogs, schemas, tables,
               [&](const std::string& cat, const std::string& sch, const std::string& name) {
                 int64_t position = 0;
                 for (const session::CatalogColumn& c : source.Columns(cat, sch, name)) {
                   ++position;
                   if (!columns.Matches(c.name)) continue;
                   const convert::SqlTypeInfo t =
                       convert::DescribeEngineTypeName(c.engine_type, scope.wide_strings, scope.string_column_size);
                   result.AddRow({NullableText(cat), Text(sch), Text(name), Text(c.name), Number(t.sql_type),
                                  Text(c.engine_type), Number(static_cast<int64_t>(t.column_size)),
                                  Number(t.octet_length),
                                  HasDecimalDigits(t.sql_type) ? Number(t.decimal_digits) : Cell(),
                                  t.num_prec_radix != 0 ? Number(t.num_prec_radix) : Cell(),
                                  // The engine's catalog says nothing of nullability; result
                                  // columns are described as nullable too.
                                  Number(SQL_NULLABLE), {}, {}, Number(t.verbose_type),
                                  t.datetime_code != 0 ? Number(t.datetime_code) : Cell(),
                                  IsCharacterOrBinary(t.sql_type) ? Number(t.octet_length) : Cell(), Number(position),
                                  Text("YES")});
                 }
               });
  result.SortBy({0, 1, 2, 16});
  return result;
}

}  // namespace e6odbc::odbc::catalog
