// The emulator's Thrift serialization, built from the generated types, must
// reproduce the protocol spec's test vectors byte for byte; its metadata
// encoder must reproduce M1.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "result_set.h"

namespace e6emu {
namespace {

using namespace e6x::vectors;  // NOLINT: generated type names in a test

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(E6_FIXTURES_DIR) + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Vector Make(int32_t size, e6x::vectors::VectorType::type type, std::vector<bool> nulls, const Data& data, bool constant) {
  Vector v;
  v.__set_size(size);
  v.__set_vectorType(type);
  v.__set_nullSet(std::move(nulls));
  v.__set_data(data);
  v.__set_isConstantVector(constant);
  return v;
}

TEST(Encoding, ReproducesTv1) {
  Data longs;
  Int64Data int64;
  int64.__set_data({10, 0, -2});
  longs.__set_int64Data(int64);
  Data strings;
  VarcharData varchar;
  varchar.__set_data({"ab", "", "e6"});
  strings.__set_varcharData(varchar);
  Chunk chunk;
  chunk.__set_size(3);
  chunk.__set_vectors({Make(3, e6x::vectors::VectorType::LONG, {false, true, false}, longs, false),
                       Make(3, e6x::vectors::VectorType::STRING, {false, false, false}, strings, false)});
  EXPECT_EQ(SerializeChunk(chunk), Fixture("tv1.bin"));
}

TEST(Encoding, ReproducesTv2ConstantVectors) {
  Data seven, e6, null_double;
  NumericConstantData n;
  n.__set_data(7);
  seven.__set_numericConstantData(n);
  VarcharConstantData s;
  s.__set_data("e6");
  e6.__set_varcharConstantData(s);
  NumericDecimalConstantData d;
  d.__set_data(0.0);
  null_double.__set_numericDecimalConstantData(d);
  Chunk chunk;
  chunk.__set_size(2);
  chunk.__set_vectors({Make(2, e6x::vectors::VectorType::INTEGER, {false}, seven, true), Make(2, e6x::vectors::VectorType::STRING, {false}, e6, true),
                       Make(2, e6x::vectors::VectorType::DOUBLE, {true}, null_double, true)});
  EXPECT_EQ(SerializeChunk(chunk), Fixture("tv2.bin"));
}

TEST(Encoding, ReproducesTv4Temporal) {
  Data dates, times, zoned;
  DateData dd;
  dd.__set_data({1770854400000000, -86400000000});
  dates.__set_dateData(dd);
  TimeData td;
  td.__set_data({1770854400123456, -1});
  times.__set_timeData(td);
  TimeData tz;
  tz.__set_data({1770854400000000, 1770854400000000});
  tz.__set_zoneData({"+05:30", "Z"});
  zoned.__set_timeData(tz);
  Chunk chunk;
  chunk.__set_size(2);
  chunk.__set_vectors({Make(2, e6x::vectors::VectorType::DATE, {false, false}, dates, false),
                       Make(2, e6x::vectors::VectorType::DATETIME, {false, false}, times, false),
                       Make(2, e6x::vectors::VectorType::TIMESTAMP_TZ, {false, false}, zoned, false)});
  EXPECT_EQ(SerializeChunk(chunk), Fixture("tv4.bin"));
}

TEST(Encoding, MetadataReproducesM1) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_exec(db, "CREATE TABLE t (id INTEGER, name TEXT); INSERT INTO t VALUES (1,'a'),(2,'b'),(3,'c');", nullptr,
               nullptr, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_exec(db, "CREATE TABLE main._e6_columns (schema_name, table_name, column_name, position, engine_type);"
               "INSERT INTO main._e6_columns VALUES ('main','t','id',0,'bigint'),('main','t','name',1,'string');",
               nullptr, nullptr, nullptr);
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT id, name FROM t", -1, &stmt, nullptr), SQLITE_OK);
  const ResultSet result = ResultSet::Run(db, stmt);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_EQ(result.EncodeMetadata(), Fixture("m1.bin"));
}

TEST(Encoding, JavaUtfEncodesNulAndSupplementaryCharacters) {
  std::string out;
  AppendJavaUtf(out, std::string("a\0\xF0\x9F\x98\x80", 6));
  EXPECT_EQ(out, std::string("\x00\x09" "a\xC0\x80\xED\xA0\xBD\xED\xB8\x80", 11));
}

}  // namespace
}  // namespace e6emu
