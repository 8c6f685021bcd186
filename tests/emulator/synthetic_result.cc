#include "synthetic_result.h"

#include <regex>

namespace e6emu {
namespace {

using e6x::vectors::VectorType;

constexpr int64_t kBaseMicros = 1767225600000000;  // 2026-01-01 00:00:00 UTC

EngineType TypeOf(char letter) {
  switch (letter) {
    case 'l': return {VectorType::LONG};
    case 'i': return {VectorType::INTEGER};
    case 'd': return {VectorType::DOUBLE};
    case 's': return {VectorType::STRING};
    case 't': return {VectorType::DATETIME};
    case 'm': return {VectorType::DECIMAL128, 2};
    default: return {VectorType::BOOLEAN};
  }
}

std::string DecimalBytes(int64_t unscaled) {
  std::string bytes(16, unscaled < 0 ? '\xFF' : '\0');
  auto bits = static_cast<uint64_t>(unscaled);
  for (int i = 15; i >= 8; --i, bits >>= 8) bytes[static_cast<size_t>(i)] = static_cast<char>(bits & 0xFF);
  return bytes;
}

}  // namespace

std::optional<SyntheticSpec> ParseSyntheticQuery(const std::string& sql) {
  static const std::regex pattern(R"(^\s*select\s+\*\s+from\s+bench\.rows_(\d{1,12})(?:_([lidstmb]{1,64}))?\s*;?\s*$)",
                                  std::regex::icase);
  std::smatch match;
  if (!std::regex_match(sql, match, pattern)) return std::nullopt;
  SyntheticSpec spec;
  spec.rows = std::stoull(match[1].str());
  if (match[2].matched) spec.mix = match[2].str();
  return spec;
}

SyntheticResult::SyntheticResult(SyntheticSpec spec) : spec_(std::move(spec)) {
  for (size_t c = 0; c < spec_.mix.size(); ++c) {
    columns_.push_back({std::string(1, spec_.mix[c]) + "_" + std::to_string(c), TypeOf(spec_.mix[c]), false});
  }
}

std::string SyntheticResult::EncodeMetadata() const { return e6emu::EncodeMetadata(spec_.rows, columns_); }

// Everything is built in place inside `chunk`: the generated Thrift types have
// copy constructors only, so every "move" of a Vector or Data copies its lists.
std::string SyntheticResult::EncodeChunk(size_t first, size_t count) const {
  using namespace e6x::vectors;  // NOLINT: generated type names
  Chunk chunk;
  chunk.__set_size(static_cast<int32_t>(count));
  chunk.__isset.vectors = true;
  chunk.vectors.resize(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) {
    Vector& v = chunk.vectors[c];
    v.__set_size(static_cast<int32_t>(count));
    v.__set_vectorType(columns_[c].type.vector_type);
    v.__set_isConstantVector(false);
    v.__isset.nullSet = true;
    v.nullSet.resize(count);
    for (size_t r = 0; r < count; ++r) v.nullSet[r] = c > 0 && (first + r) % 101 == 0;
    v.__isset.data = true;
    Data& data = v.data;
    const auto row = [&](size_t r) { return static_cast<int64_t>(first + r); };
    switch (spec_.mix[c]) {
      case 'l': {
        data.__isset.int64Data = true;
        std::vector<int64_t>& values = data.int64Data.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(row(r) * 7 + static_cast<int64_t>(c));
        break;
      }
      case 'i': {
        data.__isset.int32Data = true;
        std::vector<int32_t>& values = data.int32Data.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(static_cast<int32_t>(row(r) % 1000000));
        break;
      }
      case 'd': {
        data.__isset.float64Data = true;
        std::vector<double>& values = data.float64Data.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(static_cast<double>(row(r)) * 0.5);
        break;
      }
      case 's': {
        data.__isset.varcharData = true;
        std::vector<std::string>& values = data.varcharData.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back("row-" + std::to_string(row(r)));
        break;
      }
      case 't': {
        data.__isset.timeData = true;
        std::vector<int64_t>& values = data.timeData.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(kBaseMicros + row(r) * 1000001);
        break;
      }
      case 'm': {
        data.__isset.decimal128Data = true;
        data.decimal128Data.__set_scale(2);
        std::vector<std::string>& values = data.decimal128Data.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(DecimalBytes(row(r) * 101 - 5000));
        break;
      }
      default: {
        data.__isset.boolData = true;
        std::vector<bool>& values = data.boolData.data;
        values.reserve(count);
        for (size_t r = 0; r < count; ++r) values.push_back(row(r) % 2 == 1);
        break;
      }
    }
  }
  return SerializeChunk(chunk);
}

}  // namespace e6emu
