// Catalog functions through the driver manager against the emulator's
// catalog: what SQLTables and SQLColumns list agrees with what querying those
// tables describes; the enumerations, SQLGetTypeInfo, the empty key/index
// sets, the W entry points, recovery, timeouts and the refused catalog list.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "odbc_test_support.h"

namespace e6test {
namespace {

using Names = std::vector<std::string>;

SQLCHAR* Text(const char* text) { return reinterpret_cast<SQLCHAR*>(const_cast<char*>(text)); }

// Column `column` of every remaining row, via SQLGetData(SQL_C_CHAR); "NULL" for NULL.
Names ColumnOfRows(Statement& s, SQLUSMALLINT column) {
  Names values;
  SQLRETURN rc;
  while ((rc = SQLFetch(s.get())) == SQL_SUCCESS) values.push_back(s.GetChar(column).value_or("NULL"));
  EXPECT_EQ(rc, SQL_NO_DATA) << s.Error();
  return values;
}

struct ColumnRow {
  std::string name;
  SQLSMALLINT data_type;
  std::string type_name;
  SQLINTEGER ordinal;
};

// SQLColumns for one table, read with bound columns (SQLSMALLINT DATA_TYPE
// bound as SQL_C_DEFAULT: a SMALLINT must arrive as 2 bytes).
std::vector<ColumnRow> ColumnsOf(const Connection& connection, const char* schema, const char* table) {
  Statement s(connection);
  EXPECT_EQ(SQLColumns(s.get(), nullptr, 0, Text(schema), SQL_NTS, Text(table), SQL_NTS, nullptr, 0), SQL_SUCCESS)
      << s.Error();
  SQLCHAR name[256], type_name[256];
  SQLLEN name_length = 0, type_length = 0, data_type_length = 0, ordinal_length = 0;
  struct {
    SQLSMALLINT value;
    SQLSMALLINT guard;
  } data_type{0, 0x5A5A};
  SQLINTEGER ordinal = 0;
  EXPECT_EQ(SQLBindCol(s.get(), 4, SQL_C_CHAR, name, sizeof name, &name_length), SQL_SUCCESS);
  EXPECT_EQ(SQLBindCol(s.get(), 5, SQL_C_DEFAULT, &data_type.value, 0, &data_type_length), SQL_SUCCESS);
  EXPECT_EQ(SQLBindCol(s.get(), 6, SQL_C_CHAR, type_name, sizeof type_name, &type_length), SQL_SUCCESS);
  EXPECT_EQ(SQLBindCol(s.get(), 17, SQL_C_SLONG, &ordinal, 0, &ordinal_length), SQL_SUCCESS);
  std::vector<ColumnRow> rows;
  while (SQLFetch(s.get()) == SQL_SUCCESS) {
    EXPECT_EQ(data_type.guard, 0x5A5A) << "SQL_C_DEFAULT wrote past a SMALLINT";
    rows.push_back({reinterpret_cast<char*>(name), data_type.value, reinterpret_cast<char*>(type_name), ordinal});
  }
  return rows;
}

class CatalogTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error(); }
  Names Tables(const char* catalog, const char* schema, const char* table, const char* types, SQLUSMALLINT column) {
    Statement s(connection_);
    const auto arg = [](const char* text) { return text == nullptr ? nullptr : Text(text); };
    EXPECT_EQ(SQLTables(s.get(), arg(catalog), SQL_NTS, arg(schema), SQL_NTS, arg(table), SQL_NTS, arg(types), SQL_NTS),
              SQL_SUCCESS)
        << s.Error();
    return ColumnOfRows(s, column);
  }
  Connection connection_;
};

TEST_F(CatalogTest, EverySampleTableIsListedAndQueryableWithTheColumnsSqlColumnsReports) {
  const Names tpch = Tables(nullptr, "tpch", "%", nullptr, 3);
  for (const char* expected : {"region", "nation", "lineitem", "orders"}) {
    EXPECT_NE(std::find(tpch.begin(), tpch.end(), expected), tpch.end()) << expected;
  }
  EXPECT_TRUE(std::is_sorted(tpch.begin(), tpch.end()));
  for (const std::string& schema : {std::string("tpch"), std::string("types")}) {
    for (const std::string& table : Tables(nullptr, schema.c_str(), "%", nullptr, 3)) {
      SCOPED_TRACE(schema + "." + table);
      const std::vector<ColumnRow> catalog = ColumnsOf(connection_, schema.c_str(), table.c_str());
      ASSERT_FALSE(catalog.empty());
      Statement query(connection_);
      ASSERT_EQ(query.Execute("SELECT * FROM " + schema + "." + table + " LIMIT 1"), SQL_SUCCESS) << query.Error();
      SQLSMALLINT count = 0;
      ASSERT_EQ(SQLNumResultCols(query.get(), &count), SQL_SUCCESS);
      ASSERT_EQ(static_cast<size_t>(count), catalog.size());
      for (SQLSMALLINT c = 1; c <= count; ++c) {
        SQLCHAR name[256];
        SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
        SQLULEN size = 0;
        ASSERT_EQ(SQLDescribeCol(query.get(), c, name, sizeof name, &name_length, &type, &size, &digits, &nullable),
                  SQL_SUCCESS);
        const ColumnRow& row = catalog[static_cast<size_t>(c) - 1];
        EXPECT_EQ(row.name, reinterpret_cast<char*>(name));
        EXPECT_EQ(row.ordinal, c);
        // The tpch tables use only types whose catalog name and wire type agree.
        if (schema == "tpch") {
          EXPECT_EQ(row.data_type, type) << row.name << " declared " << row.type_name;
        }
      }
    }
  }
}

TEST_F(CatalogTest, PatternsAndTableTypes) {
  EXPECT_EQ(Tables("emulator", "tp_h", "reg%", "'TABLE'", 3), (Names{"region"}));
  EXPECT_EQ(Tables("emulator", "tpch", "reg%", "'VIEW'", 3), (Names{}));
  EXPECT_EQ(Tables("emulator", "tpch", "no_such%", nullptr, 3), (Names{}));
  EXPECT_EQ(Tables("no_such_catalog", "tpch", "%", nullptr, 3), (Names{}));
  EXPECT_EQ(Tables("emulator", "tpch", "region", nullptr, 1), (Names{"emulator"}));
  EXPECT_EQ(Tables("emulator", "tpch", "region", nullptr, 4), (Names{"TABLE"}));
}

TEST_F(CatalogTest, CatalogSchemaAndTypeEnumerations) {
  EXPECT_EQ(Tables("%", "", "", nullptr, 1), (Names{"emulator"}));
  const Names schemas = Tables("", "%", "", nullptr, 2);
  EXPECT_NE(std::find(schemas.begin(), schemas.end(), "tpch"), schemas.end());
  EXPECT_NE(std::find(schemas.begin(), schemas.end(), "types"), schemas.end());
  EXPECT_EQ(Tables("", "", "", "%", 4), (Names{"TABLE"}));
}

TEST_F(CatalogTest, ColumnPatternAndDescriptionOfTheResultSet) {
  Statement s(connection_);
  ASSERT_EQ(SQLColumns(s.get(), Text("emulator"), SQL_NTS, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS,
                       Text("r\\_n%"), SQL_NTS),
            SQL_SUCCESS)
      << s.Error();
  SQLSMALLINT count = 0;
  ASSERT_EQ(SQLNumResultCols(s.get(), &count), SQL_SUCCESS);
  EXPECT_EQ(count, 18);
  SQLCHAR name[64];
  SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_EQ(SQLDescribeCol(s.get(), 5, name, sizeof name, &name_length, &type, &size, &digits, &nullable), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(name), "DATA_TYPE");
  EXPECT_EQ(type, SQL_SMALLINT);
  EXPECT_EQ(nullable, SQL_NO_NULLS);
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(s.GetChar(4), "r_name");
  EXPECT_EQ(s.GetChar(6), "string");  // the engine's own type name
  EXPECT_EQ(s.GetChar(5), std::to_string(SQL_VARCHAR));
  EXPECT_EQ(s.GetChar(17), "2");
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
  // A catalog result leaves no prepared statement behind.
  ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  EXPECT_EQ(SQLExecute(s.get()), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "HY010");
}

TEST_F(CatalogTest, AnOpenCursorMustBeClosedFirst) {
  Statement s(connection_);
  ASSERT_EQ(SQLTables(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, nullptr, 0, nullptr, 0), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLColumns(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, nullptr, 0), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "24000");
  ASSERT_EQ(SQLFreeStmt(s.get(), SQL_CLOSE), SQL_SUCCESS);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM tpch.region"), SQL_SUCCESS) << s.Error();
  ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
  EXPECT_EQ(s.GetChar(1), "5");
}

TEST_F(CatalogTest, WideEntryPoints) {
  Statement s(connection_);
  SQLWCHAR schema[] = {u't', u'p', u'c', u'h', 0};
  SQLWCHAR table[] = {u'n', u'a', u't', u'i', u'o', u'n', 0};
  ASSERT_EQ(SQLColumnsW(s.get(), nullptr, 0, schema, SQL_NTS, table, SQL_NTS, nullptr, 0), SQL_SUCCESS) << s.Error();
  Names names;
  while (SQLFetch(s.get()) == SQL_SUCCESS) names.push_back(s.GetWideAsUtf8(4).value_or("NULL"));
  EXPECT_EQ(names, (Names{"n_nationkey", "n_name", "n_regionkey", "n_comment"}));
  Statement t(connection_);
  ASSERT_EQ(SQLTablesW(t.get(), nullptr, 0, schema, SQL_NTS, table, SQL_NTS, nullptr, 0), SQL_SUCCESS) << t.Error();
  ASSERT_EQ(SQLFetch(t.get()), SQL_SUCCESS);
  EXPECT_EQ(t.GetWideAsUtf8(3), "nation");
}

TEST_F(CatalogTest, TypeInfoListsEveryTypeWithBoundSmallints) {
  Statement s(connection_);
  ASSERT_EQ(SQLGetTypeInfo(s.get(), SQL_ALL_TYPES), SQL_SUCCESS) << s.Error();
  SQLCHAR name[64];
  SQLLEN name_length = 0, type_length = 0;
  SQLSMALLINT type = 0;
  ASSERT_EQ(SQLBindCol(s.get(), 1, SQL_C_CHAR, name, sizeof name, &name_length), SQL_SUCCESS);
  ASSERT_EQ(SQLBindCol(s.get(), 2, SQL_C_SSHORT, &type, 0, &type_length), SQL_SUCCESS);
  std::map<std::string, SQLSMALLINT> types;
  SQLSMALLINT previous = -32768;
  while (SQLFetch(s.get()) == SQL_SUCCESS) {
    types[reinterpret_cast<char*>(name)] = type;
    EXPECT_GE(type, previous) << "not ordered by DATA_TYPE";
    previous = type;
  }
  EXPECT_EQ(types.at("BIGINT"), SQL_BIGINT);
  EXPECT_EQ(types.at("DECIMAL"), SQL_DECIMAL);
  EXPECT_EQ(types.at("STRING"), SQL_VARCHAR);
  EXPECT_EQ(types.at("TIMESTAMP"), SQL_TYPE_TIMESTAMP);
  Statement one(connection_);
  ASSERT_EQ(SQLGetTypeInfo(one.get(), SQL_TYPE_DATE), SQL_SUCCESS) << one.Error();
  EXPECT_EQ(ColumnOfRows(one, 1), (Names{"DATE"}));
}

TEST_F(CatalogTest, KeysIndexesAndPrivilegesAreEmptySets) {
  Statement s(connection_);
  ASSERT_EQ(SQLPrimaryKeys(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS), SQL_SUCCESS);
  SQLSMALLINT count = 0;
  ASSERT_EQ(SQLNumResultCols(s.get(), &count), SQL_SUCCESS);
  EXPECT_EQ(count, 6);
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
  ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  ASSERT_EQ(SQLStatistics(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, SQL_INDEX_ALL, SQL_QUICK),
            SQL_SUCCESS);
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
  ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  ASSERT_EQ(SQLSpecialColumns(s.get(), SQL_BEST_ROWID, nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS,
                              SQL_SCOPE_SESSION, SQL_NULLABLE),
            SQL_SUCCESS);
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
  ASSERT_EQ(SQLCloseCursor(s.get()), SQL_SUCCESS);
  ASSERT_EQ(SQLStatistics(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, 42, SQL_QUICK),
            SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, s.get()).at(0).sqlstate, "HY100");
}

TEST_F(CatalogTest, FunctionsAreAdvertisedAndNativeSqlShowsWhatTheEngineGets) {
  for (const SQLUSMALLINT function : {SQL_API_SQLTABLES, SQL_API_SQLCOLUMNS, SQL_API_SQLGETTYPEINFO,
                                      SQL_API_SQLPRIMARYKEYS, SQL_API_SQLSTATISTICS, SQL_API_SQLNATIVESQL}) {
    SQLUSMALLINT supported = SQL_FALSE;
    ASSERT_EQ(SQLGetFunctions(connection_.dbc(), function, &supported), SQL_SUCCESS);
    EXPECT_EQ(supported, SQL_TRUE) << function;
  }
  SQLCHAR out[64];
  SQLINTEGER length = 0;
  ASSERT_EQ(SQLNativeSql(connection_.dbc(), Text("  SELECT 1;  "), SQL_NTS, out, sizeof out, &length), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(out), "SELECT 1");
  EXPECT_EQ(length, 8);
  SQLCHAR small[4];
  EXPECT_EQ(SQLNativeSql(connection_.dbc(), Text("SELECT 1"), SQL_NTS, small, sizeof small, &length),
            SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(length, 8);
  EXPECT_STREQ(reinterpret_cast<char*>(small), "SEL");
}

TEST_F(CatalogTest, CurrentCatalogAttributeMovesQueriesAndCatalogCalls) {
  SQLCHAR current[64] = {};
  SQLINTEGER length = 0;
  ASSERT_EQ(SQLGetConnectAttr(connection_.dbc(), SQL_ATTR_CURRENT_CATALOG, current, sizeof current, &length), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(current), "emulator");
  ASSERT_EQ(SQLSetConnectAttr(connection_.dbc(), SQL_ATTR_CURRENT_CATALOG, Text("elsewhere"), SQL_NTS), SQL_SUCCESS);
  {
    // The emulator serves only `emulator`: the query reaching it with the new catalog is refused.
    Statement s(connection_);
    ASSERT_EQ(s.Execute("SELECT 1"), SQL_ERROR);
    const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
    ASSERT_FALSE(records.empty());
    EXPECT_NE(records[0].message.find("elsewhere"), std::string::npos) << records[0].message;
    EXPECT_EQ(Tables("%", "", "", nullptr, 1), (Names{"emulator"}));  // the engine's own list
  }
  ASSERT_EQ(SQLSetConnectAttr(connection_.dbc(), SQL_ATTR_CURRENT_CATALOG, Text("emulator"), SQL_NTS), SQL_SUCCESS);
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM tpch.region"), SQL_SUCCESS) << s.Error();
  EXPECT_EQ(Tables("", "tpch", "region", nullptr, 1), (Names{"emulator"}));
}

TEST(CatalogAttribute, SetBeforeConnectingItOverridesTheConnectionString) {
  Connection connection;
  ASSERT_EQ(SQLSetConnectAttr(connection.dbc(), SQL_ATTR_CURRENT_CATALOG, Text("elsewhere"), SQL_NTS), SQL_SUCCESS);
  ASSERT_EQ(connection.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection.Error();
  SQLCHAR current[64] = {};
  ASSERT_EQ(SQLGetConnectAttr(connection.dbc(), SQL_ATTR_CURRENT_CATALOG, current, sizeof current, nullptr), SQL_SUCCESS);
  EXPECT_STREQ(reinterpret_cast<char*>(current), "elsewhere");
}

class CatalogFaultTest : public OwnEmulatorTest {};

TEST_F(CatalogFaultTest, RefusedCatalogListFallsBackToTheConnectionsCatalog) {
  Start({"--refuse-catalog-list", "denied"});
  Connection connection;
  ASSERT_EQ(connection.Open(ConnectionString()), SQL_SUCCESS) << connection.Error();
  Statement s(connection);
  ASSERT_EQ(SQLTables(s.get(), Text("%"), SQL_NTS, Text(""), SQL_NTS, Text(""), SQL_NTS, nullptr, 0), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(ColumnOfRows(s, 1), (Names{"emulator"}));
  EXPECT_EQ(Calls("QueryEngineService/getCataloges"), 1);
}

TEST_F(CatalogFaultTest, WithoutACatalogKeyTheV1CallsAnswerAndTheCatalogIsNull) {
  Start({"--refuse-catalog-list", "unimplemented"});
  Connection connection;
  std::string without_catalog = ConnectionString();
  const size_t at = without_catalog.find("CATALOG=emulator;");
  ASSERT_NE(at, std::string::npos);
  without_catalog.erase(at, std::string("CATALOG=emulator;").size());
  ASSERT_EQ(connection.Open(without_catalog), SQL_SUCCESS) << connection.Error();
  Statement s(connection);
  ASSERT_EQ(SQLTables(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, nullptr, 0), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(ColumnOfRows(s, 1), (Names{"NULL"}));
  EXPECT_GE(Calls("QueryEngineService/getTables"), 1);
  EXPECT_EQ(Calls("QueryEngineService/getTablesV2"), 0);
}

TEST_F(CatalogFaultTest, ExpiredSessionAndStrategySwitchAreRecoveredFrom) {
  Start({"--strategy", "blue"});
  Connection connection;
  ASSERT_EQ(connection.Open(ConnectionString()), SQL_SUCCESS) << connection.Error();
  ConfigureRequest expire;
  expire.set_expire_sessions(true);
  emulator().Configure(expire);
  Statement s(connection);
  ASSERT_EQ(SQLTables(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, nullptr, 0), SQL_SUCCESS)
      << s.Error();
  EXPECT_EQ(ColumnOfRows(s, 3), (Names{"region"}));
  ConfigureRequest green;
  green.set_strategy("green");
  emulator().Configure(green);
  Statement t(connection);
  ASSERT_EQ(SQLColumns(t.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, nullptr, 0), SQL_SUCCESS)
      << t.Error();
  EXPECT_EQ(ColumnOfRows(t, 4), (Names{"r_regionkey", "r_name", "r_comment"}));
  EXPECT_GE(emulator().Stats().strategy_headers().at("green"), 1);
}

TEST_F(CatalogFaultTest, QueryTimeoutAndCommunicationFailure) {
  Start();
  Connection connection;
  ASSERT_EQ(connection.Open(ConnectionString()), SQL_SUCCESS) << connection.Error();
  ConfigureRequest slow;
  slow.set_delay_method("QueryEngineService/getColumnsV2");
  slow.set_delay_ms(5000);
  emulator().Configure(slow);
  Statement s(connection);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLColumns(s.get(), nullptr, 0, Text("tpch"), SQL_NTS, Text("region"), SQL_NTS, nullptr, 0), SQL_ERROR);
  const auto records = Diagnostics(SQL_HANDLE_STMT, s.get());
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].sqlstate, "HYT00") << records[0].message;
  EXPECT_NE(records[0].message.find("getColumnsV2"), std::string::npos) << records[0].message;
  ConfigureRequest fail;
  fail.set_delay_ms(0);
  fail.set_fail_method("QueryEngineService/getTablesV2");
  fail.set_fail_nth(1);
  fail.set_fail_code(14);  // UNAVAILABLE
  fail.set_fail_message("connection reset");
  emulator().Configure(fail);
  Statement t(connection);
  ASSERT_EQ(SQLTables(t.get(), nullptr, 0, Text("tpch"), SQL_NTS, nullptr, 0, nullptr, 0), SQL_ERROR);
  EXPECT_EQ(Diagnostics(SQL_HANDLE_STMT, t.get()).at(0).sqlstate, "08S01");
}

}  // namespace
}  // namespace e6test
