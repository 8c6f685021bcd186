// Truncated, corrupted and hand-built hostile batches: each must decode or
// fail with DecodeError, never crash or read out of bounds (run under ASan
// to see the second half of that promise).
#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.h"
#include "wire/column_batch.h"
#include "wire/decode_error.h"
#include "wire/result_metadata.h"

namespace e6odbc::wire {
namespace {

using testing::Fixture;

const char* const kChunks[] = {"tv1.bin", "tv2.bin", "tv3.bin", "tv4.bin"};

// Big-endian encoders for building chunks by hand.
std::string I32(int32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[static_cast<size_t>(i)] = static_cast<char>((static_cast<uint32_t>(v) >> (24 - 8 * i)) & 0xFF);
  return s;
}
std::string Field(char type, int16_t id) { return std::string{type, static_cast<char>(id >> 8), static_cast<char>(id & 0xFF)}; }
std::string I32Field(int16_t id, int32_t v) { return Field(8, id) + I32(v); }
std::string ChunkOf(int32_t rows, const std::string& vector_list_body, int32_t vector_count) {
  return I32Field(1, rows) + Field(15, 2) + std::string{12} + I32(vector_count) + vector_list_body + std::string{0};
}
std::string NullSet(int32_t n) { return Field(15, 3) + std::string{2} + I32(n) + std::string(static_cast<size_t>(n), '\0'); }

TEST(HostileInput, EveryTruncationOfEveryVectorIsAnError) {
  for (const char* name : kChunks) {
    const std::string bytes = Fixture(name);
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
      for (const int value : {0x00, 0xFF, 0x7F, 0x80, (static_cast<unsigned char>(original[i]) ^ 0x01)}) {
        std::string bytes = original;
        bytes[i] = static_cast<char>(value);
        try {
          const ColumnBatch b = ColumnBatch::Decode(bytes);
          // Whatever decoded must be internally consistent: accessors in range.
          // (A corrupted size over constant vectors legitimately means billions
          // of rows, so probe the first rows and the last one.)
          for (const ColumnVector& c : b.columns()) {
            for (size_t row = 0; row < std::min<size_t>(b.row_count(), 64); ++row) (void)c.IsNull(row);
            if (b.row_count() > 0) (void)c.IsNull(b.row_count() - 1);
          }
          ++successes;
        } catch (const DecodeError&) {
          ++failures;
        }
      }
    }
  }
  EXPECT_GT(failures, 0u);
  EXPECT_GT(successes, 0u);  // e.g. a changed value byte still decodes
}

TEST(HostileInput, HugeListCountFailsBeforeAllocating) {
  const std::string chunk = I32Field(1, 1) + Field(15, 2) + std::string{12} + I32(0x7fffffff) + std::string{0};
  EXPECT_THROW(ColumnBatch::Decode(chunk), DecodeError);
  const std::string negative = I32Field(1, 1) + Field(15, 2) + std::string{12} + I32(-5) + std::string{0};
  EXPECT_THROW(ColumnBatch::Decode(negative), DecodeError);
}

TEST(HostileInput, DeepNestingOfUnknownStructsIsBounded) {
  std::string nested;
  for (int i = 0; i < 1000; ++i) nested += Field(12, 99);
  nested += std::string(1001, '\0');
  EXPECT_THROW(ColumnBatch::Decode(I32Field(1, 1) + nested), DecodeError);
}

TEST(HostileInput, WrongDataMemberForTheTypeNamesTheColumn) {
  // An INTEGER vector (5) carrying int64Data (member 3): the reference breaks on it.
  const std::string vector = I32Field(1, 1) + I32Field(2, 5) + NullSet(1) + Field(12, 4) + Field(12, 3) +
                             Field(15, 1) + std::string{10} + I32(1) + std::string(8, '\0') + std::string(3, '\0');
  try {
    ColumnBatch::Decode(ChunkOf(1, vector, 1));
    FAIL() << "expected DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("column 0 (INTEGER)"), std::string::npos) << e.what();
  }
}

TEST(HostileInput, FewerValuesThanRowsIsAnError) {
  const std::string vector = I32Field(1, 3) + I32Field(2, 6) + NullSet(3) + Field(12, 4) + Field(12, 3) +
                             Field(15, 1) + std::string{10} + I32(2) + std::string(16, '\0') + std::string(3, '\0');
  EXPECT_THROW(ColumnBatch::Decode(ChunkOf(3, vector, 1)), DecodeError);
}

TEST(HostileInput, UnknownVectorTypeIsAnError) {
  const std::string vector = I32Field(1, 1) + I32Field(2, 99) + NullSet(1) + std::string{0};
  EXPECT_THROW(ColumnBatch::Decode(ChunkOf(1, vector, 1)), DecodeError);
}

std::string DecimalVector(const std::string& binary, int32_t scale) {
  return I32Field(1, 1) + I32Field(2, 16) + NullSet(1) + Field(12, 4) + Field(12, 17) + Field(15, 1) +
         std::string{11} + I32(1) + I32(static_cast<int32_t>(binary.size())) + binary + I32Field(2, scale) +
         std::string(3, '\0');
}

TEST(HostileInput, DecimalLengthsSignExtendAndJunkFails) {
  const auto decode = [](const std::string& binary) {
    const ColumnBatch b = ColumnBatch::Decode(ChunkOf(1, DecimalVector(binary, 3), 1));
    return b.columns().at(0).decimal_values.at(0);
  };
  EXPECT_TRUE(decode("\xFF").unscaled == -1);
  EXPECT_TRUE(decode(std::string("\x00\x80", 2)).unscaled == 128);
  EXPECT_TRUE(decode("\x80").unscaled == -128);
  EXPECT_EQ(decode("\x01").scale, 3);
  // 17+ bytes: text fallback of legacy engines, else an error.
  const Decimal text = decode("-12345.678901234567");
  EXPECT_TRUE(text.unscaled == -12345678901234567);
  EXPECT_EQ(text.scale, 12);
  EXPECT_THROW(decode(std::string(17, '\x5a')), DecodeError);
  // Empty binary: NULL in a normal vector.
  const ColumnBatch b = ColumnBatch::Decode(ChunkOf(1, DecimalVector("", 0), 1));
  EXPECT_TRUE(b.columns()[0].IsNull(0));
}

TEST(HostileInput, NullVectorNeedsNothingElse) {
  const std::string vector = I32Field(1, 2) + I32Field(2, 14) + std::string{0};
  const ColumnBatch b = ColumnBatch::Decode(ChunkOf(2, vector, 1));
  EXPECT_TRUE(b.columns()[0].IsNull(0));
  EXPECT_TRUE(b.columns()[0].IsNull(1));
}

TEST(HostileInput, MissingNullSetMeansNoNulls) {
  const std::string vector = I32Field(1, 1) + I32Field(2, 6) + Field(12, 4) + Field(12, 3) + Field(15, 1) +
                             std::string{10} + I32(1) + std::string(7, '\0') + "\x2a" + std::string(3, '\0');
  const ColumnBatch b = ColumnBatch::Decode(ChunkOf(1, vector, 1));
  EXPECT_FALSE(b.columns()[0].IsNull(0));
  EXPECT_EQ(b.columns()[0].int64_values[0], 42);
}

}  // namespace
}  // namespace e6odbc::wire
