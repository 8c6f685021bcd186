// ODBC connection strings: `KEY=value;KEY={braced;value}` (ODBC 3.8,
// SQLDriverConnect "Comments"). A small hand-written tokenizer: keys are
// trimmed; a value starting with `{` runs to the matching `}` with `}}` as an
// escaped `}`; empty segments are skipped. No knowledge of which keys exist.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace e6odbc::config {

struct Attribute {
  std::string key;    // as written (trimmed), original case
  std::string value;  // braces removed, `}}` unescaped; unbraced values trimmed
};

// Parses `text` into attributes in order of appearance (duplicates kept; the
// caller decides which wins). A malformed string (segment without `=`,
// unterminated brace, empty key, junk after a closing brace) throws
// DriverError with SQLSTATE HY000 naming the offending fragment and position.
std::vector<Attribute> ParseConnectionString(std::string_view text);

// Composes `KEY=value;` pairs, bracing values that need it (`;`, `{`, `}`,
// leading/trailing space, `=`) and doubling `}` inside braces.
std::string ComposeConnectionString(const std::vector<Attribute>& attributes);

}  // namespace e6odbc::config
