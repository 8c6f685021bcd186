// NameFilter: how one string argument of a catalog function restricts the
// names it returns (ODBC "Arguments in Catalog Functions"): an ordinary
// argument is matched literally, a pattern value with `%`, `_` and the `\`
// escape, an identifier (SQL_ATTR_METADATA_ID = SQL_TRUE) literally when
// quoted and without regard to case otherwise. A null pointer restricts
// nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace e6odbc::odbc::catalog {

// A catalog-function argument: nullopt for a null pointer.
using NameArgument = std::optional<std::string>;

class NameFilter {
 public:
  enum class Kind { kOrdinary, kPattern };

  // `metadata_id` (SQL_ATTR_METADATA_ID) turns either kind into an identifier.
  NameFilter(const NameArgument& argument, Kind kind, bool metadata_id);

  bool Matches(std::string_view name) const;
  // True when every name matches (a null pointer, or the pattern "%").
  bool all() const noexcept { return all_; }
  // The one name that matches, when the argument names exactly one (an
  // ordinary argument, a quoted identifier or a pattern without wildcards);
  // nullptr otherwise.
  const std::string* exact() const noexcept { return exact_ ? &*exact_ : nullptr; }

 private:
  enum class Mode { kAll, kLiteral, kCaseless, kPattern };
  Mode mode_ = Mode::kAll;
  bool all_ = true;
  std::string text_;
  std::optional<std::string> exact_;
};

// SQL LIKE-style matching on whole UTF-8 characters: `%` any run, `_` one
// character, `\` makes the next character literal. Case-sensitive.
bool MatchesPattern(std::string_view pattern, std::string_view name);

}  // namespace e6odbc::odbc::catalog
