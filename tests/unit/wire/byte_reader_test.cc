// ByteReader: big-endian reads and the bounds check on every one of them.
#include "wire/byte_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace e6odbc::wire {
namespace {

TEST(ByteReader, ReadsBigEndianIntegersAndDoubles) {
  const std::string bytes("\x81\xff\xfe\x12\x34\x80\x00\x00\x01\xff\xff\xff\xff\xff\xff\xff\xfe"
                          "\xc0\x09\x21\xfb\x54\x44\x2d\x18",
                          25);
  ByteReader in(bytes);
  EXPECT_EQ(in.U8("u8"), 0x81);
  EXPECT_EQ(in.I16("i16"), -2);
  EXPECT_EQ(in.remaining(), 22u);
  ByteReader copy = in;
  EXPECT_EQ(copy.U16("u16"), 0x1234);
  EXPECT_EQ(in.I16("i16"), 0x1234);
  EXPECT_EQ(in.I32("i32"), static_cast<int32_t>(0x80000001u));
  EXPECT_EQ(in.I64("i64"), -2);
  EXPECT_DOUBLE_EQ(in.F64("f64"), -3.141592653589793);
  EXPECT_EQ(in.remaining(), 0u);
  EXPECT_EQ(in.offset(), 25u);
}

TEST(ByteReader, SignedByteAndRawBytes) {
  ByteReader in(std::string_view("\x80xyz", 4));
  EXPECT_EQ(in.I8("i8"), -128);
  const std::string_view view = in.Bytes(3, "raw");
  EXPECT_EQ(view, "xyz");
  EXPECT_EQ(in.Bytes(0, "nothing"), "");
}

TEST(ByteReader, EveryReadPastTheEndThrowsWithNameAndOffset) {
  const std::string bytes("\x01\x02\x03", 3);
  {
    ByteReader in(bytes);
    in.U8("first");
    try {
      in.I32("row count");
      FAIL() << "expected DecodeError";
    } catch (const DecodeError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("row count"), std::string::npos) << what;
      EXPECT_NE(what.find("offset 1"), std::string::npos) << what;
    }
    EXPECT_EQ(in.offset(), 1u);  // a failed read consumes nothing
  }
  ByteReader in(bytes);
  EXPECT_THROW(in.I64("i64"), DecodeError);
  EXPECT_THROW(in.F64("f64"), DecodeError);
  EXPECT_THROW(in.Bytes(4, "bytes"), DecodeError);
  EXPECT_THROW(in.Bytes(static_cast<size_t>(-1), "huge"), DecodeError);
  EXPECT_EQ(in.U16("u16"), 0x0102);
  EXPECT_THROW(in.I16("i16"), DecodeError);
  EXPECT_EQ(in.U8("u8"), 3);
  EXPECT_THROW(in.U8("u8"), DecodeError);
  EXPECT_THROW(in.I8("i8"), DecodeError);
}

TEST(ByteReader, RequireElementsRejectsNegativeAndOversizedCounts) {
  const std::string bytes(16, '\0');
  ByteReader in(bytes);
  EXPECT_NO_THROW(in.RequireElements(2, 8, "list"));
  EXPECT_NO_THROW(in.RequireElements(16, 1, "list"));
  EXPECT_NO_THROW(in.RequireElements(0, 8, "list"));
  EXPECT_THROW(in.RequireElements(3, 8, "list"), DecodeError);
  EXPECT_THROW(in.RequireElements(-1, 1, "list"), DecodeError);
  EXPECT_THROW(in.RequireElements(0x7fffffff, 1, "list"), DecodeError);
  EXPECT_THROW(in.RequireElements(INT64_MAX, 8, "list"), DecodeError);
}

}  // namespace
}  // namespace e6odbc::wire
