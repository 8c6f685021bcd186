#include "sample_data.h"

#include <cfloat>
#include <cinttypes>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <variant>

namespace e6emu {
namespace {

// splitmix64: a tiny deterministic generator (fixed seed => identical data).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int64_t Between(int64_t low, int64_t high) { return low + static_cast<int64_t>(Next() % static_cast<uint64_t>(high - low + 1)); }
  template <size_t N>
  const char* Pick(const char* const (&options)[N]) { return options[Next() % N]; }

 private:
  uint64_t state_;
};

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("sample data: " + message + " in: " + sql);
  }
}

using Value = std::variant<std::nullptr_t, int64_t, double, std::string, std::vector<uint8_t>>;

// A prepared INSERT bound positionally from Values.
class Inserter {
 public:
  Inserter(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("sample data: ") + sqlite3_errmsg(db));
    }
  }
  ~Inserter() { sqlite3_finalize(stmt_); }
  // Takes an initializer_list, not a vector: copying a vector of variants
  // per row was a quarter of start-up time in Debug builds. The braced list
  // also keeps the generator's calls in left-to-right order.
  void Row(std::initializer_list<Value> values) {
    sqlite3_reset(stmt_);
    int index = 0;
    for (const Value& v : values) {
      ++index;
      if (std::holds_alternative<int64_t>(v)) {
        sqlite3_bind_int64(stmt_, index, std::get<int64_t>(v));
      } else if (std::holds_alternative<double>(v)) {
        sqlite3_bind_double(stmt_, index, std::get<double>(v));
      } else if (std::holds_alternative<std::string>(v)) {
        const std::string& s = std::get<std::string>(v);
        sqlite3_bind_text(stmt_, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      } else if (std::holds_alternative<std::vector<uint8_t>>(v)) {
        const auto& b = std::get<std::vector<uint8_t>>(v);
        // bind_blob with a null pointer would bind NULL: an empty blob needs zeroblob.
        if (b.empty()) {
          sqlite3_bind_zeroblob(stmt_, index, 0);
        } else {
          sqlite3_bind_blob(stmt_, index, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
        }
      } else {
        sqlite3_bind_null(stmt_, index);
      }
    }
    if (sqlite3_step(stmt_) != SQLITE_DONE) throw std::runtime_error("sample data: insert failed");
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

struct ColumnSpec {
  const char* name;
  const char* engine_type;   // what the emulator declares (spec §7 names)
  const char* storage_type;  // SQLite column type: decides affinity, keeps values exact
};

// CREATE TABLE schema.table plus its rows in the side catalog.
void CreateTable(sqlite3* db, const std::string& schema, const std::string& table, const std::vector<ColumnSpec>& columns) {
  std::string sql = "CREATE TABLE " + schema + "." + table + " (";
  for (size_t i = 0; i < columns.size(); ++i) {
    sql += std::string(i ? ", " : "") + columns[i].name + " " + columns[i].storage_type;
    Exec(db, "INSERT INTO main._e6_columns VALUES ('" + schema + "', '" + table + "', '" + columns[i].name + "', " +
                 std::to_string(i) + ", '" + columns[i].engine_type + "')");
  }
  Exec(db, sql + ")");
}

std::string Text(const char* format, int64_t value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string Date(int64_t days_after_1992) {
  // Civil date of 1992-01-01 + n days (days-to-civil over 400-year eras).
  const int64_t z = 8035 + days_after_1992 + 719468;  // 1992-01-01 is day 8035 after 1970-01-01
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(year), static_cast<int>(month),
                static_cast<int>(day));
  return buffer;
}

const char* const kWords[] = {"quick", "final", "ironic", "pending", "regular", "express", "careful", "bold",
                              "furious", "silent", "blithely", "carefully", "deposits", "requests", "accounts",
                              "packages", "theodolites", "pinto", "beans", "foxes", "ideas", "sleep", "haggle"};

std::string Comment(Random& random, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    if (i > 0) s += ' ';
    s += random.Pick(kWords);
  }
  return s;
}

double Money(int64_t cents) { return static_cast<double>(cents) / 100.0; }

void LoadTpch(sqlite3* db) {
  Random random(0xE6DA7A);
  static const char* const kRegions[] = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
  struct Nation { const char* name; int region; };
  static const Nation kNations[] = {
      {"ALGERIA", 0}, {"ARGENTINA", 1}, {"BRAZIL", 1}, {"CANADA", 1}, {"EGYPT", 4}, {"ETHIOPIA", 0},
      {"FRANCE", 3}, {"GERMANY", 3}, {"INDIA", 2}, {"INDONESIA", 2}, {"IRAN", 4}, {"IRAQ", 4},
      {"JAPAN", 2}, {"JORDAN", 4}, {"KENYA", 0}, {"MOROCCO", 0}, {"MOZAMBIQUE", 0}, {"PERU", 1},
      {"CHINA", 2}, {"ROMANIA", 3}, {"SAUDI ARABIA", 4}, {"VIETNAM", 2}, {"RUSSIA", 3},
      {"UNITED KINGDOM", 3}, {"UNITED STATES", 1}};

  CreateTable(db, "tpch", "region", {{"r_regionkey", "bigint", "INTEGER"}, {"r_name", "string", "TEXT"},
                                     {"r_comment", "string", "TEXT"}});
  Inserter region(db, "INSERT INTO tpch.region VALUES (?, ?, ?)");
  for (int64_t i = 0; i < 5; ++i) region.Row({i, std::string(kRegions[i]), Comment(random, 6)});

  CreateTable(db, "tpch", "nation", {{"n_nationkey", "bigint", "INTEGER"}, {"n_name", "string", "TEXT"},
                                     {"n_regionkey", "bigint", "INTEGER"}, {"n_comment", "string", "TEXT"}});
  Inserter nation(db, "INSERT INTO tpch.nation VALUES (?, ?, ?, ?)");
  for (int64_t i = 0; i < 25; ++i) {
    nation.Row({i, std::string(kNations[i].name), int64_t{kNations[i].region}, Comment(random, 8)});
  }

  constexpr int64_t kCustomers = 1500;
  static const char* const kSegments[] = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
  CreateTable(db, "tpch", "customer",
              {{"c_custkey", "bigint", "INTEGER"}, {"c_name", "string", "TEXT"}, {"c_address", "string", "TEXT"},
               {"c_nationkey", "bigint", "INTEGER"}, {"c_phone", "string", "TEXT"},
               {"c_acctbal", "decimal(15,2)", "REAL"}, {"c_mktsegment", "string", "TEXT"},
               {"c_comment", "string", "TEXT"}});
  Inserter customer(db, "INSERT INTO tpch.customer VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (int64_t key = 1; key <= kCustomers; ++key) {
    const int64_t nation_key = random.Between(0, 24);
    customer.Row({key, Text("Customer#%09" PRId64, key), Comment(random, 2), nation_key,
                  Text("%02" PRId64, nation_key + 10) + "-" + Text("%03" PRId64, random.Between(100, 999)) + "-" +
                      Text("%04" PRId64, random.Between(1000, 9999)),
                  Money(random.Between(-99999, 999999)), std::string(random.Pick(kSegments)), Comment(random, 7)});
  }

  constexpr int64_t kOrders = 16000;
  static const char* const kPriorities[] = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
  static const char* const kInstructions[] = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  static const char* const kModes[] = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  CreateTable(db, "tpch", "orders",
              {{"o_orderkey", "bigint", "INTEGER"}, {"o_custkey", "bigint", "INTEGER"},
               {"o_orderstatus", "string", "TEXT"}, {"o_totalprice", "decimal(15,2)", "REAL"},
               {"o_orderdate", "date", "TEXT"}, {"o_orderpriority", "string", "TEXT"},
               {"o_clerk", "string", "TEXT"}, {"o_shippriority", "int", "INTEGER"}, {"o_comment", "string", "TEXT"}});
  CreateTable(db, "tpch", "lineitem",
              {{"l_orderkey", "bigint", "INTEGER"}, {"l_partkey", "bigint", "INTEGER"},
               {"l_suppkey", "bigint", "INTEGER"}, {"l_linenumber", "int", "INTEGER"},
               {"l_quantity", "decimal(15,2)", "REAL"}, {"l_extendedprice", "decimal(15,2)", "REAL"},
               {"l_discount", "decimal(15,2)", "REAL"}, {"l_tax", "decimal(15,2)", "REAL"},
               {"l_returnflag", "string", "TEXT"}, {"l_linestatus", "string", "TEXT"},
               {"l_shipdate", "date", "TEXT"}, {"l_commitdate", "date", "TEXT"}, {"l_receiptdate", "date", "TEXT"},
               {"l_shipinstruct", "string", "TEXT"}, {"l_shipmode", "string", "TEXT"},
               {"l_comment", "string", "TEXT"}});
  Inserter orders(db, "INSERT INTO tpch.orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Inserter lineitem(db, "INSERT INTO tpch.lineitem VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  constexpr int64_t kLastShipDay = 2400;  // lines shipped after this are still open ('O')
  for (int64_t key = 1; key <= kOrders; ++key) {
    const int64_t order_day = random.Between(0, 2405);
    const int64_t lines = random.Between(1, 7);
    int64_t total_cents = 0;
    int open_lines = 0;
    for (int64_t line = 1; line <= lines; ++line) {
      const int64_t part = random.Between(1, 20000);
      const int64_t quantity = random.Between(1, 50);
      const int64_t price_cents = quantity * (90000 + (part / 10) % 20001 + 100 * (part % 1000));
      const int64_t discount = random.Between(0, 10);
      const int64_t tax = random.Between(0, 8);
      const int64_t ship_day = order_day + random.Between(1, 121);
      const bool shipped = ship_day <= kLastShipDay;
      open_lines += shipped ? 0 : 1;
      total_cents += price_cents * (100 - discount) / 100 * (100 + tax) / 100;
      lineitem.Row({key, part, random.Between(1, 1000), line, static_cast<double>(quantity), Money(price_cents),
                    Money(discount), Money(tax),
                    std::string(shipped ? (random.Between(0, 1) ? "R" : "A") : "N"), std::string(shipped ? "F" : "O"),
                    Date(ship_day), Date(order_day + random.Between(30, 90)), Date(ship_day + random.Between(1, 30)),
                    std::string(random.Pick(kInstructions)), std::string(random.Pick(kModes)), Comment(random, 4)});
    }
    const char* status = open_lines == 0 ? "F" : open_lines == lines ? "O" : "P";
    orders.Row({key, random.Between(1, kCustomers), std::string(status), Money(total_cents), Date(order_day),
                std::string(random.Pick(kPriorities)), Text("Clerk#%09" PRId64, random.Between(1, 1000)), int64_t{0},
                Comment(random, 6)});
  }
}

std::vector<uint8_t> Bytes(std::initializer_list<uint8_t> bytes) { return bytes; }

void LoadTypes(sqlite3* db) {
  // TIMESTAMP_TZ values are stored as "<UTC instant>|<zone>".
  CreateTable(db, "types", "all_types",
              {{"id", "int", "INTEGER"}, {"long_col", "bigint", "INTEGER"}, {"int_col", "int", "INTEGER"},
               {"double_col", "double", "REAL"}, {"float_col", "float", "REAL"}, {"bool_col", "boolean", "INTEGER"},
               {"string_col", "string", "TEXT"}, {"binary_col", "binary", "BLOB"}, {"date_col", "date", "TEXT"},
               {"datetime_col", "timestamp", "TEXT"}, {"tstz_col", "timestamp_tz", "TEXT"},
               {"decimal_col", "decimal(38,10)", "TEXT"}, {"small_decimal_col", "decimal(9,2)", "TEXT"}});
  Inserter row(db, "INSERT INTO types.all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  using S = std::string;
  constexpr auto kLongMin = std::numeric_limits<int64_t>::min();
  constexpr auto kLongMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kIntMin = std::numeric_limits<int32_t>::min();
  constexpr int64_t kIntMax = std::numeric_limits<int32_t>::max();
  row.Row({int64_t{1}, int64_t{42}, int64_t{7}, 3.5, 1.25, int64_t{1}, S("hello"), Bytes({0x00, 0xFF, 0x10}),
           S("2026-02-12"), S("2026-02-12 00:00:00.123456"), S("2026-02-12 00:00:00.000000|+05:30"),
           S("12345678901234567890.0123456789"), S("1234567.89")});
  row.Row({int64_t{2}, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
           nullptr});
  row.Row({int64_t{3}, kLongMin, kIntMin, -DBL_MAX, static_cast<double>(-FLT_MAX), int64_t{0}, S(""), Bytes({}),
           S("1969-12-31"), S("1969-12-31 23:59:59.999999"), S("1969-12-31 23:59:59.999999|-08:00"),
           S("-9999999999999999999999999999.9999999999"), S("-9999999.99")});
  row.Row({int64_t{4}, kLongMax, kIntMax, DBL_MAX, static_cast<double>(FLT_MAX), int64_t{1},
           S("Gr\xC3\xBC\xC3\x9F" "e \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80"),
           Bytes({0xDE, 0xAD, 0xBE, 0xEF}), S("9999-12-31"), S("9999-12-31 23:59:59.999999"),
           S("2026-02-12 00:00:00.000000|Z"), S("9999999999999999999999999999.9999999999"), S("9999999.99")});
  row.Row({int64_t{5}, int64_t{0}, int64_t{0}, 0.0, 0.0, int64_t{0}, S("a;b{c}'d\""), Bytes({0x00}), S("1970-01-01"),
           S("1970-01-01 00:00:00.000000"), S("1970-01-01 00:00:00.000000|Asia/Kolkata"), S("0.0000000000"),
           S("0.00")});
  row.Row({int64_t{6}, int64_t{-1}, int64_t{-1}, 4.9406564584124654e-324, 0.1, int64_t{1}, S(" spaced "), Bytes({0x41}),
           S("1899-12-31"), S("1600-02-29 12:34:56.500000"), S("2024-06-01 12:00:00.000000|America/New_York"),
           S("-0.0000000001"), S("-0.01")});
}

std::vector<std::string> Strings(sqlite3* db, const std::string& sql, const std::vector<std::string>& args) {
  sqlite3_stmt* stmt = nullptr;
  std::vector<std::string> out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) return out;
  for (size_t i = 0; i < args.size(); ++i) {
    sqlite3_bind_text(stmt, static_cast<int>(i + 1), args[i].c_str(), -1, SQLITE_TRANSIENT);
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const unsigned char* text = sqlite3_column_text(stmt, c);
      out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
  }
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

void LoadSampleData(sqlite3* db) {
  Exec(db, "CREATE TABLE main._e6_columns (schema_name TEXT, table_name TEXT, column_name TEXT, position INTEGER, "
           "engine_type TEXT)");
  Exec(db, "ATTACH DATABASE ':memory:' AS tpch");
  Exec(db, "ATTACH DATABASE ':memory:' AS types");
  Exec(db, "BEGIN");
  LoadTpch(db);
  LoadTypes(db);
  Exec(db, "COMMIT");
}

std::vector<std::string> ListSchemas(sqlite3* db) {
  return Strings(db, "SELECT DISTINCT schema_name FROM main._e6_columns ORDER BY 1", {});
}

std::vector<std::string> ListTables(sqlite3* db, const std::string& schema) {
  return Strings(db, "SELECT DISTINCT table_name FROM main._e6_columns WHERE schema_name = ? ORDER BY 1", {schema});
}

std::vector<CatalogColumn> ListColumns(sqlite3* db, const std::string& schema, const std::string& table) {
  const std::vector<std::string> flat = Strings(
      db, "SELECT column_name, engine_type FROM main._e6_columns WHERE schema_name = ? AND table_name = ? ORDER BY position",
      {schema, table});
  std::vector<CatalogColumn> columns;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) columns.push_back({flat[i], flat[i + 1]});
  return columns;
}

std::string DeclaredType(sqlite3* db, const std::string& schema, const std::string& table, const std::string& column) {
  const std::vector<std::string> found = Strings(
      db, "SELECT engine_type FROM main._e6_columns WHERE schema_name = ? AND table_name = ? AND column_name = ?",
      {schema, table, column});
  return found.empty() ? std::string() : found.front();
}

}  // namespace e6emu
