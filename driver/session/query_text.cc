#include "session/query_text.h"

namespace e6odbc::session {
namespace {

// Length of a Unicode whitespace character (as Python's str.strip() knows
// them) starting at text[i], or 0. ASCII plus the common multi-byte spaces.
size_t WhitespaceAt(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0; };
  const unsigned char c = byte(i);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
  if (c == 0xC2 && (byte(i + 1) == 0x85 || byte(i + 1) == 0xA0)) return 2;  // NEL, NBSP
  if (c == 0xE2 && byte(i + 1) == 0x80 && ((byte(i + 2) >= 0x80 && byte(i + 2) <= 0x8A) || byte(i + 2) == 0xA8 ||
                                           byte(i + 2) == 0xA9 || byte(i + 2) == 0xAF)) {
    return 3;  // en/em spaces, line/paragraph separators, narrow NBSP
  }
  if (c == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;  // ideographic space
  return 0;
}

}  // namespace

std::string PrepareQueryText(std::string_view sql) {
  size_t begin = 0;
  while (begin < sql.size()) {
    const size_t n = WhitespaceAt(sql, begin);
    if (n == 0) break;
    begin += n;
  }
  size_t end = sql.size();
  for (bool trimmed = true; trimmed && end > begin;) {
    trimmed = false;
    for (size_t n = 1; n <= 3 && n <= end - begin; ++n) {
      if (WhitespaceAt(sql, end - n) == n) {
        end -= n;
        trimmed = true;
        break;
      }
    }
  }
  std::string_view text = sql.substr(begin, end - begin);
  if (!text.empty() && text.back() == ';') text.remove_suffix(1);
  return std::string(text);
}

}  // namespace e6odbc::session
