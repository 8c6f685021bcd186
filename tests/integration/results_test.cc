// Values through the driver manager, checked against independent sources:
// tpch.lineitem against SQLite run directly on the same generated data, and
// types.all_types against the rows docs/emulator.md documents, rendered the
// way docs/type-mapping.md specifies.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "odbc_test_support.h"
#include "sample_data.h"

namespace e6test {
namespace {

// The emulator's sample data, generated again in this process.
class SampleDatabase {
 public:
  SampleDatabase() {
    sqlite3_open(":memory:", &db_);
    e6emu::LoadSampleData(db_);
  }
  ~SampleDatabase() { sqlite3_close(db_); }
  // Every row of `sql` as text cells (NULL -> nullopt).
  std::vector<std::vector<std::optional<std::string>>> Rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    std::vector<std::vector<std::optional<std::string>>> rows;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        const auto* text = sqlite3_column_text(stmt, c);
        row.push_back(text == nullptr ? std::nullopt : std::optional<std::string>(reinterpret_cast<const char*>(text)));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
};

class ResultsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(connection_.Open(OdbcEnvironment::ConnectionString()), SQL_SUCCESS) << connection_.Error(); }
  Connection connection_;
};

TEST_F(ResultsTest, LineitemMatchesSqliteRowForRowWithColumnWiseBlockFetch) {
  SampleDatabase sample;
  const auto expected = sample.Rows(
      "SELECT l_orderkey, l_linenumber, printf('%.2f', l_quantity), printf('%.2f', l_extendedprice), "
      "printf('%.2f', l_discount), l_shipdate, l_returnflag, l_comment FROM tpch.lineitem "
      "ORDER BY l_orderkey, l_linenumber");
  ASSERT_GE(expected.size(), 60000u);

  Statement s(connection_);
  constexpr SQLULEN kRowset = 1000;  // crosses the emulator's 8192-row batches at odd places
  std::vector<SQLBIGINT> orderkey(kRowset);
  std::vector<SQLINTEGER> linenumber(kRowset);
  std::vector<char> quantity(kRowset * 24), price(kRowset * 24), discount(kRowset * 24), flag(kRowset * 4),
      comment(kRowset * 128);
  std::vector<SQL_DATE_STRUCT> shipdate(kRowset);
  std::vector<SQLLEN> ind[8];
  for (auto& i : ind) i.resize(kRowset);
  SQLULEN fetched = 0;
  std::vector<SQLUSMALLINT> status(kRowset);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRowset), 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_STATUS_PTR, status.data(), 0), SQL_SUCCESS);
  ASSERT_EQ(s.Execute("SELECT l_orderkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_shipdate, "
                      "l_returnflag, l_comment FROM tpch.lineitem ORDER BY l_orderkey, l_linenumber"),
            SQL_SUCCESS)
      << s.Error();
  SQLBindCol(s.get(), 1, SQL_C_SBIGINT, orderkey.data(), 0, ind[0].data());
  SQLBindCol(s.get(), 2, SQL_C_SLONG, linenumber.data(), 0, ind[1].data());
  SQLBindCol(s.get(), 3, SQL_C_CHAR, quantity.data(), 24, ind[2].data());
  SQLBindCol(s.get(), 4, SQL_C_CHAR, price.data(), 24, ind[3].data());
  SQLBindCol(s.get(), 5, SQL_C_CHAR, discount.data(), 24, ind[4].data());
  SQLBindCol(s.get(), 6, SQL_C_TYPE_DATE, shipdate.data(), 0, ind[5].data());
  SQLBindCol(s.get(), 7, SQL_C_CHAR, flag.data(), 4, ind[6].data());
  SQLBindCol(s.get(), 8, SQL_C_CHAR, comment.data(), 128, ind[7].data());

  size_t row = 0;
  SQLRETURN rc;
  while ((rc = SQLFetch(s.get())) == SQL_SUCCESS) {
    ASSERT_GT(fetched, 0u);
    for (SQLULEN i = 0; i < fetched; ++i, ++row) {
      ASSERT_LT(row, expected.size());
      const auto& e = expected[row];
      ASSERT_EQ(status[i], SQL_ROW_SUCCESS);
      ASSERT_EQ(std::to_string(orderkey[i]), *e[0]) << "row " << row;
      ASSERT_EQ(std::to_string(linenumber[i]), *e[1]) << "row " << row;
      ASSERT_STREQ(&quantity[i * 24], e[2]->c_str()) << "row " << row;
      ASSERT_STREQ(&price[i * 24], e[3]->c_str()) << "row " << row;
      ASSERT_STREQ(&discount[i * 24], e[4]->c_str()) << "row " << row;
      char date[32];
      std::snprintf(date, sizeof date, "%04d-%02u-%02u", shipdate[i].year, shipdate[i].month, shipdate[i].day);
      ASSERT_EQ(std::string(date), *e[5]) << "row " << row;
      ASSERT_STREQ(&flag[i * 4], e[6]->c_str()) << "row " << row;
      ASSERT_STREQ(&comment[i * 128], e[7]->c_str()) << "row " << row;
      ASSERT_EQ(ind[7][i], static_cast<SQLLEN>(e[7]->size()));
    }
    if (fetched < kRowset) {
      EXPECT_EQ(status[fetched], SQL_ROW_NOROW);
    }
  }
  EXPECT_EQ(rc, SQL_NO_DATA) << s.Error();
  EXPECT_EQ(row, expected.size());
  EXPECT_EQ(OdbcEnvironment::emulator().OpenQueries(), 0);
}

TEST_F(ResultsTest, OrdersMatchSqliteWithRowWiseBinding) {
  SampleDatabase sample;
  const auto expected = sample.Rows("SELECT o_orderkey, o_totalprice, o_orderdate, o_orderpriority FROM tpch.orders "
                                    "ORDER BY o_orderkey");
  struct Row {
    SQLBIGINT key;
    SQLLEN key_ind;
    double total;
    SQLLEN total_ind;
    char date[11];
    SQLLEN date_ind;
    char priority[20];
    SQLLEN priority_ind;
  };
  constexpr SQLULEN kRowset = 64;
  std::vector<Row> rows(kRowset);
  SQLULEN fetched = 0;
  Statement s(connection_);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(sizeof(Row)), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRowset), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  ASSERT_EQ(s.Execute("SELECT o_orderkey, o_totalprice, o_orderdate, o_orderpriority FROM tpch.orders ORDER BY o_orderkey"),
            SQL_SUCCESS)
      << s.Error();
  SQLBindCol(s.get(), 1, SQL_C_SBIGINT, &rows[0].key, 0, &rows[0].key_ind);
  SQLBindCol(s.get(), 2, SQL_C_DOUBLE, &rows[0].total, 0, &rows[0].total_ind);
  SQLBindCol(s.get(), 3, SQL_C_CHAR, rows[0].date, sizeof rows[0].date, &rows[0].date_ind);
  SQLBindCol(s.get(), 4, SQL_C_CHAR, rows[0].priority, sizeof rows[0].priority, &rows[0].priority_ind);
  size_t n = 0;
  while (SQLFetch(s.get()) == SQL_SUCCESS) {
    for (SQLULEN i = 0; i < fetched; ++i, ++n) {
      ASSERT_EQ(std::to_string(rows[i].key), *expected[n][0]);
      ASSERT_NEAR(rows[i].total, std::stod(*expected[n][1]), 0.005);
      ASSERT_STREQ(rows[i].date, expected[n][2]->c_str());
      ASSERT_STREQ(rows[i].priority, expected[n][3]->c_str());
    }
  }
  EXPECT_EQ(n, expected.size());
}

TEST_F(ResultsTest, SyntheticBenchTableStreamsEveryRowWithItsFormula) {
  // bench.rows_<N>_<mix> is generated by the emulator from the row number:
  // l = row * 7 + column, s = "row-<row>", m = (row * 101 - 5000) / 100,
  // NULL every 101st row in every column but the first (docs/emulator.md).
  Statement s(connection_);
  constexpr SQLULEN kRowset = 500;
  std::vector<SQLBIGINT> longs(kRowset);
  std::vector<char> texts(kRowset * 16), decimals(kRowset * 24);
  std::vector<SQLLEN> ind1(kRowset), ind2(kRowset), ind3(kRowset);
  SQLULEN fetched = 0;
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRowset), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  ASSERT_EQ(s.Execute("SELECT * FROM bench.rows_50000_lsm"), SQL_SUCCESS) << s.Error();
  SQLBindCol(s.get(), 1, SQL_C_SBIGINT, longs.data(), 0, ind1.data());
  SQLBindCol(s.get(), 2, SQL_C_CHAR, texts.data(), 16, ind2.data());
  SQLBindCol(s.get(), 3, SQL_C_CHAR, decimals.data(), 24, ind3.data());
  int64_t row = 0;
  while (SQLFetch(s.get()) == SQL_SUCCESS) {
    for (SQLULEN i = 0; i < fetched; ++i, ++row) {
      ASSERT_EQ(longs[i], row * 7) << row;
      if (row % 101 == 0) {
        ASSERT_EQ(ind2[i], SQL_NULL_DATA) << row;
        ASSERT_EQ(ind3[i], SQL_NULL_DATA) << row;
        continue;
      }
      ASSERT_STREQ(&texts[i * 16], ("row-" + std::to_string(row)).c_str());
      const int64_t cents = row * 101 - 5000;
      char expected[32];
      std::snprintf(expected, sizeof expected, "%s%lld.%02lld", cents < 0 ? "-" : "",
                    static_cast<long long>((cents < 0 ? -cents : cents) / 100),
                    static_cast<long long>((cents < 0 ? -cents : cents) % 100));
      ASSERT_STREQ(&decimals[i * 24], expected) << row;
    }
  }
  EXPECT_EQ(row, 50000);
}

using Text = std::optional<std::string>;

// types.all_types as documented (docs/emulator.md), in the driver's text forms.
const std::vector<std::vector<Text>> kAllTypes = {
    {"1", "42", "7", "3.5", "1.25", "1", "hello", "00FF10", "2026-02-12", "2026-02-12 00:00:00.123456",
     "2026-02-12 05:30:00+05:30", "12345678901234567890.0123456789", "1234567.89"},
    {"2", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt},
    {"3", "-9223372036854775808", "-2147483648", "-1.7976931348623157e+308", "-3.4028234663852886e+38", "0", "", "",
     "1969-12-31", "1969-12-31 23:59:59.999999", "1969-12-31 15:59:59.999999-08:00",
     "-9999999999999999999999999999.9999999999", "-9999999.99"},
    {"4", "9223372036854775807", "2147483647", "1.7976931348623157e+308", "3.4028234663852886e+38", "1",
     "Gr\xC3\xBC\xC3\x9F" "e \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80", "DEADBEEF", "9999-12-31",
     "9999-12-31 23:59:59.999999", "2026-02-12 00:00:00+00:00", "9999999999999999999999999999.9999999999",
     "9999999.99"},
    {"5", "0", "0", "0", "0", "0", "a;b{c}'d\"", "00", "1970-01-01", "1970-01-01 00:00:00",
     "1970-01-01 05:30:00+05:30[Asia/Kolkata]", "0.0000000000", "0.00"},
    {"6", "-1", "-1", "5e-324", "0.10000000149011612", "1", " spaced ", "41", "1899-12-31",
     "1600-02-29 12:34:56.500000", "2024-06-01 08:00:00-04:00[America/New_York]", "-0.0000000001", "-0.01"},
};

TEST_F(ResultsTest, AllTypesRoundTripAsCharAndWchar) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT * FROM types.all_types ORDER BY id"), SQL_SUCCESS) << s.Error();
  SQLSMALLINT columns = 0;
  ASSERT_EQ(SQLNumResultCols(s.get(), &columns), SQL_SUCCESS);
  ASSERT_EQ(columns, 13);
  for (const auto& expected : kAllTypes) {
    ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS) << s.Error();
    // Every column twice, in any order (SQL_GD_ANY_ORDER): first as SQL_C_CHAR
    // from the last column down, then as SQL_C_WCHAR from column 2 up and 1.
    for (SQLUSMALLINT c = 13; c >= 1; --c) {
      EXPECT_EQ(s.GetChar(c), expected[c - 1]) << "row id " << *expected[0] << " column " << c;
    }
    for (SQLUSMALLINT c : {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 1}) {
      EXPECT_EQ(s.GetWideAsUtf8(c), expected[c - 1]) << "row id " << *expected[0] << " column " << c << " (WCHAR)";
    }
    // Column 1 was just returned whole: asking again gives SQL_NO_DATA.
    char rest[8];
    SQLLEN indicator = 0;
    EXPECT_EQ(SQLGetData(s.get(), 1, SQL_C_CHAR, rest, sizeof rest, &indicator), SQL_NO_DATA);
  }
  EXPECT_EQ(SQLFetch(s.get()), SQL_NO_DATA);
}

TEST_F(ResultsTest, AllTypesDescribeTheirSqlTypes) {
  Statement s(connection_);
  ASSERT_EQ(s.Execute("SELECT * FROM types.all_types"), SQL_SUCCESS) << s.Error();
  const SQLSMALLINT expected[] = {SQL_INTEGER, SQL_BIGINT, SQL_INTEGER, SQL_DOUBLE, SQL_REAL, SQL_BIT, SQL_VARCHAR,
                                  SQL_VARBINARY, SQL_TYPE_DATE, SQL_TYPE_TIMESTAMP, SQL_VARCHAR, SQL_DECIMAL, SQL_DECIMAL};
  for (SQLUSMALLINT c = 1; c <= 13; ++c) {
    SQLCHAR name[64];
    SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    ASSERT_EQ(SQLDescribeCol(s.get(), c, name, sizeof name, &name_length, &type, &size, &digits, &nullable), SQL_SUCCESS);
    EXPECT_EQ(type, expected[c - 1]) << "column " << c << " " << name;
  }
  // The decimal scales come from the batches: decimal(38,10) and decimal(9,2).
  SQLLEN scale = 0;
  ASSERT_EQ(SQLColAttribute(s.get(), 12, SQL_DESC_SCALE, nullptr, 0, nullptr, &scale), SQL_SUCCESS);
  EXPECT_EQ(scale, 10);
  ASSERT_EQ(SQLColAttribute(s.get(), 13, SQL_DESC_SCALE, nullptr, 0, nullptr, &scale), SQL_SUCCESS);
  EXPECT_EQ(scale, 2);
}

}  // namespace
}  // namespace e6test
