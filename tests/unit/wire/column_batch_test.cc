// ColumnBatch::Decode: the protocol spec's Chunk test vectors (§5.5) and the
// per-type rules of §5.3/§5.4/§6 on hand-built chunks.
#include "wire/column_batch.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "thrift_writer.h"
#include "wire/decode_error.h"

namespace e6odbc::wire {
namespace {

using namespace testing;  // NOLINT: the byte builders and Fixture()

// 10^38 - 1, computed independently of the bytes on the wire.
Int128 TenToThe38MinusOne() {
  Int128 v = 1;
  for (int i = 0; i < 38; ++i) v *= 10;
  return v - 1;
}

std::vector<bool> Nulls(const ColumnVector& c, size_t rows) {
  std::vector<bool> flags;
  for (size_t r = 0; r < rows; ++r) flags.push_back(c.IsNull(r));
  return flags;
}

// Expects decoding `bytes` to fail with a message containing every one of `parts`.
void ExpectDecodeError(const std::string& bytes, const std::vector<std::string>& parts) {
  testing::ExpectDecodeError([&] { ColumnBatch::Decode(bytes); }, parts);
}

TEST(ColumnBatch, Tv1LongAndString) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv1.bin"));
  ASSERT_FALSE(b.at_end());
  ASSERT_EQ(b.row_count(), 3u);
  ASSERT_EQ(b.columns().size(), 2u);
  const ColumnVector& ids = b.columns()[0];
  EXPECT_EQ(ids.type, VectorType::kLong);
  EXPECT_FALSE(ids.is_constant);
  EXPECT_EQ(ids.int64_values, (std::vector<int64_t>{10, 0, -2}));
  EXPECT_EQ(Nulls(ids, 3), (std::vector<bool>{false, true, false}));
  EXPECT_TRUE(ids.text_values.empty());
  const ColumnVector& names = b.columns()[1];
  EXPECT_EQ(names.type, VectorType::kString);
  EXPECT_FALSE(names.is_constant);
  ASSERT_EQ(names.text_values.size(), 3u);
  EXPECT_EQ(names.text_values[0], "ab");
  EXPECT_EQ(names.text_values[1], "");
  EXPECT_EQ(names.text_values[2], "e6");
  EXPECT_EQ(Nulls(names, 3), (std::vector<bool>{false, false, false}));  // "" is not NULL
  EXPECT_TRUE(names.int64_values.empty());
}

TEST(ColumnBatch, Tv2ConstantVectors) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv2.bin"));
  ASSERT_EQ(b.row_count(), 2u);
  ASSERT_EQ(b.columns().size(), 3u);
  const ColumnVector& seven = b.columns()[0];
  const ColumnVector& text = b.columns()[1];
  const ColumnVector& null_double = b.columns()[2];
  EXPECT_EQ(seven.type, VectorType::kInteger);
  EXPECT_EQ(text.type, VectorType::kString);
  EXPECT_EQ(null_double.type, VectorType::kDouble);
  for (const ColumnVector* c : {&seven, &text, &null_double}) EXPECT_TRUE(c->is_constant);
  EXPECT_EQ(seven.int64_values, (std::vector<int64_t>{7}));  // i64 numericConstantData
  ASSERT_EQ(text.text_values.size(), 1u);
  EXPECT_EQ(text.text_values[0], "e6");
  EXPECT_EQ(null_double.double_values, (std::vector<double>{0.0}));
  for (size_t row = 0; row < 2; ++row) {
    EXPECT_EQ(seven.Slot(row), 0u);
    EXPECT_FALSE(seven.IsNull(row));
    EXPECT_FALSE(text.IsNull(row));
    EXPECT_TRUE(null_double.IsNull(row));
  }
}

TEST(ColumnBatch, Tv3Decimal128) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv3.bin"));
  ASSERT_EQ(b.row_count(), 3u);
  ASSERT_EQ(b.columns().size(), 2u);
  const ColumnVector& normal = b.columns()[0];
  EXPECT_EQ(normal.type, VectorType::kDecimal128);
  EXPECT_FALSE(normal.is_constant);
  ASSERT_EQ(normal.decimal_values.size(), 3u);
  EXPECT_TRUE(normal.decimal_values[0].unscaled == 12345);  // 123.45
  EXPECT_TRUE(normal.decimal_values[1].unscaled == -1);     // -0.01
  EXPECT_TRUE(normal.decimal_values[2].unscaled == 0);      // placeholder of the NULL row
  for (const Decimal& d : normal.decimal_values) EXPECT_EQ(d.scale, 2);
  EXPECT_EQ(Nulls(normal, 3), (std::vector<bool>{false, false, true}));
  const ColumnVector& constant = b.columns()[1];
  EXPECT_EQ(constant.type, VectorType::kDecimal128);
  EXPECT_TRUE(constant.is_constant);
  ASSERT_EQ(constant.decimal_values.size(), 1u);
  EXPECT_TRUE(constant.decimal_values[0].unscaled == TenToThe38MinusOne());
  EXPECT_EQ(constant.decimal_values[0].scale, 2);
  EXPECT_EQ(Nulls(constant, 3), (std::vector<bool>{false, false, false}));
}

TEST(ColumnBatch, Tv4Temporal) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv4.bin"));
  ASSERT_EQ(b.row_count(), 2u);
  ASSERT_EQ(b.columns().size(), 3u);
  const ColumnVector& date = b.columns()[0];
  const ColumnVector& datetime = b.columns()[1];
  const ColumnVector& tz = b.columns()[2];
  EXPECT_EQ(date.type, VectorType::kDate);
  EXPECT_EQ(date.int64_values, (std::vector<int64_t>{1770854400000000, -86400000000}));
  EXPECT_EQ(datetime.type, VectorType::kDateTime);
  EXPECT_EQ(datetime.int64_values, (std::vector<int64_t>{1770854400123456, -1}));
  EXPECT_TRUE(datetime.zone_values.empty());
  EXPECT_EQ(tz.type, VectorType::kTimestampTz);
  EXPECT_EQ(tz.int64_values, (std::vector<int64_t>{1770854400000000, 1770854400000000}));
  ASSERT_EQ(tz.zone_values.size(), 2u);
  EXPECT_EQ(tz.zone_values[0], "+05:30");
  EXPECT_EQ(tz.zone_values[1], "Z");
  for (const ColumnVector* c : {&date, &datetime, &tz}) {
    EXPECT_FALSE(c->is_constant);
    EXPECT_EQ(Nulls(*c, 2), (std::vector<bool>{false, false}));
  }
}

TEST(ColumnBatch, EmptyChunkAndEmptyPayloadMeanEndOfData) {
  const ColumnBatch empty_chunk = ColumnBatch::Decode(Fixture("empty.bin"));
  EXPECT_TRUE(empty_chunk.at_end());
  EXPECT_EQ(empty_chunk.row_count(), 0u);
  EXPECT_TRUE(empty_chunk.columns().empty());
  EXPECT_TRUE(ColumnBatch::Decode("").at_end());
  // A negative size is the end too, whatever the vectors say.
  EXPECT_TRUE(ColumnBatch::Decode(Chunk(-1, {Vector(1, 99, "", DataUnion(3, I64Values({})), false)})).at_end());
}

TEST(ColumnBatch, StringsPointIntoTheOwnedPayloadAndSurviveMoves) {
  std::string payload = Fixture("tv1.bin");
  const char* const original = payload.data();
  ColumnBatch a = ColumnBatch::Decode(std::move(payload));
  ColumnBatch b = std::move(a);
  std::vector<ColumnBatch> many;
  many.push_back(std::move(b));
  many.emplace_back(ColumnBatch::Decode(Fixture("tv2.bin")));  // may reallocate the vector
  const std::string_view e6 = many[0].columns()[1].text_values[2];
  EXPECT_EQ(e6, "e6");
  // The view points into the moved-in buffer: no copy was made.
  EXPECT_GE(e6.data(), original);
  EXPECT_LT(e6.data(), original + 148);
}

TEST(ColumnBatch, FieldsInAnyOrderAndUnknownFieldsSkipped) {
  // TV1's content with every struct's fields reversed and unknown fields of
  // every kind sprinkled in.
  const std::string unknown = Field(kString, 99) + Binary("?") + Field(kMap, 98) + std::string{kI32, kI64} + I32(1) +
                              I32(1) + I64(2) + Field(kDouble, 97) + Double(1.5) + Field(kSet, 96) +
                              ListOf(kI16, {I16(1)}) + Field(kByte, 95) + "\x01" + Field(kI16, 94) + I16(2);
  const std::string ids = Field(kBool, 5) + std::string(1, '\0') + unknown + Field(kStruct, 4) +
                          (unknown + Field(kStruct, 3) +
                           Struct({unknown, Field(kList, 1) + ListOf(kI64, {I64(10), I64(0), I64(-2)})}) + unknown +
                           kStop) +
                          NullSet({false, true, false}) + Field(kI32, 2) + I32(6) + Field(kI32, 1) + I32(3) +
                          Field(kString, 6) + Binary("+01:00") + Field(kString, 7) + Binary("fmt") + kStop;
  const std::string names = Field(kStruct, 4) + DataUnion(7, Struct({Field(kList, 1) + StringList({"ab", "", "e6"})})) +
                            NullSet({false, false, false}) + Field(kI32, 2) + I32(7) + kStop;
  const std::string chunk = unknown + Field(kList, 2) + ListOf(kStruct, {ids, names}) + Field(kI32, 1) + I32(3) + kStop;
  const ColumnBatch b = ColumnBatch::Decode(chunk);
  ASSERT_EQ(b.row_count(), 3u);
  ASSERT_EQ(b.columns().size(), 2u);
  EXPECT_EQ(b.columns()[0].int64_values, (std::vector<int64_t>{10, 0, -2}));
  EXPECT_EQ(Nulls(b.columns()[0], 3), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(b.columns()[1].text_values[0], "ab");
  EXPECT_FALSE(b.columns()[1].is_constant);  // isConstantVector absent = false
}

TEST(ColumnBatch, TrailingBytesAfterTheChunkAreIgnored) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv1.bin") + "trailing");
  EXPECT_EQ(b.row_count(), 3u);
}

// One row of each type through the member the spec names for it (§5.3).
struct TypeCase {
  VectorType type;
  int16_t member;
  std::string member_struct;
  bool constant;
};

TEST(ColumnBatch, EachTypeReadsItsDataMember) {
  const std::string i64_constant = Struct({Field(kI64, 1) + I64(-5)});
  const std::string double_constant = Struct({Field(kDouble, 1) + Double(0.25)});
  const std::string text_constant = Struct({Field(kString, 1) + Binary("t")});
  const std::string texts = Struct({Field(kList, 1) + StringList({"t"})});
  const TypeCase cases[] = {
      {VectorType::kLong, 3, I64Values({-5}), false},
      {VectorType::kLong, 11, i64_constant, true},
      {VectorType::kInteger, 2, I32Values({-5}), false},
      {VectorType::kInteger, 11, i64_constant, true},
      {VectorType::kDate, 4, I64Values({-5}), false},
      {VectorType::kDate, 9, i64_constant, true},
      {VectorType::kDateTime, 16, I64Values({-5}), false},
      {VectorType::kDateTime, 14, i64_constant, true},
      {VectorType::kTimestamp, 16, I64Values({-5}), false},
      {VectorType::kTimestamp, 14, i64_constant, true},
      {VectorType::kInt96, 16, I64Values({-5}), false},
      {VectorType::kInt96, 14, i64_constant, true},
      {VectorType::kTimestampTz, 16, I64Values({-5}), false},
      {VectorType::kTimestampTz, 14, i64_constant, true},
      {VectorType::kDouble, 6, DoubleValues({0.25}), false},
      {VectorType::kDouble, 12, double_constant, true},
      {VectorType::kFloat, 5, DoubleValues({0.25}), false},
      {VectorType::kFloat, 12, double_constant, true},
      {VectorType::kBoolean, 1, BoolValues({true}), false},
      {VectorType::kBoolean, 8, Struct({Field(kBool, 1) + "\x01"}), true},
      {VectorType::kString, 7, texts, false},
      {VectorType::kString, 15, text_constant, true},
      {VectorType::kBinary, 7, texts, false},
      {VectorType::kBinary, 15, text_constant, true},
      {VectorType::kArray, 7, texts, false},
      {VectorType::kMap, 15, text_constant, true},
      {VectorType::kStruct, 7, texts, false},
      {VectorType::kDecimal128, 17, Struct({Field(kList, 1) + StringList({"\xfb"})}), false},
      {VectorType::kDecimal128, 18, Struct({Field(kString, 1) + Binary("\xfb")}), true},
  };
  for (const TypeCase& c : cases) {
    const std::string where = std::string(VectorTypeName(c.type)) + " member " + std::to_string(c.member);
    const ColumnBatch b = ColumnBatch::Decode(
        Chunk(1, {Vector(1, static_cast<int32_t>(c.type), NullSet({false}), DataUnion(c.member, c.member_struct),
                         c.constant)}));
    ASSERT_EQ(b.columns().size(), 1u) << where;
    const ColumnVector& v = b.columns()[0];
    EXPECT_EQ(v.type, c.type) << where;
    EXPECT_EQ(v.is_constant, c.constant) << where;
    EXPECT_FALSE(v.IsNull(0)) << where;
    // Exactly one list is filled, and it is the one column_batch.h names.
    const size_t filled = v.int64_values.size() + v.double_values.size() + v.bool_values.size() +
                          v.text_values.size() + v.decimal_values.size();
    EXPECT_EQ(filled, 1u) << where;
    switch (c.type) {
      case VectorType::kDouble:
      case VectorType::kFloat: EXPECT_EQ(v.double_values.at(0), 0.25) << where; break;
      case VectorType::kBoolean: EXPECT_EQ(v.bool_values.at(0), 1) << where; break;
      case VectorType::kString:
      case VectorType::kBinary:
      case VectorType::kArray:
      case VectorType::kMap:
      case VectorType::kStruct: EXPECT_EQ(v.text_values.at(0), "t") << where; break;
      case VectorType::kDecimal128: EXPECT_TRUE(v.decimal_values.at(0).unscaled == -5) << where; break;
      default: EXPECT_EQ(v.int64_values.at(0), -5) << where; break;
    }
  }
}

TEST(ColumnBatch, BinaryKeepsItsRawBytes) {
  const std::string raw("\x00\xff\xc0\x80", 4);
  const ColumnBatch b = ColumnBatch::Decode(
      Chunk(1, {Vector(1, 0, NullSet({false}), DataUnion(7, Struct({Field(kList, 1) + StringList({raw})})), false)}));
  EXPECT_EQ(b.columns()[0].text_values.at(0), raw);
}

TEST(ColumnBatch, NullVectorNeedsNothingElse) {
  const std::string bare = Struct({Field(kI32, 1) + I32(2), Field(kI32, 2) + I32(14)});
  const ColumnBatch b = ColumnBatch::Decode(Chunk(2, {bare}));
  EXPECT_EQ(b.columns()[0].type, VectorType::kNull);
  EXPECT_TRUE(b.columns()[0].IsNull(0));
  EXPECT_TRUE(b.columns()[0].IsNull(1));
  // As the spec recommends emulators send it: nullSet [true], constant, nullConstantData.
  const ColumnBatch rec = ColumnBatch::Decode(
      Chunk(3, {Vector(3, 14, NullSet({true}), DataUnion(10, Struct({Field(kByte, 1) + std::string(1, '\0')})),
                       true)}));
  for (size_t row = 0; row < 3; ++row) EXPECT_TRUE(rec.columns()[0].IsNull(row));
}

TEST(ColumnBatch, MissingNullSetMeansNoNulls) {
  const std::string vector = Struct({Field(kI32, 2) + I32(6), Field(kStruct, 4) + DataUnion(3, I64Values({42, 43}))});
  const ColumnBatch b = ColumnBatch::Decode(Chunk(2, {vector}));
  EXPECT_TRUE(b.columns()[0].null_flags.empty());
  EXPECT_EQ(Nulls(b.columns()[0], 2), (std::vector<bool>{false, false}));
  EXPECT_EQ(b.columns()[0].int64_values, (std::vector<int64_t>{42, 43}));
}

TEST(ColumnBatch, FieldsOfAnUnexpectedThriftTypeAreSkippedAsAbsent) {
  // nullSet as list<i32>: absent, so no NULLs; isConstantVector as i32: absent.
  const std::string odd_nulls = Field(kList, 3) + ListOf(kI32, {I32(1)});
  const std::string vector = Struct({Field(kI32, 2) + I32(6), odd_nulls, Field(kI32, 5) + I32(1),
                                     Field(kStruct, 4) + DataUnion(3, I64Values({1}))});
  const ColumnBatch b = ColumnBatch::Decode(Chunk(1, {vector}));
  EXPECT_FALSE(b.columns()[0].IsNull(0));
  EXPECT_FALSE(b.columns()[0].is_constant);
  // Chunk.size as an i64 is absent, and a chunk needs its size.
  ExpectDecodeError(Struct({Field(kI64, 1) + I64(1)}), {"no size"});
  // The values as list<i32> in int64Data: absent values, reported as such.
  ExpectDecodeError(Chunk(1, {Vector(1, 6, NullSet({false}), DataUnion(3, I32Values({1})), false)}),
                    {"column 0 (LONG)", "int64Data has 0 values for 1 rows"});
}

TEST(ColumnBatch, TimestampTzZones) {
  // Constant: the one zone applies to every row.
  const std::string constant = Struct({Field(kI64, 1) + I64(7), Field(kString, 2) + Binary("Asia/Kolkata")});
  const ColumnBatch c = ColumnBatch::Decode(Chunk(4, {Vector(4, 15, NullSet({false}), DataUnion(14, constant), true)}));
  ASSERT_EQ(c.columns()[0].zone_values.size(), 1u);
  EXPECT_EQ(c.columns()[0].zone_values[c.columns()[0].Slot(3)], "Asia/Kolkata");
  // No zoneData: UTC, zone_values empty.
  const ColumnBatch utc =
      ColumnBatch::Decode(Chunk(1, {Vector(1, 15, NullSet({false}), DataUnion(16, I64Values({7})), false)}));
  EXPECT_TRUE(utc.columns()[0].zone_values.empty());
  // DATETIME ignores zones even when they are sent.
  const std::string zoned = Struct({Field(kList, 1) + ListOf(kI64, {I64(7)}), Field(kList, 2) + StringList({"Z"})});
  const ColumnBatch datetime =
      ColumnBatch::Decode(Chunk(1, {Vector(1, 9, NullSet({false}), DataUnion(16, zoned), false)}));
  EXPECT_TRUE(datetime.columns()[0].zone_values.empty());
  EXPECT_EQ(datetime.columns()[0].int64_values, (std::vector<int64_t>{7}));
  // Fewer zones than rows.
  const std::string short_zones =
      Struct({Field(kList, 1) + ListOf(kI64, {I64(7), I64(8)}), Field(kList, 2) + StringList({"Z"})});
  ExpectDecodeError(Chunk(2, {Vector(2, 15, NullSet({false, false}), DataUnion(16, short_zones), false)}),
                    {"column 0 (TIMESTAMP_TZ)", "1 zones for 2 rows"});
}

TEST(ColumnBatch, Int96OnlyFromTheTimeMembers) {
  ExpectDecodeError(Chunk(1, {Vector(1, 4, NullSet({false}),
                                     DataUnion(7, Struct({Field(kList, 1) + StringList({std::string(12, 'x')})})),
                                     false)}),
                    {"column 0 (INT96)", "varcharData", "13.3"});
}

std::string DecimalChunk(const std::vector<std::string>& binaries, std::optional<int32_t> scale,
                         const std::vector<bool>& nulls) {
  std::vector<std::string> fields = {Field(kList, 1) + StringList(binaries)};
  if (scale) fields.push_back(Field(kI32, 2) + I32(*scale));
  return Chunk(static_cast<int32_t>(binaries.size()),
               {Vector(static_cast<int32_t>(binaries.size()), 16, nulls.empty() ? "" : NullSet(nulls),
                       DataUnion(17, Struct(fields)), false)});
}

TEST(ColumnBatch, DecimalLengthsScaleAndEmptyBinaries) {
  const ColumnBatch b = ColumnBatch::Decode(DecimalChunk(
      {"\xff", std::string("\x00\x80", 2), "", "12345678901234567.89", std::string(16, '\xff')}, 4, {}));
  const ColumnVector& v = b.columns()[0];
  ASSERT_EQ(v.decimal_values.size(), 5u);
  EXPECT_TRUE(v.decimal_values[0].unscaled == -1);
  EXPECT_EQ(v.decimal_values[0].scale, 4);
  EXPECT_TRUE(v.decimal_values[1].unscaled == 128);
  EXPECT_EQ(v.decimal_values[1].scale, 4);
  EXPECT_TRUE(v.decimal_values[3].unscaled == 1234567890123456789);  // text fallback: its own scale
  EXPECT_EQ(v.decimal_values[3].scale, 2);
  EXPECT_TRUE(v.decimal_values[4].unscaled == -1);
  // The empty binary is NULL even though no nullSet was sent.
  EXPECT_EQ(Nulls(v, 5), (std::vector<bool>{false, false, true, false, false}));
  EXPECT_FALSE(v.decimal_scale_missing);
  // `scale` absent: 0, and the vector says so (spec §13.4), unless no value needed it.
  const ColumnBatch no_scale = ColumnBatch::Decode(DecimalChunk({"\x05"}, std::nullopt, {false}));
  EXPECT_EQ(no_scale.columns()[0].decimal_values[0].scale, 0);
  EXPECT_TRUE(no_scale.columns()[0].decimal_scale_missing);
  EXPECT_FALSE(ColumnBatch::Decode(DecimalChunk({"", "12345678901234567.89"}, std::nullopt, {})).columns()[0].decimal_scale_missing);
  // Empty binary in a constant vector: zero, not NULL.
  const std::string constant = Struct({Field(kString, 1) + Binary(""), Field(kI32, 2) + I32(3)});
  const ColumnBatch zero =
      ColumnBatch::Decode(Chunk(2, {Vector(2, 16, NullSet({false}), DataUnion(18, constant), true)}));
  EXPECT_FALSE(zero.columns()[0].IsNull(1));
  EXPECT_TRUE(zero.columns()[0].decimal_values.at(0).unscaled == 0);
  EXPECT_EQ(zero.columns()[0].decimal_values.at(0).scale, 3);
  // 17 bytes of junk: neither an integer nor text.
  ExpectDecodeError(DecimalChunk({std::string(17, '\x5a')}, 2, {false}), {"DECIMAL128", "17 bytes"});
}

TEST(ColumnBatch, ExtraValuesAndNullFlagsBeyondTheRowsAreAllowed) {
  const ColumnBatch b = ColumnBatch::Decode(
      Chunk(1, {Vector(1, 6, NullSet({false, true, true}), DataUnion(3, I64Values({1, 2, 3})), false)}));
  EXPECT_EQ(b.row_count(), 1u);
  EXPECT_FALSE(b.columns()[0].IsNull(0));
}

TEST(ColumnBatch, TypeNames) {
  for (int32_t i = 0; i <= 16; ++i) {
    const auto type = static_cast<VectorType>(i);
    EXPECT_EQ(VectorTypeFromName(VectorTypeName(type)), type) << i;
  }
  EXPECT_EQ(VectorTypeName(VectorType::kDecimal128), "DECIMAL128");
  EXPECT_EQ(VectorTypeName(VectorType::kTimestampTz), "TIMESTAMP_TZ");
  EXPECT_EQ(VectorTypeName(static_cast<VectorType>(17)), "UNKNOWN");
  EXPECT_EQ(VectorTypeName(static_cast<VectorType>(-1)), "UNKNOWN");
  EXPECT_EQ(VectorTypeFromName("timestamp_tz"), VectorType::kTimestampTz);
  EXPECT_EQ(VectorTypeFromName("Long"), VectorType::kLong);
  EXPECT_EQ(VectorTypeFromName("INT"), VectorType::kInteger);
  EXPECT_EQ(VectorTypeFromName("int"), VectorType::kInteger);
  EXPECT_EQ(VectorTypeFromName("varchar"), std::nullopt);
  EXPECT_EQ(VectorTypeFromName(""), std::nullopt);
  EXPECT_EQ(VectorTypeFromName("LONG "), std::nullopt);
  EXPECT_EQ(VectorTypeFromName("UNKNOWN"), std::nullopt);
}

}  // namespace
}  // namespace e6odbc::wire
