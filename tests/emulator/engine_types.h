// Engine column types as the emulator declares them: lower-case engine type
// names (protocol spec §7, e.g. "bigint", "decimal(15,2)") and the VectorType
// each travels as in result batches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "e6x_vector_types.h"

namespace e6emu {

using VectorType = e6x::vectors::VectorType::type;

struct EngineType {
  VectorType vector_type = e6x::vectors::VectorType::STRING;
  int32_t scale = 0;  // DECIMAL128 only
};

// "bigint" -> LONG, "decimal(15,2)" -> DECIMAL128 scale 2, ...; nullopt if unknown.
std::optional<EngineType> ParseEngineType(std::string_view name);

// The upper-case VectorType name the result metadata carries ("LONG").
std::string_view VectorTypeName(VectorType type);

}  // namespace e6emu
