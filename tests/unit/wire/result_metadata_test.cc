// DecodeResultMetadata: spec §4 layout, the M1 test vector, bounds and names.
#include "wire/result_metadata.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "wire/decode_error.h"

namespace e6odbc::wire {
namespace {

using testing::Fixture;

TEST(ResultMetadata, DecodesM1) {
  const ResultMetadata m = DecodeResultMetadata(Fixture("m1.bin"));
  EXPECT_EQ(m.row_count, 3);
  ASSERT_EQ(m.columns.size(), 2u);
  EXPECT_EQ(m.columns[0].name, "id");
  EXPECT_EQ(m.columns[0].type_name, "LONG");
  EXPECT_EQ(m.columns[0].zone, "");
  EXPECT_EQ(m.columns[0].format, "");
  EXPECT_EQ(m.columns[1].name, "name");
  EXPECT_EQ(m.columns[1].type_name, "STRING");
  EXPECT_EQ(m.columns[1].zone, "");
  EXPECT_EQ(m.columns[1].format, "");
}

// Java DataOutputStream.writeUTF framing: 2-byte unsigned length, then bytes.
std::string Utf(const std::string& bytes) {
  return std::string{static_cast<char>(bytes.size() >> 8), static_cast<char>(bytes.size() & 0xFF)} + bytes;
}

TEST(ResultMetadata, ZoneFormatAndNegativeRowCount) {
  std::string bytes("\xff\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x01", 12);  // row count -1, one field
  bytes += Utf("ts") + Utf("DATETIME") + Utf("Asia/Kolkata") + Utf("yyyy-MM-dd HH:mm:ss");
  const ResultMetadata m = DecodeResultMetadata(bytes);
  EXPECT_EQ(m.row_count, -1);
  ASSERT_EQ(m.columns.size(), 1u);
  EXPECT_EQ(m.columns[0].name, "ts");
  EXPECT_EQ(m.columns[0].type_name, "DATETIME");
  EXPECT_EQ(m.columns[0].zone, "Asia/Kolkata");
  EXPECT_EQ(m.columns[0].format, "yyyy-MM-dd HH:mm:ss");
}

TEST(ResultMetadata, ZeroFields) {
  const ResultMetadata m = DecodeResultMetadata(std::string(12, '\0'));
  EXPECT_EQ(m.row_count, 0);
  EXPECT_TRUE(m.columns.empty());
}

TEST(ResultMetadata, EveryTruncationOfM1IsAnError) {
  const std::string bytes = Fixture("m1.bin");
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_THROW(DecodeResultMetadata(std::string_view(bytes).substr(0, n)), DecodeError) << "prefix " << n;
  }
}

TEST(ResultMetadata, TrailingBytesAreIgnored) {
  const ResultMetadata m = DecodeResultMetadata(Fixture("m1.bin") + "junk");
  EXPECT_EQ(m.columns.size(), 2u);
}

TEST(ResultMetadata, HugeOrNegativeFieldCountsFailBeforeAllocating) {
  std::string bytes(8, '\0');
  for (const std::string& count : {std::string("\x7f\xff\xff\xff", 4), std::string("\xff\xff\xff\xff", 4)}) {
    EXPECT_THROW(DecodeResultMetadata(bytes + count), DecodeError);
  }
  // Each record needs at least 8 bytes (four empty UTF strings): 8 bytes back
  // one record, not two, and the count is refused before any record is read.
  const std::string eight(8, '\0');
  EXPECT_EQ(DecodeResultMetadata(bytes + std::string("\0\0\0\x01", 4) + eight).columns.size(), 1u);
  try {
    DecodeResultMetadata(bytes + std::string("\0\0\0\x02", 4) + eight);
    ADD_FAILURE() << "expected DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("metadata field count at offset 12"), std::string::npos) << e.what();
  }
}

TEST(ResultMetadata, LengthsAreUnsigned) {
  // A 0x8000-byte name: a signed reading would see a negative length.
  std::string bytes(8, '\0');
  bytes += std::string("\x00\x00\x00\x01", 4);
  bytes += std::string("\x80\x00", 2) + std::string(0x8000, 'n');
  bytes += std::string("\x00\x04LONG\x00\x00\x00\x00", 10);
  const ResultMetadata m = DecodeResultMetadata(bytes);
  EXPECT_EQ(m.columns.at(0).name.size(), 0x8000u);
}

TEST(ResultMetadata, JavaNulInANameIsDecoded) {
  std::string bytes(8, '\0');
  bytes += std::string("\x00\x00\x00\x01", 4);
  bytes += Utf(std::string("a\xC0\x80" "b", 4)) + Utf("STRING") + Utf("") + Utf("");
  EXPECT_EQ(DecodeResultMetadata(bytes).columns.at(0).name, std::string("a\0b", 3));
}

TEST(ResultMetadata, NamesInModifiedUtf8AreDecoded) {
  std::string bytes(8, '\0');
  bytes += std::string("\x00\x00\x00\x01", 4);
  bytes += std::string("\x00\x06\xED\xA0\xBD\xED\xB8\x80", 8);
  bytes += std::string("\x00\x06STRING\x00\x00\x00\x00", 12);
  EXPECT_EQ(DecodeResultMetadata(bytes).columns.at(0).name, "\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace e6odbc::wire
