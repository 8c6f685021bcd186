// Character and binary C types: the SQL_C_CHAR, SQL_C_WCHAR and SQL_C_BINARY runs
// of every wire type, and GetPiece, SQLGetData of those types in pieces.
#include "convert/run_support.h"

#include <cstring>
#include <string>
#include <string_view>

#include "common/utf16.h"
#include "convert/value_text.h"

namespace e6odbc::convert {
namespace {

using detail::IsTextType;
using detail::ValueBytesConverter;
using wire::ColumnVector;
using wire::VectorType;

// ---- text and binary ----------------------------------------------------------

// UTF-8 bytes [0, n) without splitting a character: backs n up to a lead byte.
size_t Utf8Boundary(std::string_view s, size_t n) {
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

// UTF-16 units [0, n) without splitting a surrogate pair.
size_t Utf16Boundary(std::u16string_view s, size_t n) {
  if (n > 0 && n < s.size() && s[n] >= 0xDC00 && s[n] <= 0xDFFF) --n;
  return n;
}

std::string CellText(const ColumnVector& c, size_t row) {
  std::string text;
  AppendCellText(c, row, text);
  return text;
}

// Hex text of raw bytes: the SQL_C_CHAR form of a BINARY value.
std::string HexText(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    hex.push_back(kDigits[(static_cast<unsigned char>(byte) >> 4) & 0xF]);
    hex.push_back(kDigits[static_cast<unsigned char>(byte) & 0xF]);
  }
  return hex;
}

std::string CharText(const ColumnVector& c, size_t row) {
  if (c.type == VectorType::kBinary) return HexText(c.text_values[c.Slot(row)]);
  return CellText(c, row);
}

// Copies text[offset..] into a NUL-terminated buffer of `capacity` bytes.
// Returns the bytes copied (excluding the terminator).
size_t CopyChars(std::string_view text, char* out, SQLLEN capacity) {
  if (out == nullptr || capacity <= 0) return 0;
  const size_t room = static_cast<size_t>(capacity) - 1;
  const size_t n = text.size() <= room ? text.size() : Utf8Boundary(text, room);
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
  return n;
}

size_t CopyWide(std::u16string_view text, char* out, SQLLEN capacity) {
  if (out == nullptr || capacity < static_cast<SQLLEN>(sizeof(char16_t))) return 0;
  const size_t room = static_cast<size_t>(capacity) / sizeof(char16_t) - 1;
  const size_t n = text.size() <= room ? text.size() : Utf16Boundary(text, room);
  std::memcpy(out, text.data(), n * sizeof(char16_t));
  const char16_t terminator = 0;
  std::memcpy(out + n * sizeof(char16_t), &terminator, sizeof terminator);
  return n;
}

void Truncated(size_t i, CellIssues& issues) {
  issues.push_back({i, "01004", "string data, right truncated", false});
}

// Characters the text of a number or datetime needs before truncation would
// change its value (ODBC appendix D: the whole digits of a number, all of a
// date, a timestamp up to its seconds); 0 for text, which truncates with 01004.
size_t MinimumChars(VectorType type, std::string_view text) {
  switch (type) {
    case VectorType::kDouble:
    case VectorType::kFloat:
      // An exponent, NaN or Infinity: every character counts.
      if (text.find_first_of("eEnN") != std::string_view::npos) return text.size();
      [[fallthrough]];
    case VectorType::kInteger:
    case VectorType::kLong:
    case VectorType::kBoolean:
    case VectorType::kDecimal128:
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96: {
      const size_t point = text.find('.');
      return point == std::string_view::npos ? text.size() : point;
    }
    case VectorType::kDate: return text.size();
    default: return 0;
  }
}

void WholeDigitsLost(size_t i, CellIssues& issues) {
  issues.push_back({i, "22003", "numeric value out of range: the buffer cannot hold the value's whole digits", true});
}

// The bytes of a text (or BINARY) cell; TIMESTAMP_TZ, described as text, is its text form.
std::string_view RawBytes(const ColumnVector& c, size_t row, std::string& scratch) {
  if (c.type != VectorType::kTimestampTz) return c.text_values[c.Slot(row)];
  scratch.clear();
  AppendCellText(c, row, scratch);
  return scratch;
}

}  // namespace

namespace detail {

void CharRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  std::string text;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    text.clear();
    if (c.type == VectorType::kBinary) {
      text = HexText(c.text_values[c.Slot(row)]);
    } else {
      AppendCellText(c, row, text);
    }
    length = static_cast<SQLLEN>(text.size());
    if (out != nullptr && static_cast<SQLLEN>(MinimumChars(c.type, text)) >= t.buffer_length) {
      WholeDigitsLost(i, is);
      return false;
    }
    if (CopyChars(text, out, t.buffer_length) < text.size()) Truncated(i, is);
    return true;
  });
}

void WideRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    const std::string narrow = CharText(c, row);
    const std::u16string text = Utf8ToUtf16(narrow);
    length = static_cast<SQLLEN>(text.size() * sizeof(char16_t));
    // Numbers and datetimes are ASCII: characters = UTF-16 units.
    if (out != nullptr &&
        static_cast<SQLLEN>(MinimumChars(c.type, narrow)) >= t.buffer_length / static_cast<SQLLEN>(sizeof(char16_t))) {
      WholeDigitsLost(i, is);
      return false;
    }
    if (CopyWide(text, out, t.buffer_length) < text.size()) Truncated(i, is);
    return true;
  });
}

void BinaryRun(const ColumnVector& c, size_t first, size_t count, const Target& t, CellIssues& issues) {
  std::string scratch;
  ForEachRow(c, first, count, t, issues, [&](size_t row, char* out, SQLLEN& length, size_t i, CellIssues& is) {
    const std::string_view bytes = RawBytes(c, row, scratch);
    length = static_cast<SQLLEN>(bytes.size());
    const size_t room = t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) : 0;
    const size_t n = bytes.size() < room ? bytes.size() : room;
    if (out != nullptr) std::memcpy(out, bytes.data(), n);
    if (n < bytes.size()) Truncated(i, is);
    return true;
  });
}

}  // namespace detail

SQLRETURN GetPiece(const ColumnVector& c, size_t row, const Target& t, size_t& offset, CellIssues& issues) {
  if (t.c_type == SQL_C_BINARY && c.type != VectorType::kBinary && !IsTextType(c.type) &&
      c.type != VectorType::kTimestampTz) {
    if (offset != 0) return SQL_NO_DATA;
    offset = 1;
    const size_t before = issues.size();
    ValueBytesConverter(c.type)(c, row, 1, t, issues);
    for (size_t k = before; k < issues.size(); ++k) {
      if (!issues[k].is_error) return SQL_SUCCESS_WITH_INFO;
    }
    return SQL_SUCCESS;
  }
  // Re-rendering per piece keeps no per-cell cache; pieces are rare and small.
  SQLLEN remaining = 0;
  size_t copied = 0;
  size_t total = 0;
  if (t.c_type == SQL_C_WCHAR) {
    const std::string narrow = CharText(c, row);
    const std::u16string text = Utf8ToUtf16(narrow);
    total = text.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    if (offset == 0 && t.data != nullptr &&
        static_cast<SQLLEN>(MinimumChars(c.type, narrow)) >= t.buffer_length / static_cast<SQLLEN>(sizeof(char16_t))) {
      WholeDigitsLost(0, issues);
      offset = 1;
      return SQL_ERROR;
    }
    const std::u16string_view rest = std::u16string_view(text).substr(offset);
    remaining = static_cast<SQLLEN>(rest.size() * sizeof(char16_t));
    copied = CopyWide(rest, t.data, t.buffer_length);
  } else if (t.c_type == SQL_C_BINARY) {
    std::string scratch;
    const std::string_view bytes = RawBytes(c, row, scratch);
    total = bytes.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    const std::string_view rest = bytes.substr(offset);
    remaining = static_cast<SQLLEN>(rest.size());
    const size_t room = t.buffer_length > 0 ? static_cast<size_t>(t.buffer_length) : 0;
    copied = rest.size() < room ? rest.size() : room;
    if (t.data != nullptr) std::memcpy(t.data, rest.data(), copied);
  } else {
    const std::string text = CharText(c, row);
    total = text.size();
    if (offset >= total && offset != 0) return SQL_NO_DATA;
    if (offset == 0 && t.data != nullptr && static_cast<SQLLEN>(MinimumChars(c.type, text)) >= t.buffer_length) {
      WholeDigitsLost(0, issues);
      offset = 1;
      return SQL_ERROR;
    }
    const std::string_view rest = std::string_view(text).substr(offset);
    remaining = static_cast<SQLLEN>(rest.size());
    copied = CopyChars(rest, t.data, t.buffer_length);
  }
  if (t.octet_length != nullptr) *t.octet_length = remaining;
  if (t.indicator != nullptr && t.indicator != t.octet_length) *t.indicator = 0;
  const size_t before = offset;
  offset += copied;
  // An empty value is returned once; the next call reports SQL_NO_DATA.
  if (total == 0) offset = 1;
  if (before + copied < total) {
    Truncated(0, issues);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

}  // namespace e6odbc::convert
