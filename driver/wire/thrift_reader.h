// ThriftReader: the subset of Thrift's binary protocol (TBinaryProtocol, no
// message header) needed to read a serialized struct (protocol spec §5.1):
// field headers, scalars, strings, typed lists, and skipping anything unknown.
// Used by the Chunk decoder (column_batch.cc). Bounded: counts are checked
// against the bytes left before anything is allocated, and skipping nested
// values stops at a fixed depth, so hostile input can exhaust neither memory
// nor the stack. Every read throws DecodeError on truncated or invalid input.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "wire/byte_reader.h"

namespace e6odbc::wire {

enum class TType : uint8_t {
  kStop = 0,
  kBool = 2,
  kByte = 3,
  kDouble = 4,
  kI16 = 6,
  kI32 = 8,
  kI64 = 10,
  kString = 11,
  kStruct = 12,
  kMap = 13,
  kSet = 14,
  kList = 15,
};

struct FieldHeader {
  TType type;
  int16_t id;  // meaningless when type == kStop
};

struct ListHeader {
  TType element;
  int32_t count;
};

// Not thread-safe. Views it returns point into the buffer given to the
// constructor, which must outlive them.
class ThriftReader {
 public:
  // Deepest nesting Skip() follows (struct in list in struct ...).
  static constexpr int kMaxDepth = 32;

  explicit ThriftReader(std::string_view bytes) noexcept : in_(bytes) {}

  // A field header, or {kStop, 0}. An unknown type id is a DecodeError.
  FieldHeader ReadFieldHeader();
  bool ReadBool(const char* what) { return in_.U8(what) != 0; }
  int8_t ReadByte(const char* what) { return in_.I8(what); }
  int32_t ReadI32(const char* what) { return in_.I32(what); }
  int64_t ReadI64(const char* what) { return in_.I64(what); }
  double ReadDouble(const char* what) { return in_.F64(what); }
  std::string_view ReadBinary(const char* what);
  // Reads a list (or set) header and checks that `count` elements could follow.
  ListHeader ReadListHeader(const char* what);

  // Typed lists, decoded in one pass into `out` (replacing its contents; the
  // exact size is reserved after the bounds check). When the list's element
  // type differs, the list is skipped, `out` is left empty and the result is
  // false. I32 values are widened to int64; bools are stored as 0 / 1.
  bool ReadI64List(std::vector<int64_t>& out, const char* what);
  bool ReadI32ListWidened(std::vector<int64_t>& out, const char* what);
  bool ReadDoubleList(std::vector<double>& out, const char* what);
  bool ReadBoolList(std::vector<uint8_t>& out, const char* what);
  bool ReadBinaryList(std::vector<std::string_view>& out, const char* what);

  // Skips one value of `type`, recursing into containers; `depth` is the
  // nesting level of the value (callers start at 0). Deeper than kMaxDepth
  // is a DecodeError.
  void Skip(TType type, int depth = 0);

  ByteReader& bytes() noexcept { return in_; }

 private:
  ByteReader in_;
};

// The least number of bytes one serialized value of `type` occupies.
size_t MinimumSize(TType type) noexcept;

}  // namespace e6odbc::wire
