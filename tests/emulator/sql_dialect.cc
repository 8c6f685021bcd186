#include "sql_dialect.h"

#include <cctype>
#include <strings.h>

namespace e6emu {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool IsTypedLiteralKeyword(std::string_view word) {
  for (const char* keyword : {"date", "time", "timestamp"}) {
    if (word.size() == std::char_traits<char>::length(keyword) &&
        strncasecmp(word.data(), keyword, word.size()) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string ToSqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t at = 0;
  while (at < sql.size()) {
    const char c = sql[at];
    if (c == '\'' || c == '"' || c == '`') {  // literal or quoted identifier, copied whole
      const size_t start = at++;
      while (at < sql.size() && !(sql[at] == c && (at + 1 >= sql.size() || sql[at + 1] != c))) {
        at += sql[at] == c ? 2 : 1;
      }
      at = at < sql.size() ? at + 1 : at;
      out.append(sql.substr(start, at - start));
    } else if (IsWordChar(c)) {
      const size_t start = at;
      while (at < sql.size() && IsWordChar(sql[at])) ++at;
      const std::string_view word = sql.substr(start, at - start);
      size_t next = at;
      while (next < sql.size() && std::isspace(static_cast<unsigned char>(sql[next]))) ++next;
      const bool qualified = start > 0 && sql[start - 1] == '.';
      if (!qualified && next < sql.size() && sql[next] == '\'' && IsTypedLiteralKeyword(word)) {
        at = next;  // drop the keyword: the literal follows
      } else {
        out.append(word);
      }
    } else {
      out += c;
      ++at;
    }
  }
  return out;
}

}  // namespace e6emu
