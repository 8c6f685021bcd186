#include "engine_types.h"

#include <cctype>

namespace e6emu {

std::optional<EngineType> ParseEngineType(std::string_view name) {
  using T = e6x::vectors::VectorType;
  std::string base;
  for (char c : name) {
    if (c == '(' || c == '<') break;
    base += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (base == "bigint" || base == "long") return EngineType{T::LONG};
  if (base == "int" || base == "integer") return EngineType{T::INTEGER};
  if (base == "double") return EngineType{T::DOUBLE};
  if (base == "float" || base == "real") return EngineType{T::FLOAT};
  if (base == "boolean" || base == "bool") return EngineType{T::BOOLEAN};
  if (base == "string" || base == "varchar" || base == "char") return EngineType{T::STRING};
  if (base == "binary") return EngineType{T::BINARY};
  if (base == "date") return EngineType{T::DATE};
  if (base == "timestamp") return EngineType{T::DATETIME};
  if (base == "timestamp_tz") return EngineType{T::TIMESTAMP_TZ};
  if (base == "array") return EngineType{T::ARRAY};
  if (base == "map") return EngineType{T::MAP};
  if (base == "struct") return EngineType{T::STRUCT};
  if (base == "decimal" || base == "numeric") {
    int32_t scale = 0;
    const size_t comma = name.find(',');
    if (comma != std::string_view::npos) {
      for (size_t i = comma + 1; i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])); ++i) {
        scale = scale * 10 + (name[i] - '0');
      }
    }
    return EngineType{T::DECIMAL128, scale};
  }
  return std::nullopt;
}

std::string_view VectorTypeName(VectorType type) {
  static constexpr std::string_view kNames[] = {
      "BINARY", "BOOLEAN", "DOUBLE", "FLOAT", "INT96", "INTEGER", "LONG", "STRING", "DATE",
      "DATETIME", "TIMESTAMP", "STRUCT", "MAP", "ARRAY", "NULL", "TIMESTAMP_TZ", "DECIMAL128"};
  const auto index = static_cast<size_t>(type);
  return index < std::size(kNames) ? kNames[index] : "STRING";
}

}  // namespace e6emu
