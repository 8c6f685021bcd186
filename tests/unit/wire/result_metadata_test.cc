#include "wire/result_metadata.h"

#include <gtest/gtest.h>

#include "fixtures.h"
#include "wire/decode_error.h"
#include "wire/modified_utf8.h"

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

TEST(ModifiedUtf8, JavaNulAndSurrogatePairs) {
  EXPECT_EQ(DecodeModifiedUtf8(std::string("a\xC0\x80z", 4)), std::string("a\0z", 3));
  // U+1F600 as two 3-byte surrogates (ED A0 BD, ED B8 80) -> F0 9F 98 80.
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBD\xED\xB8\x80"), "\xF0\x9F\x98\x80");
  // Standard UTF-8 passes through.
  EXPECT_EQ(DecodeModifiedUtf8("Gr\xC3\xBC\xC3\x9F \xE6\x97\xA5 \xF0\x9F\x98\x80"), "Gr\xC3\xBC\xC3\x9F \xE6\x97\xA5 \xF0\x9F\x98\x80");
}

TEST(ModifiedUtf8, MalformedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(DecodeModifiedUtf8("a\xFFz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(DecodeModifiedUtf8("\xC3"), "\xEF\xBF\xBD");            // truncated sequence
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBDx"), "\xEF\xBF\xBDx");  // unpaired high surrogate
  EXPECT_EQ(DecodeModifiedUtf8("\xC1\x81"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong 'A'
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
