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

// Copies the engine string literal starting at sql[at] into `out` as an
// SQLite literal; returns the index past it. Engine escapes (spec §11: the
// client writes \\ \' \r \n \t) become the characters they stand for; other
// backslashes stay, so LIKE patterns keep `\_` and `\%`.
size_t StringLiteral(std::string_view sql, size_t at, std::string& out) {
  out += '\'';
  for (++at; at < sql.size(); ++at) {
    const char c = sql[at];
    if (c == '\\' && at + 1 < sql.size()) {
      const char next = sql[++at];
      switch (next) {
        case '\\': out += '\\'; break;
        case '\'': out += "''"; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        default: out += '\\'; out += next;
      }
    } else if (c == '\'') {
      if (at + 1 < sql.size() && sql[at + 1] == '\'') {
        out += "''";
        ++at;
      } else {
        out += '\'';
        return at + 1;
      }
    } else {
      out += c;
    }
  }
  return at;
}

}  // namespace

std::string ToSqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  size_t at = 0;
  while (at < sql.size()) {
    const char c = sql[at];
    if (c == '\'') {
      at = StringLiteral(sql, at, out);
    } else if (c == '"' || c == '`') {  // quoted identifier, copied whole
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
