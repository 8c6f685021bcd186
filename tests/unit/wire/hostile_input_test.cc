// Truncated, corrupted and hand-built hostile input: every decode either
// succeeds with an internally consistent result or throws DecodeError; it
// never crashes, never reads out of range (run under AddressSanitizer to see
// that half) and never allocates for counts the bytes cannot back.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "fixtures.h"
#include "thrift_writer.h"
#include "wire/column_batch.h"
#include "wire/decode_error.h"
#include "wire/result_metadata.h"

namespace e6odbc::wire {
namespace {

using namespace testing;  // NOLINT: the byte builders and Fixture()

const char* const kChunks[] = {"tv1.bin", "tv2.bin", "tv3.bin", "tv4.bin", "empty.bin"};

size_t FilledValues(const ColumnVector& c) {
  switch (c.type) {
    case VectorType::kDouble:
    case VectorType::kFloat: return c.double_values.size();
    case VectorType::kBoolean: return c.bool_values.size();
    case VectorType::kString:
    case VectorType::kBinary:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct: return c.text_values.size();
    case VectorType::kDecimal128: return c.decimal_values.size();
    default: return c.int64_values.size();
  }
}

// What column_batch.h promises: every row an accessor may ask for is backed
// by a slot. Reads every value and every byte of every view so that an
// out-of-range one shows up under AddressSanitizer.
void ExpectConsistent(const ColumnBatch& b) {
  size_t checksum = 0;
  for (const ColumnVector& c : b.columns()) {
    ASSERT_GE(static_cast<int>(c.type), 0);
    ASSERT_LE(static_cast<int>(c.type), 16);
    if (c.type == VectorType::kNull) continue;
    const size_t slots = c.is_constant ? 1 : b.row_count();
    ASSERT_TRUE(c.null_flags.empty() || c.null_flags.size() >= slots);
    ASSERT_GE(FilledValues(c), slots);
    ASSERT_TRUE(c.zone_values.empty() || c.zone_values.size() >= slots);
    if (!c.zone_values.empty()) {
      ASSERT_EQ(c.type, VectorType::kTimestampTz);
    }
    for (const std::string_view s : c.text_values) {
      for (const char ch : s) checksum += static_cast<unsigned char>(ch);
    }
    for (const std::string_view s : c.zone_values) {
      for (const char ch : s) checksum += static_cast<unsigned char>(ch);
    }
    for (const int64_t v : c.int64_values) checksum += static_cast<size_t>(v);
    for (const Decimal& d : c.decimal_values) checksum += static_cast<size_t>(d.unscaled);
    // Rows are bounded by the data only for normal vectors; probe both ends.
    ASSERT_GT(b.row_count(), 0u);  // an end-of-data batch has no columns
    for (const size_t row : {size_t{0}, b.row_count() - 1}) checksum += c.IsNull(row) ? 1 : 0;
  }
  (void)checksum;
}

// Decodes `bytes`; returns true on success (after checking consistency) and
// false on DecodeError. Any other exception fails the test.
bool DecodesCleanly(const std::string& bytes) {
  try {
    const ColumnBatch b = ColumnBatch::Decode(bytes);
    ExpectConsistent(b);
    return true;
  } catch (const DecodeError&) {
    return false;
  }
}

TEST(HostileInput, EveryTruncationOfEveryVectorIsAnError) {
  for (const char* name : kChunks) {
    const std::string bytes = Fixture(name);
    // Length 0 is the empty payload (end of data), so start at 1.
    for (size_t n = 1; n < bytes.size(); ++n) {
      EXPECT_THROW(ColumnBatch::Decode(bytes.substr(0, n)), DecodeError) << name << " prefix " << n;
    }
  }
}

TEST(HostileInput, EveryByteCorruptionDecodesOrFailsCleanly) {
  size_t failures = 0, successes = 0;
  for (const char* name : kChunks) {
    const std::string original = Fixture(name);
    for (size_t i = 0; i < original.size(); ++i) {
      for (const int value : {0x00, 0xFF, 0x7F, 0x80, static_cast<unsigned char>(original[i]) ^ 0x01}) {
        std::string bytes = original;
        bytes[i] = static_cast<char>(value);
        (DecodesCleanly(bytes) ? successes : failures)++;
      }
    }
  }
  EXPECT_GT(failures, 100u);
  EXPECT_GT(successes, 100u);  // e.g. a changed value byte still decodes
}

TEST(HostileInput, RandomMultiByteDamageDecodesOrFailsCleanly) {
  std::mt19937 random(20261125);  // fixed seed: reproducible
  for (const char* name : kChunks) {
    const std::string original = Fixture(name);
    for (int round = 0; round < 4000; ++round) {
      std::string bytes = original;
      const int changes = 1 + static_cast<int>(random() % 4);
      for (int k = 0; k < changes; ++k) bytes[random() % bytes.size()] = static_cast<char>(random() & 0xFF);
      if (random() % 4 == 0) bytes.resize(random() % bytes.size() + 1);             // cut
      if (random() % 8 == 0) bytes.insert(random() % bytes.size(), 1, '\x0c');     // splice in a struct type
      DecodesCleanly(bytes);
    }
  }
}

TEST(HostileInput, MetadataCorruptionDecodesOrFailsCleanly) {
  const std::string original = Fixture("m1.bin");
  for (size_t i = 0; i < original.size(); ++i) {
    for (const int value : {0x00, 0xFF, 0x7F, 0x80, static_cast<unsigned char>(original[i]) ^ 0x01}) {
      std::string bytes = original;
      bytes[i] = static_cast<char>(value);
      try {
        const ResultMetadata m = DecodeResultMetadata(bytes);
        EXPECT_LE(m.columns.size(), 4u);  // 32 bytes after the header, 8 per record at least
      } catch (const DecodeError&) {
      }
    }
  }
}

TEST(HostileInput, HugeAndNegativeCountsFailBeforeAllocating) {
  const std::string vector_struct = std::string(1, kStruct);
  for (const int32_t count : {0x7fffffff, -1, -5, INT32_MIN}) {
    // Chunk.vectors
    EXPECT_THROW(ColumnBatch::Decode(Field(kI32, 1) + I32(1) + Field(kList, 2) + vector_struct + I32(count) + kStop),
                 DecodeError)
        << count;
    // nullSet
    const std::string nulls = Field(kList, 3) + std::string(1, kBool) + I32(count);
    EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Struct({Field(kI32, 2) + I32(6), nulls})})), DecodeError) << count;
    // int64Data values, strings, zones
    const std::string i64s = Struct({Field(kList, 1) + std::string(1, kI64) + I32(count)});
    EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 6, NullSet({false}), DataUnion(3, i64s), false)})),
                 DecodeError)
        << count;
    const std::string strings = Struct({Field(kList, 1) + std::string(1, kString) + I32(count)});
    EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 7, NullSet({false}), DataUnion(7, strings), false)})),
                 DecodeError)
        << count;
    const std::string zones =
        Struct({Field(kList, 1) + ListOf(kI64, {I64(1)}), Field(kList, 2) + std::string(1, kString) + I32(count)});
    EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 15, NullSet({false}), DataUnion(16, zones), false)})),
                 DecodeError)
        << count;
    // A string length
    const std::string text = Struct({Field(kString, 1) + I32(count) + "abc"});
    EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 7, NullSet({false}), DataUnion(15, text), true)})),
                 DecodeError)
        << count;
    // An unknown map field
    EXPECT_THROW(ColumnBatch::Decode(Field(kMap, 9) + std::string{kI32, kI32} + I32(count) + kStop), DecodeError)
        << count;
  }
}

TEST(HostileInput, DeepNestingOfUnknownStructsIsBounded) {
  std::string nested;
  for (int i = 0; i < 1000; ++i) nested += Field(kStruct, 99);
  nested += std::string(1001, '\0');
  // In the Chunk, in a Vector, in the Data union and in a member struct.
  EXPECT_THROW(ColumnBatch::Decode(Field(kI32, 1) + I32(1) + nested), DecodeError);
  EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Struct({Field(kI32, 2) + I32(6) + nested})})), DecodeError);
  EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 6, NullSet({false}), nested, false)})), DecodeError);
  EXPECT_THROW(ColumnBatch::Decode(Chunk(1, {Vector(1, 6, NullSet({false}), DataUnion(3, nested), false)})),
               DecodeError);
  // Lists of lists of ... are nesting too.
  std::string lists = Field(kList, 99);
  for (int i = 0; i < 1000; ++i) lists += std::string(1, kList) + I32(1);
  lists += std::string(1, kBool) + I32(0);
  EXPECT_THROW(ColumnBatch::Decode(Field(kI32, 1) + I32(1) + lists + kStop), DecodeError);
}

// Expects decoding `bytes` to fail with a message containing every one of `parts`.
void ExpectErrorNaming(const std::string& bytes, const std::vector<std::string>& parts) {
  testing::ExpectDecodeError([&] { ColumnBatch::Decode(bytes); }, parts);
}

TEST(HostileInput, WrongDataMemberForTheTypeNamesColumnTypeAndMember) {
  const std::string good = Vector(1, 6, NullSet({false}), DataUnion(3, I64Values({1})), false);
  // An INTEGER vector carrying int64Data: the reference breaks on it.
  ExpectErrorNaming(Chunk(1, {good, Vector(1, 5, NullSet({false}), DataUnion(3, I64Values({1})), false)}),
                    {"column 1", "INTEGER", "int64Data", "int32Data"});
  // A constant LONG carrying a list.
  ExpectErrorNaming(Chunk(1, {Vector(1, 6, NullSet({false}), DataUnion(3, I64Values({1})), true)}),
                    {"column 0", "LONG", "int64Data", "numericConstantData"});
  // A STRING vector with doubles.
  ExpectErrorNaming(Chunk(1, {Vector(1, 7, NullSet({false}), DataUnion(6, DoubleValues({1})), false)}),
                    {"column 0", "STRING", "float64Data", "varcharData"});
  // No Data at all.
  ExpectErrorNaming(Chunk(1, {Struct({Field(kI32, 2) + I32(2), NullSet({false})})}),
                    {"column 0", "DOUBLE", "no Data member"});
  // Two members in the union.
  ExpectErrorNaming(Chunk(1, {Vector(1, 6, NullSet({false}),
                                     Struct({Field(kStruct, 3) + I64Values({1}), Field(kStruct, 2) + I32Values({1})}),
                                     false)}),
                    {"more than one member", "int64Data", "int32Data"});
}

TEST(HostileInput, FewerValuesOrNullFlagsThanRowsAreErrors) {
  ExpectErrorNaming(Chunk(3, {Vector(3, 6, NullSet({false, false, false}), DataUnion(3, I64Values({1, 2})), false)}),
                    {"column 0 (LONG)", "2 values for 3 rows"});
  ExpectErrorNaming(Chunk(3, {Vector(3, 6, NullSet({false, false}), DataUnion(3, I64Values({1, 2, 3})), false)}),
                    {"column 0 (LONG)", "nullSet has 2 entries for 3 rows"});
  // Constant vectors need one slot of each.
  ExpectErrorNaming(Chunk(3, {Vector(3, 6, NullSet({}), DataUnion(11, Struct({Field(kI64, 1) + I64(1)})), true)}),
                    {"column 0 (LONG)", "nullSet has 0 entries"});
  ExpectErrorNaming(Chunk(3, {Vector(3, 6, NullSet({false}), DataUnion(11, Struct({})), true)}),
                    {"column 0 (LONG)", "numericConstantData has 0 values"});
  ExpectErrorNaming(Chunk(2, {Vector(2, 16, NullSet({false, false}),
                                     DataUnion(17, Struct({Field(kList, 1) + StringList({"\x01"})})), false)}),
                    {"column 0 (DECIMAL128)", "1 values for 2 rows"});
}

TEST(HostileInput, VectorTypeMissingOrUnknown) {
  ExpectErrorNaming(Chunk(1, {Struct({NullSet({false})})}), {"column 0", "without a vectorType"});
  ExpectErrorNaming(Chunk(1, {Vector(1, 99, NullSet({false}), DataUnion(3, I64Values({1})), false)}),
                    {"column 0", "unknown vectorType", "99"});
  ExpectErrorNaming(Chunk(1, {Vector(1, -1, NullSet({false}), DataUnion(3, I64Values({1})), false)}),
                    {"unknown vectorType"});
  ExpectErrorNaming(Chunk(1, {Vector(1, 17, NullSet({false}), DataUnion(3, I64Values({1})), false)}),
                    {"unknown vectorType"});
}

TEST(HostileInput, DecimalOfSeventeenBytesOfJunk) {
  const std::string junk("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11", 17);
  ExpectErrorNaming(Chunk(1, {Vector(1, 16, NullSet({false}),
                                     DataUnion(17, Struct({Field(kList, 1) + StringList({junk})})), false)}),
                    {"DECIMAL128", "17 bytes", "offset"});
  ExpectErrorNaming(Chunk(1, {Vector(1, 16, NullSet({false}),
                                     DataUnion(18, Struct({Field(kString, 1) + Binary(junk)})), true)}),
                    {"DECIMAL128", "17 bytes"});
}

TEST(HostileInput, TruncationsNameWhatWasBeingRead) {
  const std::string tv1 = Fixture("tv1.bin");
  // Cut inside the first i64 value (offset 0x36).
  ExpectErrorNaming(tv1.substr(0, 0x36), {"i64 values", "offset"});
  ExpectErrorNaming(tv1.substr(0, 5), {"Chunk.size", "offset 3"});
  ExpectErrorNaming(tv1.substr(0, 2), {"field id"});
}

}  // namespace
}  // namespace e6odbc::wire
