// The emulator's encoders against the protocol spec's test vectors (§4 M1,
// §5.5 TV1-TV4 and the empty chunk), byte for byte. Where the values can come
// from SQLite (TV1, TV3 column 0, TV4, M1) they go through ResultSet, the path
// real queries take; constant vectors the SQL path never produces for these
// types (TV2, TV3 column 1) are built from the generated Thrift types.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <fstream>
#include <iterator>
#include <memory>

#include "result_set.h"

namespace e6emu {
namespace {

namespace vec = e6x::vectors;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << name;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// An in-memory SQLite database with one table `t` and its side catalog entry,
// so ResultSet sees declared engine types as it does for the sample data.
class Table {
 public:
  // `columns`: (name, engine type) pairs; `rows_sql`: the VALUES list.
  Table(const std::vector<std::pair<std::string, std::string>>& columns, const std::string& rows_sql) {
    sqlite3_open(":memory:", &db_);
    Exec("CREATE TABLE main._e6_columns (schema_name, table_name, column_name, position, engine_type)");
    std::string create = "CREATE TABLE t (";
    for (size_t i = 0; i < columns.size(); ++i) {
      create += (i ? ", " : "") + columns[i].first;  // no declared SQLite type: values stay as inserted
      Exec("INSERT INTO main._e6_columns VALUES ('main', 't', '" + columns[i].first + "', " + std::to_string(i) +
           ", '" + columns[i].second + "')");
    }
    Exec(create + ")");
    Exec("INSERT INTO t VALUES " + rows_sql);
  }
  ~Table() { sqlite3_close(db_); }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;

  ResultSet Run(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    ResultSet result = ResultSet::Run(db_, stmt);
    sqlite3_finalize(stmt);
    return result;
  }

 private:
  void Exec(const std::string& sql) {
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  sqlite3* db_ = nullptr;
};

vec::Chunk Decode(std::string bytes) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(reinterpret_cast<uint8_t*>(bytes.data()),
                                                                            static_cast<uint32_t>(bytes.size()));
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  vec::Chunk chunk;
  chunk.read(&protocol);
  return chunk;
}

vec::Vector Make(int32_t size, vec::VectorType::type type, std::vector<bool> nulls, const vec::Data& data,
                 bool constant) {
  vec::Vector v;
  v.__set_size(size);
  v.__set_vectorType(type);
  v.__set_nullSet(std::move(nulls));
  v.__set_data(data);
  v.__set_isConstantVector(constant);
  return v;
}

TEST(Encoding, Tv1FromSqliteRows) {
  Table table({{"n", "bigint"}, {"s", "string"}}, "(10, 'ab'), (NULL, ''), (-2, 'e6')");
  const ResultSet result = table.Run("SELECT n, s FROM t");
  ASSERT_EQ(result.row_count(), 3u);
  EXPECT_EQ(result.EncodeChunk(0, 3), Fixture("tv1.bin"));
}

TEST(Encoding, Tv2ConstantVectors) {
  vec::Data seven, e6, null_double;
  vec::NumericConstantData n;
  n.__set_data(7);
  seven.__set_numericConstantData(n);
  vec::VarcharConstantData s;
  s.__set_data("e6");
  e6.__set_varcharConstantData(s);
  vec::NumericDecimalConstantData d;
  d.__set_data(0.0);
  null_double.__set_numericDecimalConstantData(d);
  vec::Chunk chunk;
  chunk.__set_size(2);
  chunk.__set_vectors({Make(2, vec::VectorType::INTEGER, {false}, seven, true),
                       Make(2, vec::VectorType::STRING, {false}, e6, true),
                       Make(2, vec::VectorType::DOUBLE, {true}, null_double, true)});
  EXPECT_EQ(SerializeChunk(chunk), Fixture("tv2.bin"));
}

TEST(Encoding, Tv3DecimalsColumnFromSqliteConstantFromText) {
  Table table({{"d", "decimal(15,2)"}}, "('123.45'), ('-0.01'), (NULL)");
  vec::Chunk chunk = Decode(table.Run("SELECT d FROM t").EncodeChunk(0, 3));
  ASSERT_EQ(chunk.vectors.size(), 1u);
  vec::NumericDecimal128ConstantData constant;
  constant.__set_data(EncodeDecimal128("999999999999999999999999999999999999.99", 2));
  constant.__set_scale(2);
  vec::Data data;
  data.__set_numericDecimal128ConstantData(constant);
  chunk.vectors.push_back(Make(3, vec::VectorType::DECIMAL128, {false}, data, true));
  EXPECT_EQ(SerializeChunk(chunk), Fixture("tv3.bin"));
}

TEST(Encoding, Tv4TemporalFromSqliteRows) {
  Table table({{"d", "date"}, {"t", "timestamp"}, {"z", "timestamp_tz"}},
              "('2026-02-12', '2026-02-12 00:00:00.123456', '2026-02-12 00:00:00.000000|+05:30'), "
              "('1969-12-31', '1969-12-31 23:59:59.999999', '2026-02-12 00:00:00|Z')");
  EXPECT_EQ(table.Run("SELECT d, t, z FROM t").EncodeChunk(0, 2), Fixture("tv4.bin"));
}

TEST(Encoding, EmptyChunk) {
  vec::Chunk chunk;
  chunk.__set_size(0);
  chunk.__set_vectors({});
  EXPECT_EQ(SerializeChunk(chunk), Fixture("empty.bin"));
}

TEST(Encoding, MetadataReproducesM1) {
  Table table({{"id", "bigint"}, {"name", "string"}}, "(1, 'a'), (2, 'b'), (3, 'c')");
  EXPECT_EQ(table.Run("SELECT id, name FROM t").EncodeMetadata(), Fixture("m1.bin"));
}

TEST(Encoding, ComputedColumnsTakeSqliteValueTypes) {
  Table table({{"n", "bigint"}}, "(1), (2), (3)");
  const ResultSet result =
      table.Run("SELECT n + 1 AS i, n * 0.5 AS r, CASE WHEN n = 1 THEN 1 ELSE 2.5 END AS mixed, "
                "'x' || n AS s, x'0a0b' AS b, NULL AS z, 7 AS c FROM t");
  ASSERT_EQ(result.columns().size(), 7u);
  EXPECT_EQ(result.columns()[0].type.vector_type, vec::VectorType::LONG);
  EXPECT_EQ(result.columns()[1].type.vector_type, vec::VectorType::DOUBLE);
  EXPECT_EQ(result.columns()[2].type.vector_type, vec::VectorType::DOUBLE);
  EXPECT_EQ(result.columns()[3].type.vector_type, vec::VectorType::STRING);
  EXPECT_EQ(result.columns()[4].type.vector_type, vec::VectorType::BINARY);
  EXPECT_EQ(result.columns()[5].type.vector_type, vec::VectorType::NULL_TYPE);
  EXPECT_EQ(result.columns()[6].type.vector_type, vec::VectorType::LONG);
  EXPECT_TRUE(result.columns()[6].constant);
  EXPECT_FALSE(result.columns()[0].constant);

  const vec::Chunk chunk = Decode(result.EncodeChunk(1, 2));  // rows n = 2, 3
  ASSERT_EQ(chunk.size, 2);
  EXPECT_EQ(chunk.vectors[0].data.int64Data.data, (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(chunk.vectors[1].data.float64Data.data, (std::vector<double>{1.0, 1.5}));
  EXPECT_EQ(chunk.vectors[2].data.float64Data.data, (std::vector<double>{2.5, 2.5}));
  EXPECT_EQ(chunk.vectors[3].data.varcharData.data, (std::vector<std::string>{"x2", "x3"}));
  // The NULL column as spec §5.3 recommends.
  EXPECT_EQ(chunk.vectors[5].vectorType, vec::VectorType::NULL_TYPE);
  EXPECT_TRUE(chunk.vectors[5].isConstantVector);
  EXPECT_EQ(chunk.vectors[5].nullSet, std::vector<bool>{true});
  EXPECT_TRUE(chunk.vectors[5].data.__isset.nullConstantData);
  EXPECT_TRUE(chunk.vectors[4].isConstantVector);
  EXPECT_EQ(chunk.vectors[4].data.varcharConstantData.data, "\x0a\x0b");
  EXPECT_TRUE(chunk.vectors[6].isConstantVector);
  EXPECT_EQ(chunk.vectors[6].data.numericConstantData.data, 7);
  EXPECT_EQ(result.EncodeMetadata().substr(0, 8), std::string("\0\0\0\0\0\0\0\3", 8));
}

TEST(Encoding, DecimalTextConvertsExactly) {
  EXPECT_EQ(EncodeDecimal128("123.45", 2), std::string("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x30\x39", 16));
  EXPECT_EQ(EncodeDecimal128("-0.01", 2), std::string(16, '\xff'));
  EXPECT_EQ(EncodeDecimal128("1.5", 3), EncodeDecimal128("1.500", 3));
  EXPECT_EQ(EncodeDecimal128("0.005", 2), EncodeDecimal128("0.01", 2)) << "half rounds away from zero";
  EXPECT_EQ(EncodeDecimal128("-0.005", 2), EncodeDecimal128("-0.01", 2));
  // -(10^38 - 1): the two's complement of 4b3b4ca85a86c47a098a223fffffffff.
  EXPECT_EQ(EncodeDecimal128("-9999999999999999999999999999.9999999999", 10),
            std::string("\xb4\xc4\xb3\x57\xa5\x79\x3b\x85\xf6\x75\xdd\xc0\x00\x00\x00\x01", 16));
}

TEST(Encoding, JavaUtfEncodesNulAndSupplementaryCharacters) {
  std::string out;
  AppendJavaUtf(out, std::string("a\0\xF0\x9F\x98\x80", 6));
  EXPECT_EQ(out, std::string("\x00\x09" "a\xC0\x80\xED\xA0\xBD\xED\xB8\x80", 11));
}

}  // namespace
}  // namespace e6emu
