#include "config/connection_string.h"

#include "common/driver_error.h"
#include "common/text.h"

namespace e6odbc::config {
namespace {

[[noreturn]] void Malformed(std::string_view text, size_t position, const std::string& why) {
  const size_t from = position > 10 ? position - 10 : 0;
  throw DriverError("HY000", "malformed connection string at position " + std::to_string(position + 1) + " (near '" +
                                 std::string(text.substr(from, 20)) + "'): " + why);
}

bool NeedsBraces(std::string_view value) {
  if (value.empty()) return false;
  if (value.front() == ' ' || value.back() == ' ' || value.front() == '{') return true;
  return value.find_first_of(";{}=") != std::string_view::npos;
}

}  // namespace

std::vector<Attribute> ParseConnectionString(std::string_view text) {
  std::vector<Attribute> attributes;
  size_t i = 0;
  while (i < text.size()) {
    // One segment: up to the next ';' outside braces.
    const size_t segment_start = i;
    const size_t equals = text.find_first_of("=;", i);
    if (equals == std::string_view::npos || text[equals] == ';') {
      const size_t end = equals == std::string_view::npos ? text.size() : equals;
      if (!Trim(text.substr(i, end - i)).empty()) Malformed(text, segment_start, "attribute without '='");
      i = end + 1;  // an empty segment
      continue;
    }
    const std::string_view key = Trim(text.substr(i, equals - i));
    if (key.empty()) Malformed(text, segment_start, "empty key before '='");
    i = equals + 1;
    while (i < text.size() && text[i] == ' ') ++i;
    std::string value;
    if (i < text.size() && text[i] == '{') {
      const size_t open = i++;
      for (;;) {
        if (i >= text.size()) Malformed(text, open, "unterminated brace in the value of " + std::string(key));
        if (text[i] == '}') {
          if (i + 1 < text.size() && text[i + 1] == '}') {  // "}}" stands for "}"
            value.push_back('}');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value.push_back(text[i++]);
      }
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < text.size() && text[i] != ';') Malformed(text, i, "unexpected text after the closing brace of " + std::string(key));
    } else {
      const size_t end = text.find(';', i);
      const size_t stop = end == std::string_view::npos ? text.size() : end;
      value = std::string(Trim(text.substr(i, stop - i)));
      i = stop;
    }
    attributes.push_back({std::string(key), std::move(value)});
    ++i;  // past ';'
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
