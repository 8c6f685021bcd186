// Java modified UTF-8 to standard UTF-8, and the U+FFFD rule for bad bytes.
#include "wire/modified_utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace e6odbc::wire {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(ModifiedUtf8, JavaNulBecomesARealNul) {
  EXPECT_EQ(DecodeModifiedUtf8(std::string("a\xC0\x80z", 4)), std::string("a\0z", 3));
  EXPECT_EQ(DecodeModifiedUtf8(std::string("\xC0\x80\xC0\x80", 4)), std::string(2, '\0'));
}

TEST(ModifiedUtf8, SurrogatePairsBecomeOneFourByteSequence) {
  // U+1F600 as two 3-byte surrogates (ED A0 BD, ED B8 80) -> F0 9F 98 80.
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBD\xED\xB8\x80"), "\xF0\x9F\x98\x80");
  // U+10000 (first) and U+10FFFF (last supplementary code point).
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\x80\xED\xB0\x80"), "\xF0\x90\x80\x80");
  EXPECT_EQ(DecodeModifiedUtf8("x\xED\xAF\xBF\xED\xBF\xBFy"), "x\xF4\x8F\xBF\xBFy");
}

TEST(ModifiedUtf8, StandardUtf8PassesThroughUnchanged) {
  const std::string text = "Gr\xC3\xBC\xC3\x9F \xE6\x97\xA5 \xF0\x9F\x98\x80 \x7F \xEF\xBF\xBF";
  EXPECT_EQ(DecodeModifiedUtf8(text), text);
  EXPECT_EQ(DecodeModifiedUtf8(""), "");
}

TEST(ModifiedUtf8, MalformedBytesBecomeOneReplacementEach) {
  EXPECT_EQ(DecodeModifiedUtf8("a\xFFz"), "a" + kFffd + "z");
  EXPECT_EQ(DecodeModifiedUtf8("\x80"), kFffd);                       // stray continuation byte
  EXPECT_EQ(DecodeModifiedUtf8("\xC3"), kFffd);                       // truncated at the end
  EXPECT_EQ(DecodeModifiedUtf8("\xE6\x97z"), kFffd + kFffd + "z");    // truncated before 'z'
  EXPECT_EQ(DecodeModifiedUtf8("\xC1\x81"), kFffd + kFffd);           // overlong 'A'
  EXPECT_EQ(DecodeModifiedUtf8("\xE0\x80\x80"), kFffd + kFffd + kFffd);  // overlong NUL, 3 bytes
  EXPECT_EQ(DecodeModifiedUtf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // above U+10FFFF
  EXPECT_EQ(DecodeModifiedUtf8("\xF8\x88\x80\x80\x80"), std::string() + kFffd + kFffd + kFffd + kFffd + kFffd);
}

TEST(ModifiedUtf8, UnpairedSurrogatesBecomeOneReplacementEach) {
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBDx"), kFffd + "x");            // high, then not a low
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBD"), kFffd);                   // high at the end
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xB8\x80"), kFffd);                   // low alone
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\xBD\xED\xA0\xBD"), kFffd + kFffd);  // two highs
  // A high surrogate followed by a full pair: only the first is lost.
  EXPECT_EQ(DecodeModifiedUtf8("\xED\xA0\x80\xED\xA0\xBD\xED\xB8\x80"), kFffd + "\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace e6odbc::wire
