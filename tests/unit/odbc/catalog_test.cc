// The catalog functions' result sets over a canned engine catalog: which
// names each argument kind selects, the special enumerations of SQLTables,
// the columns ODBC defines, and the one batch a ResultTable serves.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "common/driver_error.h"
#include "odbc/catalog/catalog_functions.h"

namespace e6odbc::odbc::catalog {
namespace {

// Two catalogs; "main" has two schemas. Records every call.
class FakeCatalog : public session::CatalogSource {
 public:
  bool lists_catalogs = true;
  std::vector<std::string> calls;

  std::optional<std::vector<std::string>> Catalogs() override {
    calls.push_back("catalogs");
    if (!lists_catalogs) return std::nullopt;
    return std::vector<std::string>{"main", "other"};
  }
  std::vector<std::string> Schemas(const std::string& catalog) override {
    calls.push_back("schemas " + catalog);
    if (catalog == "other") return {"misc"};
    return {"tpch", "types"};
  }
  std::vector<std::string> Tables(const std::string& catalog, const std::string& schema) override {
    calls.push_back("tables " + catalog + "." + schema);
    if (schema == "tpch") return {"region", "nation", "lineitem"};
    if (schema == "types") return {"all_types", "my_table", "my%table"};
    return {"notes"};
  }
  std::vector<session::CatalogColumn> Columns(const std::string& catalog, const std::string& schema,
                                              const std::string& table) override {
    calls.push_back("columns " + catalog + "." + schema + "." + table);
    if (table == "region") return {{"r_regionkey", "int"}, {"r_name", "char(25)"}, {"r_comment", "varchar(152)"}};
    if (table == "all_types") {
      return {{"c_bool", "boolean"},       {"c_short", "smallint"}, {"c_long", "bigint"},
              {"c_dec", "decimal(15,2)"},  {"c_date", "date"},      {"c_ts", "timestamp"},
              {"c_bin", "binary"},         {"c_arr", "array<int>"}, {"c_odd", "variant"}};
    }
    return {{"id", "long"}};
  }
};

CatalogScope Scope(std::string catalog = "main") {
  CatalogScope scope;
  scope.connection_catalog = std::move(catalog);
  scope.string_column_size = 65535;
  return scope;
}

// Column `column` of every row, as text ("NULL" for NULL, numbers in decimal).
std::vector<std::string> ColumnValues(ResultTable& table, size_t column) {
  std::vector<std::string> values;
  std::optional<wire::ColumnBatch> batch = table.NextBatch();
  if (!batch) return values;
  const wire::ColumnVector& vector = batch->columns().at(column);
  for (size_t r = 0; r < batch->row_count(); ++r) {
    if (vector.IsNull(r)) {
      values.emplace_back("NULL");
    } else if (vector.type == wire::VectorType::kString) {
      values.emplace_back(vector.text_values[r]);
    } else {
      values.push_back(std::to_string(vector.int64_values[r]));
    }
  }
  return values;
}

using Names = std::vector<std::string>;

TEST(NameFilter, PatternsMatchWholeCharactersWithEscapes) {
  EXPECT_TRUE(MatchesPattern("%", ""));
  EXPECT_TRUE(MatchesPattern("line%", "lineitem"));
  EXPECT_TRUE(MatchesPattern("%item", "lineitem"));
  EXPECT_TRUE(MatchesPattern("l_n%m", "lineitem"));
  EXPECT_FALSE(MatchesPattern("l_n%x", "lineitem"));
  EXPECT_TRUE(MatchesPattern("%a%b%", "xxaxxbxx"));
  EXPECT_FALSE(MatchesPattern("%a%b%", "xxbxxaxx"));
  EXPECT_TRUE(MatchesPattern("gr_n", "gr\xC3\xBCn"));  // `_` takes the two-byte ü whole
  EXPECT_FALSE(MatchesPattern("gr__n", "gr\xC3\xBCn"));
  EXPECT_TRUE(MatchesPattern("my\\_table", "my_table"));
  EXPECT_FALSE(MatchesPattern("my\\_table", "myxtable"));
  EXPECT_TRUE(MatchesPattern("my\\%table", "my%table"));
  EXPECT_FALSE(MatchesPattern("my\\%table", "my_long_table"));
  EXPECT_FALSE(MatchesPattern("Region", "region"));  // case matters
}

// Patterns agree with a plain recursive definition on random inputs.
bool ReferenceMatch(std::string_view p, std::string_view n) {
  if (p.empty()) return n.empty();
  if (p[0] == '%') return ReferenceMatch(p.substr(1), n) || (!n.empty() && ReferenceMatch(p, n.substr(1)));
  if (n.empty()) return false;
  if (p[0] == '_') return ReferenceMatch(p.substr(1), n.substr(1));
  if (p[0] == '\\' && p.size() > 1) return p[1] == n[0] && ReferenceMatch(p.substr(2), n.substr(1));
  return p[0] == n[0] && ReferenceMatch(p.substr(1), n.substr(1));
}

TEST(NameFilter, PatternMatchingAgreesWithItsDefinition) {
  std::mt19937 random(7);
  const std::string pattern_chars = "ab%_\\";
  const std::string name_chars = "ab_%\\";
  for (int round = 0; round < 50000; ++round) {
    std::string pattern(random() % 7, ' '), name(random() % 7, ' ');
    for (char& c : pattern) c = pattern_chars[random() % pattern_chars.size()];
    for (char& c : name) c = name_chars[random() % name_chars.size()];
    ASSERT_EQ(MatchesPattern(pattern, name), ReferenceMatch(pattern, name)) << "'" << pattern << "' vs '" << name << "'";
  }
}

TEST(NameFilter, ArgumentKinds) {
  EXPECT_TRUE(NameFilter(std::nullopt, NameFilter::Kind::kPattern, false).all());
  EXPECT_TRUE(NameFilter(std::string("%"), NameFilter::Kind::kPattern, false).all());
  const NameFilter ordinary(std::string("my_table"), NameFilter::Kind::kOrdinary, false);
  EXPECT_TRUE(ordinary.Matches("my_table"));
  EXPECT_FALSE(ordinary.Matches("myxtable"));  // `_` is literal in an ordinary argument
  const NameFilter caseless(std::string("REGION  "), NameFilter::Kind::kPattern, true);
  EXPECT_TRUE(caseless.Matches("region"));
  EXPECT_FALSE(caseless.Matches("regions"));
  const NameFilter quoted(std::string("\"Region\""), NameFilter::Kind::kPattern, true);
  EXPECT_FALSE(quoted.Matches("region"));
  EXPECT_TRUE(quoted.Matches("Region"));
  // Exactly one name: lets the driver skip listing what it already knows.
  EXPECT_EQ(*NameFilter(std::string("my\\_table"), NameFilter::Kind::kPattern, false).exact(), "my_table");
  EXPECT_EQ(NameFilter(std::string("my_table"), NameFilter::Kind::kPattern, false).exact(), nullptr);
  EXPECT_EQ(*NameFilter(std::string("my_table"), NameFilter::Kind::kOrdinary, false).exact(), "my_table");
  EXPECT_EQ(caseless.exact(), nullptr);
}

TEST(CatalogTables, ListsMatchingTablesInOdbcOrder) {
  FakeCatalog source;
  ResultTable result = Tables(source, Scope(), std::string("main"), std::string("t%"), std::string("%a%"), {});
  ASSERT_EQ(result.columns().size(), 5u);
  EXPECT_EQ(result.columns()[2].name, "TABLE_NAME");
  EXPECT_EQ(ColumnValues(result, 2), (Names{"nation", "all_types", "my%table", "my_table"}));
}

TEST(CatalogTables, ColumnsOfTheRowsAreCatalogSchemaNameTypeRemarks) {
  FakeCatalog source;
  ResultTable result = Tables(source, Scope(), std::string("main"), std::string("tpch"), std::string("region"), {});
  std::optional<wire::ColumnBatch> batch = result.NextBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->row_count(), 1u);
  const auto& c = batch->columns();
  EXPECT_EQ(c[0].text_values[0], "main");
  EXPECT_EQ(c[1].text_values[0], "tpch");
  EXPECT_EQ(c[2].text_values[0], "region");
  EXPECT_EQ(c[3].text_values[0], "TABLE");
  EXPECT_TRUE(c[4].IsNull(0));
  EXPECT_FALSE(result.NextBatch().has_value());  // one batch, then the end
  // The exact connection catalog needs no catalog listing.
  EXPECT_EQ(source.calls, (Names{"schemas main", "tables main.tpch"}));
}

TEST(CatalogTables, NullCatalogVisitsEveryListedCatalog) {
  FakeCatalog source;
  ResultTable result = Tables(source, Scope(), {}, {}, {}, {});
  EXPECT_EQ(ColumnValues(result, 2),
            (Names{"lineitem", "nation", "region", "all_types", "my%table", "my_table", "notes"}));
}

TEST(CatalogTables, CatalogListRefusedFallsBackToTheConnectionsCatalog) {
  FakeCatalog source;
  source.lists_catalogs = false;
  ResultTable catalogs = Tables(source, Scope(), std::string("%"), std::string(""), std::string(""), {});
  EXPECT_EQ(ColumnValues(catalogs, 0), (Names{"main"}));
  FakeCatalog listing;
  ResultTable all = Tables(listing, Scope(), std::string("%"), std::string(""), std::string(""), {});
  EXPECT_EQ(ColumnValues(all, 0), (Names{"main", "other"}));
}

TEST(CatalogTables, WithoutACatalogKeyTheCatalogColumnIsNull) {
  FakeCatalog source;
  source.lists_catalogs = false;
  ResultTable result = Tables(source, Scope(""), {}, std::string("tpch"), std::string("region"), {});
  EXPECT_EQ(ColumnValues(result, 0), (Names{"NULL"}));
  // The engine's default catalog (V1 calls).
  EXPECT_NE(std::find(source.calls.begin(), source.calls.end(), "tables .tpch"), source.calls.end());
}

TEST(CatalogTables, AnEmptyCatalogMeansTheConnectionsCatalog) {
  FakeCatalog source;
  ResultTable result = Tables(source, Scope(), std::string(""), std::string("tpch"), std::string("region"), {});
  EXPECT_EQ(ColumnValues(result, 0), (Names{"main"}));
  EXPECT_EQ(source.calls, (Names{"schemas main", "tables main.tpch"}));  // no catalog listing either
}

TEST(CatalogTables, SchemaAndTableTypeEnumerations) {
  FakeCatalog source;
  ResultTable schemas = Tables(source, Scope(), std::string(""), std::string("%"), std::string(""), {});
  EXPECT_EQ(ColumnValues(schemas, 1), (Names{"tpch", "types"}));
  ResultTable types = Tables(source, Scope(), std::string(""), std::string(""), std::string(""), std::string("%"));
  EXPECT_EQ(ColumnValues(types, 3), (Names{"TABLE"}));
}

TEST(CatalogTables, TableTypeListSelects) {
  FakeCatalog source;
  EXPECT_EQ(Tables(source, Scope(), std::string("main"), std::string("tpch"), {}, std::string("'VIEW'")).row_count(), 0u);
  EXPECT_EQ(
      Tables(source, Scope(), std::string("main"), std::string("tpch"), {}, std::string("'VIEW', 'TABLE'")).row_count(),
      3u);
  EXPECT_EQ(Tables(source, Scope(), std::string("main"), std::string("tpch"), {}, std::string("table")).row_count(), 3u);
}

TEST(CatalogTables, MetadataIdTreatsArgumentsAsIdentifiers) {
  FakeCatalog source;
  CatalogScope scope = Scope();
  scope.metadata_id = true;
  ResultTable result = Tables(source, scope, std::string("main"), std::string("TPCH"), std::string("REG_ON"), {});
  EXPECT_EQ(result.row_count(), 0u);  // `_` is no wildcard in an identifier
  ResultTable exact = Tables(source, scope, std::string("main"), std::string("TPCH"), std::string("Region"), {});
  EXPECT_EQ(exact.row_count(), 1u);
  try {
    Tables(source, scope, std::string("main"), {}, {}, {});
    FAIL() << "a null schema identifier was accepted";
  } catch (const DriverError& error) {
    EXPECT_EQ(error.sqlstate(), "HY009");
  }
}

TEST(CatalogColumns, DescribesEachColumnFromItsEngineTypeName) {
  FakeCatalog source;
  ResultTable result = Columns(source, Scope(), std::string("main"), std::string("types"), std::string("all_types"), {});
  ASSERT_EQ(result.columns().size(), 18u);
  EXPECT_EQ(result.columns()[4].type.sql_type, SQL_SMALLINT);   // DATA_TYPE
  EXPECT_FALSE(result.columns()[4].nullable);
  EXPECT_EQ(result.columns()[16].type.sql_type, SQL_INTEGER);   // ORDINAL_POSITION
  std::optional<wire::ColumnBatch> batch = result.NextBatch();
  ASSERT_TRUE(batch.has_value());
  const auto& c = batch->columns();
  const auto number = [&](size_t column, size_t row) -> std::string {
    return c[column].IsNull(row) ? "NULL" : std::to_string(c[column].int64_values[row]);
  };
  ASSERT_EQ(batch->row_count(), 9u);
  // c_bool: BIT, size 1.
  EXPECT_EQ(number(4, 0), std::to_string(SQL_BIT));
  // c_short: SMALLINT, 5 digits, radix 10, 2 bytes.
  EXPECT_EQ(number(4, 1), std::to_string(SQL_SMALLINT));
  EXPECT_EQ(number(6, 1), "5");
  EXPECT_EQ(number(7, 1), "2");
  EXPECT_EQ(number(9, 1), "10");
  // c_dec decimal(15,2): precision and scale from the name; TYPE_NAME as the engine wrote it.
  EXPECT_EQ(number(4, 3), std::to_string(SQL_DECIMAL));
  EXPECT_EQ(c[5].text_values[3], "decimal(15,2)");
  EXPECT_EQ(number(6, 3), "15");
  EXPECT_EQ(number(8, 3), "2");
  // c_date: SQL_TYPE_DATE, verbose SQL_DATETIME with subcode, no decimal digits.
  EXPECT_EQ(number(4, 4), std::to_string(SQL_TYPE_DATE));
  EXPECT_EQ(number(13, 4), std::to_string(SQL_DATETIME));
  EXPECT_EQ(number(14, 4), std::to_string(SQL_CODE_DATE));
  EXPECT_EQ(number(8, 4), "NULL");
  // c_ts: microseconds.
  EXPECT_EQ(number(4, 5), std::to_string(SQL_TYPE_TIMESTAMP));
  EXPECT_EQ(number(8, 5), "6");
  // c_bin: VARBINARY with an octet length; arrays and unknown names are text.
  EXPECT_EQ(number(4, 6), std::to_string(SQL_VARBINARY));
  EXPECT_NE(number(15, 6), "NULL");
  EXPECT_EQ(number(4, 7), std::to_string(SQL_VARCHAR));
  EXPECT_EQ(number(4, 8), std::to_string(SQL_VARCHAR));
  // ORDINAL_POSITION counts from 1 in table order; IS_NULLABLE agrees with NULLABLE.
  EXPECT_EQ(number(16, 0), "1");
  EXPECT_EQ(number(16, 8), "9");
  EXPECT_EQ(number(10, 0), std::to_string(SQL_NULLABLE));
  EXPECT_EQ(c[17].text_values[0], "YES");
}

TEST(CatalogColumns, ColumnPatternKeepsTheTablesOrdinalPositions) {
  FakeCatalog source;
  ResultTable result = Columns(source, Scope(), std::string("main"), std::string("tpch"), std::string("region"),
                               std::string("r\\_c%"));
  EXPECT_EQ(ColumnValues(result, 3), (Names{"r_comment"}));
  ResultTable again = Columns(source, Scope(), std::string("main"), std::string("tpch"), std::string("region"),
                              std::string("r\\_c%"));
  EXPECT_EQ(ColumnValues(again, 16), (Names{"3"}));
}

TEST(CatalogColumns, CharAndVarcharKeepTheirDeclaredLengths) {
  FakeCatalog source;
  CatalogScope scope = Scope();
  scope.wide_strings = true;
  ResultTable result = Columns(source, scope, std::string("main"), std::string("tpch"), std::string("region"), {});
  EXPECT_EQ(ColumnValues(result, 4),
            (Names{std::to_string(SQL_INTEGER), std::to_string(SQL_WCHAR), std::to_string(SQL_WVARCHAR)}));
  ResultTable sizes = Columns(source, scope, std::string("main"), std::string("tpch"), std::string("region"), {});
  EXPECT_EQ(ColumnValues(sizes, 6), (Names{"10", "25", "152"}));
  EXPECT_EQ(result.columns()[3].type.sql_type, SQL_WVARCHAR);  // the result's own text columns go wide too
}

TEST(CatalogTypeInfo, OneRowPerEngineTypeOrderedByDataType) {
  ResultTable all = TypeInfo(Scope(), SQL_ALL_TYPES);
  EXPECT_EQ(all.columns().size(), 19u);
  std::vector<std::string> types = ColumnValues(all, 1);
  ASSERT_EQ(types.size(), 12u);
  EXPECT_TRUE(std::is_sorted(types.begin(), types.end(),
                             [](const std::string& a, const std::string& b) { return std::stoi(a) < std::stoi(b); }));
  ResultTable decimal = TypeInfo(Scope(), SQL_DECIMAL);
  std::optional<wire::ColumnBatch> batch = decimal.NextBatch();
  ASSERT_TRUE(batch.has_value());
  ASSERT_EQ(batch->row_count(), 1u);
  EXPECT_EQ(batch->columns()[0].text_values[0], "DECIMAL");
  EXPECT_EQ(batch->columns()[5].text_values[0], "precision,scale");  // CREATE_PARAMS
  EXPECT_EQ(batch->columns()[14].int64_values[0], 38);              // MAXIMUM_SCALE
  EXPECT_EQ(TypeInfo(Scope(), SQL_TIMESTAMP).row_count(), 1u);      // the ODBC 2 code is understood
  EXPECT_EQ(TypeInfo(Scope(), SQL_GUID).row_count(), 0u);
}

TEST(CatalogEmptySets, HaveOdbcsColumnsAndCheckTheirArguments) {
  EXPECT_EQ(PrimaryKeys(Scope(), std::string("t")).columns().size(), 6u);
  EXPECT_EQ(ForeignKeys(Scope(), std::string("t"), {}).columns().size(), 14u);
  EXPECT_EQ(Statistics(Scope(), std::string("t"), SQL_INDEX_ALL, SQL_QUICK).columns().size(), 13u);
  EXPECT_EQ(SpecialColumns(Scope(), SQL_BEST_ROWID, std::string("t"), SQL_SCOPE_SESSION, SQL_NULLABLE).columns().size(),
            8u);
  EXPECT_EQ(Procedures(Scope()).columns().size(), 8u);
  EXPECT_EQ(ProcedureColumns(Scope()).columns().size(), 19u);
  EXPECT_EQ(TablePrivileges(Scope()).columns().size(), 7u);
  EXPECT_EQ(ColumnPrivileges(Scope(), std::string("t")).columns().size(), 8u);
  const auto state = [](auto&& call) {
    try {
      call();
    } catch (const DriverError& error) {
      return error.sqlstate();
    }
    return std::string("no error");
  };
  EXPECT_EQ(state([] { PrimaryKeys(Scope(), {}); }), "HY009");
  EXPECT_EQ(state([] { ForeignKeys(Scope(), {}, {}); }), "HY009");
  EXPECT_EQ(state([] { Statistics(Scope(), std::string("t"), 7, SQL_QUICK); }), "HY100");
  EXPECT_EQ(state([] { Statistics(Scope(), std::string("t"), SQL_INDEX_ALL, 9); }), "HY101");
  EXPECT_EQ(state([] { SpecialColumns(Scope(), 9, std::string("t"), SQL_SCOPE_SESSION, SQL_NULLABLE); }), "HY097");
  EXPECT_EQ(state([] { SpecialColumns(Scope(), SQL_BEST_ROWID, std::string("t"), 9, SQL_NULLABLE); }), "HY098");
  EXPECT_EQ(state([] { SpecialColumns(Scope(), SQL_BEST_ROWID, std::string("t"), SQL_SCOPE_SESSION, 9); }), "HY099");
}

TEST(ResultTable, RejectsRowsThatDoNotFitItsColumns) {
  ResultTable table({TextColumn("NAME", false), SmallIntColumn("N")});
  EXPECT_THROW(table.AddRow({std::string("a")}), std::logic_error);
  EXPECT_THROW(table.AddRow({int64_t{1}, int64_t{1}}), std::logic_error);
  table.AddRow({std::string("b"), int64_t{2}});
  table.AddRow({Cell(), int64_t{1}});
  table.AddRow({std::string("a"), Cell()});
  table.SortBy({0});
  EXPECT_EQ(ColumnValues(table, 0), (Names{"NULL", "a", "b"}));
}

}  // namespace
}  // namespace e6odbc::odbc::catalog
