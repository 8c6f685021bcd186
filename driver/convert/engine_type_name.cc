#include "convert/engine_type_name.h"

#include <algorithm>
#include <optional>
#include <string>

#include "common/text.h"

namespace e6odbc::convert {
namespace {

struct ParsedName {
  std::string base;                     // lower case, without parameters
  std::optional<int64_t> first, second;  // "(p)" / "(p,s)" parameters
};

ParsedName Parse(std::string_view engine_type) {
  const std::string lower = ToLower(Trim(engine_type));
  const size_t cut = std::min(lower.find('('), lower.find('<'));
  ParsedName parsed{std::string(Trim(std::string_view(lower).substr(0, cut))), std::nullopt, std::nullopt};
  if (cut == std::string::npos || lower[cut] != '(') return parsed;
  const size_t close = lower.find(')', cut);
  if (close == std::string::npos) return parsed;
  const std::string_view inside = std::string_view(lower).substr(cut + 1, close - cut - 1);
  const size_t comma = inside.find(',');
  parsed.first = ParseInt64(Trim(inside.substr(0, comma)));
  if (comma != std::string_view::npos) parsed.second = ParseInt64(Trim(inside.substr(comma + 1)));
  return parsed;
}

bool IsOneOf(const std::string& base, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), base) != names.end();
}

// A declared length within what ODBC lengths can carry, else nullopt.
std::optional<SQLULEN> DeclaredLength(const std::optional<int64_t>& length) {
  if (!length || *length <= 0 || *length > 0x7FFFFFFF / 4) return std::nullopt;
  return static_cast<SQLULEN>(*length);
}

}  // namespace

SqlTypeInfo DescribeEngineTypeName(std::string_view engine_type, bool wide_strings, SQLULEN string_column_size) {
  using wire::VectorType;
  const ParsedName name = Parse(engine_type);
  const std::string& base = name.base;
  const auto wire = [&](VectorType type) { return DescribeWireType(type, 0, wide_strings, string_column_size); };
  if (IsOneOf(base, {"boolean", "bool"})) return wire(VectorType::kBoolean);
  if (base == "tinyint") return {SQL_TINYINT, SQL_TINYINT, 0, 3, 0, 4, 1, 10, SQL_C_STINYINT, false, "TINYINT"};
  if (IsOneOf(base, {"smallint", "short"})) {
    return {SQL_SMALLINT, SQL_SMALLINT, 0, 5, 0, 6, 2, 10, SQL_C_SSHORT, false, "SMALLINT"};
  }
  if (IsOneOf(base, {"integer", "int"})) return wire(VectorType::kInteger);
  if (IsOneOf(base, {"bigint", "long"})) return wire(VectorType::kLong);
  if (IsOneOf(base, {"float", "real"})) return wire(VectorType::kFloat);
  if (base == "double") return wire(VectorType::kDouble);
  if (base == "date") return wire(VectorType::kDate);
  if (base == "timestamp") return wire(VectorType::kTimestamp);
  if (base == "binary") return wire(VectorType::kBinary);
  if (IsOneOf(base, {"decimal", "numeric"})) {
    const int64_t precision = name.first && *name.first >= 1 && *name.first <= 38 ? *name.first : 38;
    const int64_t scale = name.second && *name.second >= 0 && *name.second <= precision ? *name.second : 0;
    // Display: sign, digits and the decimal point.
    const auto display = static_cast<SQLLEN>(precision + 2);
    return {SQL_DECIMAL, SQL_DECIMAL, 0, static_cast<SQLULEN>(precision), static_cast<SQLSMALLINT>(scale),
            display, display, 10, SQL_C_CHAR, false, "DECIMAL"};
  }
  if (base == "char" && DeclaredLength(name.first)) {
    return DescribeText(SQL_CHAR, SQL_WCHAR, wide_strings, *DeclaredLength(name.first), "CHAR");
  }
  if (IsOneOf(base, {"string", "varchar", "char"})) {
    return DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings,
                        DeclaredLength(name.first).value_or(string_column_size),
                "STRING");
  }
  if (base == "array") return wire(VectorType::kArray);
  if (base == "map") return wire(VectorType::kMap);
  if (base == "struct") return wire(VectorType::kStruct);
  // uniontype and names the engine may add later: delivered as text.
  return DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings, string_column_size, "STRING");
}

}  // namespace e6odbc::convert
