// ByteReader: a bounded big-endian cursor over bytes the server sent. Every
// read is checked; running past the end throws DecodeError naming what was
// being read and where, so decoders never read outside their input.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "wire/decode_error.h"

namespace e6odbc::wire {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "ByteReader byte-swaps big-endian input");

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) noexcept : bytes_(bytes) {}

  size_t offset() const noexcept { return offset_; }
  size_t remaining() const noexcept { return bytes_.size() - offset_; }

  uint8_t U8(const char* what) { return static_cast<uint8_t>(*Take(1, what)); }
  int8_t I8(const char* what) { return static_cast<int8_t>(U8(what)); }
  int16_t I16(const char* what) { return static_cast<int16_t>(Load<uint16_t>(what)); }
  uint16_t U16(const char* what) { return Load<uint16_t>(what); }
  int32_t I32(const char* what) { return static_cast<int32_t>(Load<uint32_t>(what)); }
  int64_t I64(const char* what) { return static_cast<int64_t>(Load<uint64_t>(what)); }
  double F64(const char* what) {
    const uint64_t bits = Load<uint64_t>(what);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  // The next `n` bytes as a view into the input (no copy).
  std::string_view Bytes(size_t n, const char* what) { return std::string_view(Take(n, what), n); }

  // Throws unless `count` elements of at least `element_size` bytes each could
  // still follow; call before reserving memory for a count read from the input.
  void RequireElements(int64_t count, size_t element_size, const char* what) const {
    if (count < 0 || static_cast<uint64_t>(count) > remaining() / (element_size == 0 ? 1 : element_size)) {
      Fail(what, "count " + std::to_string(count) + " exceeds the " + std::to_string(remaining()) + " bytes left");
    }
  }

  [[noreturn]] void Fail(const char* what, const std::string& why) const {
    throw DecodeError(std::string(what) + " at offset " + std::to_string(offset_) + ": " + why);
  }

 private:
  const char* Take(size_t n, const char* what) {
    if (n > remaining()) Fail(what, "needs " + std::to_string(n) + " bytes, " + std::to_string(remaining()) + " left");
    const char* p = bytes_.data() + offset_;
    offset_ += n;
    return p;
  }

  template <typename T>
  T Load(const char* what) {
    T value;
    std::memcpy(&value, Take(sizeof(T), what), sizeof(T));
    if constexpr (sizeof(T) == 2) return static_cast<T>(__builtin_bswap16(value));
    if constexpr (sizeof(T) == 4) return static_cast<T>(__builtin_bswap32(value));
    if constexpr (sizeof(T) == 8) return static_cast<T>(__builtin_bswap64(value));
  }

  std::string_view bytes_;
  size_t offset_ = 0;
};

}  // namespace e6odbc::wire
