// ThriftReader: field headers, typed lists, skipping every type, and the
// limits that keep hostile input from exhausting memory or the stack.
#include "wire/thrift_reader.h"

#include <gtest/gtest.h>

#include "thrift_writer.h"

namespace e6odbc::wire {
namespace {

using namespace testing;  // NOLINT: the byte builders

TEST(ThriftReader, FieldHeadersAndStop) {
  const std::string bytes = Field(kI32, 7) + I32(-9) + Field(kString, -3) + Binary("hi") + kStop;
  ThriftReader in(bytes);
  FieldHeader f = in.ReadFieldHeader();
  EXPECT_EQ(f.type, TType::kI32);
  EXPECT_EQ(f.id, 7);
  EXPECT_EQ(in.ReadI32("i32"), -9);
  f = in.ReadFieldHeader();
  EXPECT_EQ(f.type, TType::kString);
  EXPECT_EQ(f.id, -3);
  EXPECT_EQ(in.ReadBinary("string"), "hi");
  EXPECT_EQ(in.ReadFieldHeader().type, TType::kStop);
  EXPECT_EQ(in.bytes().remaining(), 0u);
}

TEST(ThriftReader, UnknownTypeIdsAreErrors) {
  for (const char type : {'\x01', '\x05', '\x07', '\x09', '\x10', '\xff'}) {
    const std::string bytes = Field(type, 1) + I32(0);
    ThriftReader in(bytes);
    EXPECT_THROW(in.ReadFieldHeader(), DecodeError) << int(type);
  }
}

TEST(ThriftReader, BinaryLengthMustBeNonNegativeAndPresent) {
  const std::string negative = I32(-1) + "abc";
  ThriftReader a(negative);
  EXPECT_THROW(a.ReadBinary("s"), DecodeError);
  const std::string short_payload = I32(4) + "abc";
  ThriftReader b(short_payload);
  EXPECT_THROW(b.ReadBinary("s"), DecodeError);
}

TEST(ThriftReader, TypedListsDecodeInOnePass) {
  const std::string bytes = ListOf(kI64, {I64(1), I64(-1)}) + ListOf(kI32, {I32(-5)}) +
                            ListOf(kDouble, {Double(2.5)}) + ListOf(kBool, {std::string(1, '\0'), "\x07"}) +
                            StringList({"x", ""});
  ThriftReader in(bytes);
  std::vector<int64_t> ints{99};  // replaced, not appended to
  EXPECT_TRUE(in.ReadI64List(ints, "i64s"));
  EXPECT_EQ(ints, (std::vector<int64_t>{1, -1}));
  EXPECT_TRUE(in.ReadI32ListWidened(ints, "i32s"));
  EXPECT_EQ(ints, (std::vector<int64_t>{-5}));
  std::vector<double> doubles;
  EXPECT_TRUE(in.ReadDoubleList(doubles, "doubles"));
  EXPECT_EQ(doubles, (std::vector<double>{2.5}));
  std::vector<uint8_t> bools;
  EXPECT_TRUE(in.ReadBoolList(bools, "bools"));
  EXPECT_EQ(bools, (std::vector<uint8_t>{0, 1}));  // any non-zero byte is true
  std::vector<std::string_view> strings;
  EXPECT_TRUE(in.ReadBinaryList(strings, "strings"));
  ASSERT_EQ(strings.size(), 2u);
  EXPECT_EQ(strings[0], "x");
  EXPECT_EQ(strings[1], "");
  EXPECT_EQ(in.bytes().remaining(), 0u);
}

TEST(ThriftReader, ListOfAnotherElementTypeIsSkippedAndReportedAbsent) {
  const std::string bytes = ListOf(kI32, {I32(1), I32(2)}) + "!";
  ThriftReader in(bytes);
  std::vector<int64_t> ints{5};
  EXPECT_FALSE(in.ReadI64List(ints, "i64s"));
  EXPECT_TRUE(ints.empty());
  EXPECT_EQ(in.bytes().remaining(), 1u);  // positioned after the list
}

TEST(ThriftReader, HostileListCountsFailBeforeAllocating) {
  std::vector<int64_t> ints;
  for (const int32_t count : {0x7fffffff, -1, INT32_MIN, 3}) {
    const std::string bytes = std::string(1, kI64) + I32(count) + I64(1) + I64(2);  // room for two
    ThriftReader in(bytes);
    EXPECT_THROW(in.ReadI64List(ints, "i64s"), DecodeError) << count;
    ThriftReader skip(bytes);
    EXPECT_THROW(skip.Skip(TType::kList), DecodeError) << count;
  }
  // Strings: each needs at least its 4-byte length.
  const std::string strings = std::string(1, kString) + I32(3) + Binary("") + Binary("");
  ThriftReader in(strings);
  std::vector<std::string_view> views;
  EXPECT_THROW(in.ReadBinaryList(views, "strings"), DecodeError);
  // Maps: count checked against key + value sizes.
  const std::string map = std::string{kI64, kI64} + I32(2) + I64(1) + I64(2);
  ThriftReader m(map);
  EXPECT_THROW(m.Skip(TType::kMap), DecodeError);
}

TEST(ThriftReader, SkipsEveryTypeExactly) {
  const std::string inner = Struct({Field(kI16, 1) + I16(3), Field(kByte, 2) + "\x7f"});
  const std::string values[] = {
      "\x01",
      "\x80",
      Double(1.0),
      I16(-1),
      I32(1),
      I64(1),
      Binary("text"),
      inner,
      std::string{kI32, kString} + I32(2) + I32(1) + Binary("a") + I32(2) + Binary("bb"),
      ListOf(kStruct, {inner, inner}),
      ListOf(kI16, {I16(1)}),
      ListOf(kList, {ListOf(kBool, {"\x01"}), ListOf(kBool, {})}),
      std::string{kBool, kBool} + I32(0),  // empty map
  };
  const TType types[] = {TType::kBool, TType::kByte,   TType::kDouble, TType::kI16, TType::kI32,
                         TType::kI64,  TType::kString, TType::kStruct, TType::kMap, TType::kList,
                         TType::kSet,  TType::kList,   TType::kMap};
  static_assert(std::size(values) == std::size(types));
  for (size_t i = 0; i < std::size(types); ++i) {
    const std::string bytes = values[i] + "END";
    ThriftReader in(bytes);
    in.Skip(types[i]);
    EXPECT_EQ(in.bytes().remaining(), 3u) << "value " << i;
    // Every truncation of the value is an error, never a read past the end.
    for (size_t n = 0; n < values[i].size(); ++n) {
      ThriftReader cut(std::string_view(values[i]).substr(0, n));
      EXPECT_THROW(cut.Skip(types[i]), DecodeError) << "value " << i << " cut at " << n;
    }
  }
}

TEST(ThriftReader, SkipFollowsNestingOnlyToTheLimit) {
  // Structs nested `depth` deep: field 1 of each is the next struct.
  const auto nested = [](int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += Field(kStruct, 1);
    return s + std::string(static_cast<size_t>(depth) + 1, '\0');
  };
  const std::string at_limit = nested(ThriftReader::kMaxDepth);
  ThriftReader ok(at_limit);
  EXPECT_NO_THROW(ok.Skip(TType::kStruct));
  EXPECT_EQ(ok.bytes().remaining(), 0u);
  const std::string too_deep = nested(ThriftReader::kMaxDepth + 1);
  ThriftReader deep(too_deep);
  EXPECT_THROW(deep.Skip(TType::kStruct), DecodeError);
  const std::string hostile_bytes = nested(100000);
  ThriftReader hostile(hostile_bytes);
  EXPECT_THROW(hostile.Skip(TType::kStruct), DecodeError);
  // Lists of lists count too.
  std::string lists;
  for (int i = 0; i < 1000; ++i) lists += std::string(1, kList) + I32(1);
  lists += std::string(1, kBool) + I32(0);
  const std::string list_bytes = std::string(1, kList) + I32(1) + lists;
  ThriftReader list_reader(list_bytes);
  EXPECT_THROW(list_reader.Skip(TType::kList), DecodeError);
}

TEST(ThriftReader, StopIsNotASkippableValue) {
  const std::string stop(1, '\0');
  ThriftReader in(stop);
  EXPECT_THROW(in.Skip(TType::kStop), DecodeError);
}

}  // namespace
}  // namespace e6odbc::wire
