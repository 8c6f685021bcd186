// The catalog functions answered without the engine: SQLGetTypeInfo from the
// driver's own type table, and the functions whose subject the engine does
// not have (keys, indexes, privileges, row identifiers, procedures) as empty
// result sets with ODBC's columns, after ODBC's argument checks.
#include <algorithm>
#include <sqlext.h>

#include "common/driver_error.h"
#include "convert/engine_type_name.h"
#include "odbc/catalog/catalog_functions.h"

namespace e6odbc::odbc::catalog {
namespace {

void RequireTable(const NameArgument& table) {
  if (!table) throw DriverError("HY009", "invalid use of null pointer: TableName is required");
}

struct EngineType {
  const char* ddl_name;     // as the engine's DDL spells it (spec §7)
  const char* create_params;
  const char* literal_prefix;
  const char* literal_suffix;
};

// One row per type the engine declares, named as its DDL renders them.
constexpr EngineType kEngineTypes[] = {
    {"BOOLEAN", nullptr, nullptr, nullptr},  {"TINYINT", nullptr, nullptr, nullptr},
    {"SMALLINT", nullptr, nullptr, nullptr}, {"INT", nullptr, nullptr, nullptr},
    {"BIGINT", nullptr, nullptr, nullptr},   {"FLOAT", nullptr, nullptr, nullptr},
    {"DOUBLE", nullptr, nullptr, nullptr},   {"DECIMAL", "precision,scale", nullptr, nullptr},
    {"STRING", nullptr, "'", "'"},           {"BINARY", nullptr, nullptr, nullptr},
    {"DATE", nullptr, "DATE '", "'"},        {"TIMESTAMP", nullptr, "TIMESTAMP '", "'"},
};

Cell OptionalText(const char* text) { return text != nullptr ? Cell(std::string(text)) : Cell(); }

// ODBC 2 applications ask for the date/time types by their old codes.
SQLSMALLINT Odbc3Type(SQLSMALLINT data_type) {
  switch (data_type) {
    case SQL_DATE: return SQL_TYPE_DATE;
    case SQL_TIME: return SQL_TYPE_TIME;
    case SQL_TIMESTAMP: return SQL_TYPE_TIMESTAMP;
    default: return data_type;
  }
}

}  // namespace

ResultTable TypeInfo(const CatalogScope& scope, SQLSMALLINT data_type) {
  const bool w = scope.wide_strings;
  ResultTable result({TextColumn("TYPE_NAME", w, false), SmallIntColumn("DATA_TYPE", false),
                      IntegerColumn("COLUMN_SIZE"), TextColumn("LITERAL_PREFIX", w), TextColumn("LITERAL_SUFFIX", w),
                      TextColumn("CREATE_PARAMS", w), SmallIntColumn("NULLABLE", false),
                      SmallIntColumn("CASE_SENSITIVE", false), SmallIntColumn("SEARCHABLE", false),
                      SmallIntColumn("UNSIGNED_ATTRIBUTE"), SmallIntColumn("FIXED_PREC_SCALE", false),
                      SmallIntColumn("AUTO_UNIQUE_VALUE"), TextColumn("LOCAL_TYPE_NAME", w),
                      SmallIntColumn("MINIMUM_SCALE"), SmallIntColumn("MAXIMUM_SCALE"),
                      SmallIntColumn("SQL_DATA_TYPE", false), SmallIntColumn("SQL_DATETIME_SUB"),
                      IntegerColumn("NUM_PREC_RADIX"), SmallIntColumn("INTERVAL_PRECISION")});
  const SQLSMALLINT wanted = Odbc3Type(data_type);
  for (const EngineType& type : kEngineTypes) {
    const convert::SqlTypeInfo t = convert::DescribeEngineTypeName(type.ddl_name, w, scope.string_column_size);
    if (wanted != SQL_ALL_TYPES && wanted != t.sql_type) continue;
    const bool numeric = convert::IsNumericSqlType(t.sql_type);
    const bool text = t.sql_type == SQL_VARCHAR || t.sql_type == SQL_WVARCHAR;
    const bool decimal = t.sql_type == SQL_DECIMAL;
    const bool timestamp = t.sql_type == SQL_TYPE_TIMESTAMP;
    Cell min_scale, max_scale;
    if (decimal) min_scale = int64_t{0}, max_scale = int64_t{38};
    if (timestamp) min_scale = max_scale = int64_t{t.decimal_digits};
    result.AddRow({std::string(type.ddl_name), int64_t{t.sql_type}, static_cast<int64_t>(t.column_size),
                   OptionalText(type.literal_prefix), OptionalText(type.literal_suffix),
                   OptionalText(type.create_params), int64_t{SQL_NULLABLE}, int64_t{text ? SQL_TRUE : SQL_FALSE},
                   int64_t{text ? SQL_SEARCHABLE : SQL_PRED_BASIC}, numeric ? Cell(int64_t{SQL_FALSE}) : Cell(),
                   int64_t{SQL_FALSE}, numeric ? Cell(int64_t{SQL_FALSE}) : Cell(), std::string(type.ddl_name),
                   min_scale, max_scale, int64_t{t.verbose_type},
                   t.datetime_code != 0 ? Cell(int64_t{t.datetime_code}) : Cell(),
                   t.num_prec_radix != 0 ? Cell(int64_t{t.num_prec_radix}) : Cell(), Cell()});
  }
  result.SortBy({1});  // by DATA_TYPE, as ODBC orders it
  return result;
}

ResultTable PrimaryKeys(const CatalogScope& scope, const NameArgument& table) {
  RequireTable(table);
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w), TextColumn("TABLE_NAME", w, false),
                      TextColumn("COLUMN_NAME", w, false), SmallIntColumn("KEY_SEQ", false), TextColumn("PK_NAME", w)});
}

ResultTable ForeignKeys(const CatalogScope& scope, const NameArgument& pk_table, const NameArgument& fk_table) {
  if (!pk_table && !fk_table) {
    throw DriverError("HY009", "invalid use of null pointer: PKTableName and FKTableName are both null");
  }
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("PKTABLE_CAT", w), TextColumn("PKTABLE_SCHEM", w),
                      TextColumn("PKTABLE_NAME", w, false), TextColumn("PKCOLUMN_NAME", w, false),
                      TextColumn("FKTABLE_CAT", w), TextColumn("FKTABLE_SCHEM", w),
                      TextColumn("FKTABLE_NAME", w, false), TextColumn("FKCOLUMN_NAME", w, false),
                      SmallIntColumn("KEY_SEQ", false), SmallIntColumn("UPDATE_RULE"), SmallIntColumn("DELETE_RULE"),
                      TextColumn("FK_NAME", w), TextColumn("PK_NAME", w), SmallIntColumn("DEFERRABILITY")});
}

ResultTable Statistics(const CatalogScope& scope, const NameArgument& table, SQLUSMALLINT unique,
                       SQLUSMALLINT reserved) {
  RequireTable(table);
  if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL) {
    throw DriverError("HY100", "uniqueness option type out of range: " + std::to_string(unique));
  }
  if (reserved != SQL_ENSURE && reserved != SQL_QUICK) {
    throw DriverError("HY101", "accuracy option type out of range: " + std::to_string(reserved));
  }
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w), TextColumn("TABLE_NAME", w, false),
                      SmallIntColumn("NON_UNIQUE"), TextColumn("INDEX_QUALIFIER", w), TextColumn("INDEX_NAME", w),
                      SmallIntColumn("TYPE", false), SmallIntColumn("ORDINAL_POSITION"), TextColumn("COLUMN_NAME", w),
                      TextColumn("ASC_OR_DESC", w), IntegerColumn("CARDINALITY"), IntegerColumn("PAGES"),
                      TextColumn("FILTER_CONDITION", w)});
}

ResultTable SpecialColumns(const CatalogScope& scope, SQLUSMALLINT identifier_type, const NameArgument& table,
                           SQLUSMALLINT scope_option, SQLUSMALLINT nullable) {
  if (identifier_type != SQL_BEST_ROWID && identifier_type != SQL_ROWVER) {
    throw DriverError("HY097", "column type out of range: " + std::to_string(identifier_type));
  }
  RequireTable(table);
  if (scope_option != SQL_SCOPE_CURROW && scope_option != SQL_SCOPE_TRANSACTION && scope_option != SQL_SCOPE_SESSION) {
    throw DriverError("HY098", "scope type out of range: " + std::to_string(scope_option));
  }
  if (nullable != SQL_NO_NULLS && nullable != SQL_NULLABLE) {
    throw DriverError("HY099", "nullable type out of range: " + std::to_string(nullable));
  }
  const bool w = scope.wide_strings;
  return ResultTable({SmallIntColumn("SCOPE"), TextColumn("COLUMN_NAME", w, false), SmallIntColumn("DATA_TYPE", false),
                      TextColumn("TYPE_NAME", w, false), IntegerColumn("COLUMN_SIZE"), IntegerColumn("BUFFER_LENGTH"),
                      SmallIntColumn("DECIMAL_DIGITS"), SmallIntColumn("PSEUDO_COLUMN")});
}

ResultTable Procedures(const CatalogScope& scope) {
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("PROCEDURE_CAT", w), TextColumn("PROCEDURE_SCHEM", w),
                      TextColumn("PROCEDURE_NAME", w, false), IntegerColumn("NUM_INPUT_PARAMS"),
                      IntegerColumn("NUM_OUTPUT_PARAMS"), IntegerColumn("NUM_RESULT_SETS"), TextColumn("REMARKS", w),
                      SmallIntColumn("PROCEDURE_TYPE")});
}

ResultTable ProcedureColumns(const CatalogScope& scope) {
  const bool w = scope.wide_strings;
  std::vector<ResultColumn> columns{TextColumn("PROCEDURE_CAT", w), TextColumn("PROCEDURE_SCHEM", w),
                                    TextColumn("PROCEDURE_NAME", w, false), TextColumn("COLUMN_NAME", w, false),
                                    SmallIntColumn("COLUMN_TYPE", false)};
  for (ResultColumn& c : TypeDescriptionColumns(w)) columns.push_back(std::move(c));
  return ResultTable(std::move(columns));
}

ResultTable TablePrivileges(const CatalogScope& scope) {
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w), TextColumn("TABLE_NAME", w, false),
                      TextColumn("GRANTOR", w), TextColumn("GRANTEE", w, false), TextColumn("PRIVILEGE", w, false),
                      TextColumn("IS_GRANTABLE", w)});
}

ResultTable ColumnPrivileges(const CatalogScope& scope, const NameArgument& table) {
  RequireTable(table);
  const bool w = scope.wide_strings;
  return ResultTable({TextColumn("TABLE_CAT", w), TextColumn("TABLE_SCHEM", w), TextColumn("TABLE_NAME", w, false),
                      TextColumn("COLUMN_NAME", w, false), TextColumn("GRANTOR", w), TextColumn("GRANTEE", w, false),
                      TextColumn("PRIVILEGE", w, false), TextColumn("IS_GRANTABLE", w)});
}

}  // namespace e6odbc::odbc::catalog
