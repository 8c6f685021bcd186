// Text crossing the C ABI. The A and W doors of every function share one
// UTF-8 implementation: inputs are converted to UTF-8 std::string on entry
// (InText), outputs are written through an OutText that knows whether the
// caller's buffer is SQLCHAR (UTF-8) or SQLWCHAR (UTF-16) and whether its
// lengths count characters or bytes.
#pragma once

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace e6odbc::odbc {

// length: bytes/characters, or SQL_NTS. A null pointer gives "".
std::string InText(const SQLCHAR* text, SQLLEN length);
std::string InText(const SQLWCHAR* text, SQLLEN length);

// A catalog-function name argument: nullopt for a null pointer, where ODBC
// distinguishes "no restriction" from an empty string. Throws HY090 for a
// negative length other than SQL_NTS.
std::optional<std::string> InName(const SQLCHAR* text, SQLSMALLINT length);
std::optional<std::string> InName(const SQLWCHAR* text, SQLSMALLINT length);

class OutText {
 public:
  enum class Encoding { kUtf8, kUtf16 };
  enum class Unit { kCharacters, kBytes };

  // `capacity` counts `unit`s of the caller's buffer, terminator included.
  OutText(SQLPOINTER buffer, SQLLEN capacity, Encoding encoding, Unit unit) noexcept
      : buffer_(buffer), capacity_(capacity), encoding_(encoding), unit_(unit) {}

  static OutText Narrow(SQLPOINTER buffer, SQLLEN capacity) noexcept {
    return {buffer, capacity, Encoding::kUtf8, Unit::kCharacters};
  }
  static OutText Wide(SQLPOINTER buffer, SQLLEN capacity_chars) noexcept {
    return {buffer, capacity_chars, Encoding::kUtf16, Unit::kCharacters};
  }
  static OutText WideBytes(SQLPOINTER buffer, SQLLEN capacity_bytes) noexcept {
    return {buffer, capacity_bytes, Encoding::kUtf16, Unit::kBytes};
  }
  // The same buffer and encoding with the capacity counted in bytes (for
  // attribute/info calls whose W forms take byte lengths).
  OutText InBytes() const noexcept {
    return {buffer_, capacity_, encoding_, Unit::kBytes};
  }

  bool wide() const noexcept { return encoding_ == Encoding::kUtf16; }

  // Writes `utf8` (NUL-terminated, truncated on a character boundary) and
  // returns the full length in the caller's units (what the length argument
  // must receive). Sets truncated() when it did not fit.
  SQLLEN Write(std::string_view utf8);
  bool truncated() const noexcept { return truncated_; }

 private:
  SQLPOINTER buffer_;
  SQLLEN capacity_;
  Encoding encoding_;
  Unit unit_;
  bool truncated_ = false;
};

// Copies `value` into an application's output buffer (SQLPOINTER: may be
// unaligned, may be null); returns SQL_SUCCESS so callers can `return` it.
template <typename T>
SQLRETURN StoreValue(SQLPOINTER target, T value) noexcept {
  if (target != nullptr) std::memcpy(target, &value, sizeof value);
  return SQL_SUCCESS;
}

// Stores a length into an optional output pointer of any integer type. A
// length the type cannot hold (a 100 000-character column name into a
// SQLSMALLINT) is stored as the type's maximum rather than wrapping around;
// the text itself was truncated and reported with 01004.
template <typename T>
void StoreLength(T* target, SQLLEN value) noexcept {
  if (target == nullptr) return;
  if constexpr (sizeof(T) < sizeof(SQLLEN)) {
    value = std::clamp<SQLLEN>(value, static_cast<SQLLEN>(std::numeric_limits<T>::min()),
                               static_cast<SQLLEN>(std::numeric_limits<T>::max()));
  }
  *target = static_cast<T>(value);
}

}  // namespace e6odbc::odbc
