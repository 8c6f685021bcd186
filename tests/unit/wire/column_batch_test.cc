// The protocol spec's Chunk test vectors (§5.5) decode to the documented values.
#include "wire/column_batch.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "wire/decode_error.h"

namespace e6odbc::wire {
namespace {

using testing::Fixture;

Int128 TenToThe38MinusOne() {
  Int128 v = 1;
  for (int i = 0; i < 38; ++i) v *= 10;
  return v - 1;
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
  EXPECT_FALSE(ids.IsNull(0));
  EXPECT_TRUE(ids.IsNull(1));
  EXPECT_FALSE(ids.IsNull(2));
  const ColumnVector& names = b.columns()[1];
  EXPECT_EQ(names.type, VectorType::kString);
  ASSERT_EQ(names.text_values.size(), 3u);
  EXPECT_EQ(names.text_values[0], "ab");
  EXPECT_EQ(names.text_values[1], "");
  EXPECT_FALSE(names.IsNull(1));  // empty string, not NULL
  EXPECT_EQ(names.text_values[2], "e6");
}

TEST(ColumnBatch, Tv2ConstantVectors) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv2.bin"));
  ASSERT_EQ(b.row_count(), 2u);
  ASSERT_EQ(b.columns().size(), 3u);
  const ColumnVector& seven = b.columns()[0];
  EXPECT_EQ(seven.type, VectorType::kInteger);
  EXPECT_TRUE(seven.is_constant);
  for (size_t row = 0; row < 2; ++row) {
    EXPECT_EQ(seven.int64_values[seven.Slot(row)], 7);
    EXPECT_FALSE(seven.IsNull(row));
    EXPECT_EQ(b.columns()[1].text_values[b.columns()[1].Slot(row)], "e6");
    EXPECT_TRUE(b.columns()[2].IsNull(row));
  }
  EXPECT_EQ(b.columns()[2].type, VectorType::kDouble);
}

TEST(ColumnBatch, Tv3Decimal128) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv3.bin"));
  ASSERT_EQ(b.row_count(), 3u);
  const ColumnVector& normal = b.columns()[0];
  EXPECT_EQ(normal.type, VectorType::kDecimal128);
  ASSERT_EQ(normal.decimal_values.size(), 3u);
  EXPECT_TRUE(normal.decimal_values[0].unscaled == 12345);
  EXPECT_EQ(normal.decimal_values[0].scale, 2);
  EXPECT_TRUE(normal.decimal_values[1].unscaled == -1);
  EXPECT_TRUE(normal.IsNull(2));
  const ColumnVector& constant = b.columns()[1];
  EXPECT_TRUE(constant.is_constant);
  EXPECT_TRUE(constant.decimal_values[0].unscaled == TenToThe38MinusOne());
  EXPECT_EQ(constant.decimal_values[0].scale, 2);
  EXPECT_FALSE(constant.IsNull(2));
}

TEST(ColumnBatch, Tv4Temporal) {
  const ColumnBatch b = ColumnBatch::Decode(Fixture("tv4.bin"));
  ASSERT_EQ(b.row_count(), 2u);
  ASSERT_EQ(b.columns().size(), 3u);
  EXPECT_EQ(b.columns()[0].type, VectorType::kDate);
  EXPECT_EQ(b.columns()[0].int64_values, (std::vector<int64_t>{1770854400000000, -86400000000}));
  EXPECT_EQ(b.columns()[1].type, VectorType::kDateTime);
  EXPECT_EQ(b.columns()[1].int64_values, (std::vector<int64_t>{1770854400123456, -1}));
  const ColumnVector& tz = b.columns()[2];
  EXPECT_EQ(tz.type, VectorType::kTimestampTz);
  EXPECT_EQ(tz.int64_values, (std::vector<int64_t>{1770854400000000, 1770854400000000}));
  ASSERT_EQ(tz.zone_values.size(), 2u);
  EXPECT_EQ(tz.zone_values[0], "+05:30");
  EXPECT_EQ(tz.zone_values[1], "Z");
}

TEST(ColumnBatch, EmptyChunkAndEmptyPayloadMeanEndOfData) {
  EXPECT_TRUE(ColumnBatch::Decode(Fixture("empty.bin")).at_end());
  EXPECT_TRUE(ColumnBatch::Decode("").at_end());
}

TEST(ColumnBatch, StringsPointIntoTheOwnedPayloadAndSurviveMoves) {
  ColumnBatch a = ColumnBatch::Decode(Fixture("tv1.bin"));
  ColumnBatch b = std::move(a);
  std::vector<ColumnBatch> many;
  many.push_back(std::move(b));
  many.emplace_back(ColumnBatch::Decode(Fixture("tv2.bin")));  // may reallocate the vector
  EXPECT_EQ(many[0].columns()[1].text_values[2], "e6");
}

TEST(ColumnBatch, TypeNames) {
  EXPECT_EQ(VectorTypeName(VectorType::kDecimal128), "DECIMAL128");
  EXPECT_EQ(VectorTypeFromName("timestamp_tz"), VectorType::kTimestampTz);
  EXPECT_EQ(VectorTypeFromName("INT"), VectorType::kInteger);
  EXPECT_EQ(VectorTypeFromName("varchar"), std::nullopt);
}

}  // namespace
}  // namespace e6odbc::wire
