// Small text helpers shared by every layer: ASCII case folding, trimming and
// number parsing. Nothing here allocates more than its result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace e6odbc {

// ASCII-only case-insensitive equality (connection keys, type names).
bool EqualsIgnoreCase(std::string_view a, std::string_view b) noexcept;

// ASCII lower/upper-case copies; non-ASCII bytes pass through unchanged.
std::string ToLower(std::string_view s);
std::string ToUpper(std::string_view s);

// Strips ASCII whitespace (space, \t, \n, \v, \f, \r) from both ends.
std::string_view Trim(std::string_view s) noexcept;

// Parses a whole decimal integer (optional sign); nullopt on any junk or overflow.
std::optional<int64_t> ParseInt64(std::string_view s) noexcept;

}  // namespace e6odbc
