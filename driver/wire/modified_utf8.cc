#include "wire/modified_utf8.h"

#include "common/utf16.h"

namespace e6odbc::wire {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Decodes one sequence at s[i] into `cp` and returns its length, or 0 when
// the bytes there are not a well-formed sequence. Surrogates (ED A0..BF xx)
// are accepted here; the caller pairs them.
size_t Decode(std::string_view s, size_t i, char32_t& cp) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = at(i);
  size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (at(i + k) & 0x3F);
  }
  // C0 80 is Java's NUL; any other overlong form is malformed.
  if (cp < min && !(length == 2 && cp == 0)) return 0;
  if (cp > 0x10FFFF) return 0;
  return length;
}

bool IsHighSurrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool IsLowSurrogate(char32_t cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

}  // namespace

std::string DecodeModifiedUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    char32_t cp = 0;
    const size_t length = Decode(bytes, i, cp);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    i += length;
    if (IsHighSurrogate(cp)) {
      char32_t low = 0;
      const size_t next = i < bytes.size() ? Decode(bytes, i, low) : 0;
      if (next == 3 && IsLowSurrogate(low)) {
        AppendUtf8(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00), out);
        i += next;
      } else {
        out += kReplacement;
      }
      continue;
    }
    if (IsLowSurrogate(cp)) {
      out += kReplacement;
      continue;
    }
    AppendUtf8(cp, out);
  }
  return out;
}

}  // namespace e6odbc::wire
