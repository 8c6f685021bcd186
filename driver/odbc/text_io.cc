#include "odbc/text_io.h"

#include <cstring>

#include "common/driver_error.h"
#include "common/utf16.h"

namespace e6odbc::odbc {

std::string InText(const SQLCHAR* text, SQLLEN length) {
  if (text == nullptr) return {};
  const char* chars = reinterpret_cast<const char*>(text);
  return length == SQL_NTS ? std::string(chars) : std::string(chars, length < 0 ? 0 : static_cast<size_t>(length));
}

std::string InText(const SQLWCHAR* text, SQLLEN length) {
  if (text == nullptr) return {};
  static_assert(sizeof(SQLWCHAR) == sizeof(char16_t), "unixODBC SQLWCHAR is UTF-16");
  size_t units = 0;
  if (length == SQL_NTS) {
    while (text[units] != 0) ++units;
  } else {
    units = length < 0 ? 0 : static_cast<size_t>(length);
  }
  std::u16string utf16(units, u'\0');
  std::memcpy(utf16.data(), text, units * sizeof(char16_t));
  return Utf16ToUtf8(utf16);
}

namespace {

template <typename Char>
std::optional<std::string> Name(const Char* text, SQLSMALLINT length) {
  if (text == nullptr) return std::nullopt;
  if (length < 0 && length != SQL_NTS) {
    throw DriverError("HY090", "invalid string or buffer length " + std::to_string(length));
  }
  return InText(text, length);
}

}  // namespace

std::optional<std::string> InName(const SQLCHAR* text, SQLSMALLINT length) { return Name(text, length); }
std::optional<std::string> InName(const SQLWCHAR* text, SQLSMALLINT length) { return Name(text, length); }

SQLLEN OutText::Write(std::string_view utf8) {
  truncated_ = false;
  if (encoding_ == Encoding::kUtf8) {
    const auto full = static_cast<SQLLEN>(utf8.size());
    if (buffer_ != nullptr && capacity_ > 0) {
      size_t n = utf8.size();
      if (static_cast<SQLLEN>(n) >= capacity_) {
        n = static_cast<size_t>(capacity_ - 1);
        while (n > 0 && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80) --n;  // keep characters whole
        truncated_ = true;
      }
      std::memcpy(buffer_, utf8.data(), n);
      static_cast<char*>(buffer_)[n] = '\0';
    } else {
      truncated_ = buffer_ != nullptr && !utf8.empty();
    }
    return full;
  }
  const std::u16string utf16 = Utf8ToUtf16(utf8);
  const SQLLEN unit_size = unit_ == Unit::kBytes ? static_cast<SQLLEN>(sizeof(char16_t)) : 1;
  const SQLLEN capacity_units = unit_ == Unit::kBytes ? capacity_ / static_cast<SQLLEN>(sizeof(char16_t)) : capacity_;
  if (buffer_ != nullptr && capacity_units > 0) {
    size_t n = utf16.size();
    if (static_cast<SQLLEN>(n) >= capacity_units) {
      n = static_cast<size_t>(capacity_units - 1);
      if (n > 0 && utf16[n] >= 0xDC00 && utf16[n] <= 0xDFFF) --n;  // keep surrogate pairs whole
      truncated_ = true;
    }
    std::memcpy(buffer_, utf16.data(), n * sizeof(char16_t));
    static_cast<char16_t*>(buffer_)[n] = u'\0';
  } else {
    truncated_ = buffer_ != nullptr && !utf16.empty();
  }
  return static_cast<SQLLEN>(utf16.size()) * unit_size;
}

}  // namespace e6odbc::odbc
