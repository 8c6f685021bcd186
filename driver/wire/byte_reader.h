// ByteReader: a bounded big-endian cursor over bytes the server sent. Every
// read is checked; running past the end throws DecodeError naming what was
// being read and at which offset, so decoders never read outside their input.
// Used by the metadata decoder and, through ThriftReader, the Chunk decoder.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "wire/decode_error.h"

namespace e6odbc::wire {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the wire decoders byte-swap big-endian input");

// Unchecked big-endian loads from `p` (which must hold 2 / 4 / 8 bytes); the
// bulk list decoders use them after one bounds check for the whole list.
inline uint16_t LoadBigEndian16(const char* p) noexcept {
  uint16_t v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_bswap16(v);
}
inline uint32_t LoadBigEndian32(const char* p) noexcept {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_bswap32(v);
}
inline uint64_t LoadBigEndian64(const char* p) noexcept {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_bswap64(v);
}
inline double LoadBigEndianDouble(const char* p) noexcept {
  const uint64_t bits = LoadBigEndian64(p);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

// Not thread-safe; cheap to copy. Views returned by Bytes() point into the
// caller's buffer, which must outlive them. `what` names the item for error
// messages ("column name", "Chunk.size"); it must be a string literal or
// otherwise outlive the call.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) noexcept : bytes_(bytes) {}

  size_t offset() const noexcept { return offset_; }
  size_t remaining() const noexcept { return bytes_.size() - offset_; }

  // Each throws DecodeError when fewer bytes than needed remain.
  uint8_t U8(const char* what) { return static_cast<uint8_t>(*Take(1, what)); }
  int8_t I8(const char* what) { return static_cast<int8_t>(U8(what)); }
  uint16_t U16(const char* what) { return LoadBigEndian16(Take(2, what)); }
  int16_t I16(const char* what) { return static_cast<int16_t>(U16(what)); }
  int32_t I32(const char* what) { return static_cast<int32_t>(LoadBigEndian32(Take(4, what))); }
  int64_t I64(const char* what) { return static_cast<int64_t>(LoadBigEndian64(Take(8, what))); }
  double F64(const char* what) { return LoadBigEndianDouble(Take(8, what)); }
  // The next `n` bytes as a view into the input (no copy).
  std::string_view Bytes(size_t n, const char* what) { return std::string_view(Take(n, what), n); }

  // Throws DecodeError unless `count` is non-negative and `count` elements of
  // at least `element_size` bytes each could still follow. Call it before
  // reserving memory for a count read from the input.
  void RequireElements(int64_t count, size_t element_size, const char* what) const {
    const size_t size = element_size == 0 ? 1 : element_size;
    if (count < 0 || static_cast<uint64_t>(count) > remaining() / size) {
      Fail(what, "count " + std::to_string(count) + " does not fit in the " + std::to_string(remaining()) +
                     " bytes left");
    }
  }

  // Throws DecodeError("<what> at offset <n>: <why>").
  [[noreturn]] void Fail(std::string_view what, const std::string& why) const {
    throw DecodeError(std::string(what) + " at offset " + std::to_string(offset_) + ": " + why);
  }

 private:
  const char* Take(size_t n, const char* what) {
    if (n > remaining()) {
      Fail(what, "needs " + std::to_string(n) + " bytes, " + std::to_string(remaining()) + " left");
    }
    const char* p = bytes_.data() + offset_;
    offset_ += n;
    return p;
  }

  std::string_view bytes_;
  size_t offset_ = 0;
};

}  // namespace e6odbc::wire
