#include "config/connection_string.h"

#include <algorithm>

#include "common/driver_error.h"
#include "common/text.h"

namespace e6odbc::config {
namespace {

// Error messages quote at most this many characters of the offending text: a
// malformed segment is often a piece of an unbraced password.
constexpr size_t kMaxQuoted = 16;

bool IsSpace(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string Quote(std::string_view fragment) {
  if (fragment.size() <= kMaxQuoted) return "'" + std::string(fragment) + "'";
  return "'" + std::string(fragment.substr(0, kMaxQuoted)) + "...'";
}

// `position` is 0-based here and reported 1-based, as users count.
[[noreturn]] void Malformed(const std::string& what, size_t position) {
  throw DriverError("HY000",
                    "malformed connection string: " + what + " at position " + std::to_string(position + 1));
}

size_t SkipSpaces(std::string_view text, size_t i) noexcept {
  while (i < text.size() && IsSpace(text[i])) ++i;
  return i;
}

// Reads a braced value whose '{' is at `open`; returns the unescaped value and
// leaves `i` just past the closing brace.
std::string ReadBraced(std::string_view text, std::string_view key, size_t open, size_t& i) {
  std::string value;
  i = open + 1;
  for (;;) {
    if (i >= text.size()) Malformed("unterminated brace in the value of " + Quote(key) + " opened", open);
    if (text[i] != '}') {
      value.push_back(text[i++]);
    } else if (i + 1 < text.size() && text[i + 1] == '}') {  // "}}" stands for one '}'
      value.push_back('}');
      i += 2;
    } else {
      ++i;
      return value;
    }
  }
}

bool NeedsBraces(std::string_view value) {
  if (value.empty()) return false;
  if (IsSpace(value.front()) || IsSpace(value.back())) return true;
  return value.find_first_of(";{}=") != std::string_view::npos;
}

}  // namespace

std::vector<Attribute> ParseConnectionString(std::string_view text) {
  std::vector<Attribute> attributes;
  size_t i = 0;
  while (i <= text.size()) {
    const size_t start = SkipSpaces(text, i);
    const size_t separator = text.find_first_of("=;", start);
    if (separator == std::string_view::npos || text[separator] == ';') {
      // No '=' before the end of this segment: only an empty segment is fine.
      const size_t end = separator == std::string_view::npos ? text.size() : separator;
      const std::string_view segment = Trim(text.substr(start, end - start));
      if (!segment.empty()) Malformed("attribute without '=' " + Quote(segment), start);
      i = end + 1;
      continue;
    }
    const std::string_view key = Trim(text.substr(start, separator - start));
    if (key.empty()) {
      const size_t end = std::min(text.find(';', separator), text.size());
      Malformed("empty key before '=' in " + Quote(Trim(text.substr(start, end - start))), start);
    }
    i = SkipSpaces(text, separator + 1);
    std::string value;
    if (i < text.size() && text[i] == '{') {
      value = ReadBraced(text, key, i, i);
      const size_t junk = SkipSpaces(text, i);
      if (junk < text.size() && text[junk] != ';') {
        const size_t end = std::min(text.find(';', junk), text.size());
        Malformed("unexpected text " + Quote(text.substr(junk, end - junk)) + " after the closing brace of " +
                      Quote(key),
                  junk);
      }
      i = junk;
    } else {
      const size_t end = std::min(text.find(';', i), text.size());
      value = std::string(Trim(text.substr(i, end - i)));
      i = end;
    }
    attributes.push_back({std::string(key), std::move(value)});
    ++i;  // past the ';' (or the end)
  }
  return attributes;
}

std::string ComposeConnectionString(const std::vector<Attribute>& attributes) {
  std::string out;
  for (const Attribute& a : attributes) {
    out += a.key;
    out += '=';
    if (NeedsBraces(a.value)) {
      out += '{';
      for (const char c : a.value) {
        out += c;
        if (c == '}') out += '}';
      }
      out += '}';
    } else {
      out += a.value;
    }
    out += ';';
  }
  return out;
}

}  // namespace e6odbc::config
