#include "odbc/catalog/name_filter.h"

#include "common/text.h"

namespace e6odbc::odbc::catalog {
namespace {

constexpr char kEscape = '\\';  // SQL_SEARCH_PATTERN_ESCAPE

// Bytes of the UTF-8 character starting at `text[at]` (1 for a stray byte).
size_t CharLength(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  return at + length <= text.size() ? length : 1;
}

// The name a pattern without unescaped wildcards stands for, else nullopt.
std::optional<std::string> LiteralOf(std::string_view pattern) {
  std::string literal;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' || pattern[i] == '_') return std::nullopt;
    if (pattern[i] == kEscape && i + 1 < pattern.size()) ++i;
    literal += pattern[i];
  }
  return literal;
}

}  // namespace

bool MatchesPattern(std::string_view pattern, std::string_view name) {
  // Greedy matching with one backtrack point: the latest `%` and where the
  // name stood when it was met. Linear in practice, quadratic at worst.
  size_t p = 0, n = 0;
  std::optional<std::pair<size_t, size_t>> star;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '%') {
      star = {++p, n};
      continue;
    }
    if (p < pattern.size()) {
      if (pattern[p] == '_') {
        ++p;
        n += CharLength(name, n);
        continue;
      }
      size_t literal = p;
      if (pattern[p] == kEscape && p + 1 < pattern.size()) literal = p + 1;
      const size_t length = CharLength(pattern, literal);
      if (name.compare(n, length, pattern, literal, length) == 0) {
        p = literal + length;
        n += length;
        continue;
      }
    }
    if (!star) return false;
    p = star->first;
    n = star->second + CharLength(name, star->second);
    star->second = n;
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

NameFilter::NameFilter(const NameArgument& argument, Kind kind, bool metadata_id) {
  if (!argument) return;  // no restriction
  if (metadata_id) {
    // An identifier: quoted → literal, case kept; unquoted → trailing blanks
    // dropped and case ignored.
    const std::string_view id = *argument;
    all_ = false;
    if (id.size() >= 2 && id.front() == '"' && id.back() == '"') {
      mode_ = Mode::kLiteral;
      text_ = std::string(id.substr(1, id.size() - 2));
      exact_ = text_;
    } else {
      mode_ = Mode::kCaseless;
      text_ = std::string(Trim(id));
    }
    return;
  }
  if (kind == Kind::kPattern && *argument == "%") return;
  all_ = false;
  mode_ = kind == Kind::kPattern ? Mode::kPattern : Mode::kLiteral;
  text_ = *argument;
  exact_ = mode_ == Mode::kPattern ? LiteralOf(text_) : std::optional<std::string>(text_);
}

bool NameFilter::Matches(std::string_view name) const {
  switch (mode_) {
    case Mode::kAll: return true;
    case Mode::kLiteral: return name == text_;
    case Mode::kCaseless: return EqualsIgnoreCase(name, text_);
    case Mode::kPattern: return MatchesPattern(text_, name);
  }
  return false;
}

}  // namespace e6odbc::odbc::catalog
