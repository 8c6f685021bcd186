// ThriftReader: the subset of Thrift's binary protocol needed to read a
// serialized struct (protocol spec §5.1): field headers, scalars, strings,
// list headers, and skipping anything unknown. Bounded: counts are checked
// against the bytes left before anything is allocated, and skipping nested
// containers stops at a fixed depth, so hostile input cannot exhaust memory
// or the stack.
#pragma once

#include <cstdint>
#include <string_view>

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

class ThriftReader {
 public:
  static constexpr int kMaxDepth = 32;

  explicit ThriftReader(std::string_view bytes) noexcept : in_(bytes) {}

  FieldHeader ReadFieldHeader();
  bool ReadBool(const char* what) { return in_.U8(what) != 0; }
  int8_t ReadByte(const char* what) { return in_.I8(what); }
  int32_t ReadI32(const char* what) { return in_.I32(what); }
  int64_t ReadI64(const char* what) { return in_.I64(what); }
  double ReadDouble(const char* what) { return in_.F64(what); }
  std::string_view ReadBinary(const char* what);
  // Reads a list (or set) header and checks that `count` elements could follow.
  ListHeader ReadListHeader(const char* what);

  // Skips one value of `type`, recursing into containers up to kMaxDepth.
  void Skip(TType type, int depth = 0);

  ByteReader& bytes() noexcept { return in_; }

 private:
  ByteReader in_;
};

// The least number of bytes one serialized value of `type` occupies.
size_t MinimumSize(TType type) noexcept;

}  // namespace e6odbc::wire
