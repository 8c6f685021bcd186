#include "odbc/sql_lexer.h"

namespace e6odbc::odbc {

size_t SkipOpaque(std::string_view sql, size_t at) noexcept {
  const char c = sql[at];
  const char next = at + 1 < sql.size() ? sql[at + 1] : '\0';
  if (c == '-' && next == '-') {
    const size_t end = sql.find('\n', at + 2);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (c == '/' && next == '*') {
    const size_t end = sql.find("*/", at + 2);
    return end == std::string_view::npos ? sql.size() : end + 2;
  }
  if (c != '\'' && c != '"' && c != '`') return at;
  for (size_t i = at + 1; i < sql.size(); ++i) {
    if (c == '\'' && sql[i] == '\\') {
      ++i;  // the escaped character, whatever it is
    } else if (sql[i] == c) {
      if (i + 1 < sql.size() && sql[i + 1] == c) {
        ++i;  // a doubled quote
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

std::vector<size_t> ParameterMarkers(std::string_view sql) {
  std::vector<size_t> markers;
  for (size_t at = 0; at < sql.size();) {
    const size_t past = SkipOpaque(sql, at);
    if (past != at) {
      at = past;
      continue;
    }
    if (sql[at] == '?') markers.push_back(at);
    ++at;
  }
  return markers;
}

}  // namespace e6odbc::odbc
