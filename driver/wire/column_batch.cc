#include "wire/column_batch.h"

#include <array>
#include <string>

#include "wire/thrift_reader.h"

namespace e6odbc::wire {
namespace {

// Data union member ids (spec §5.2).
enum Member : int16_t {
  kNone = 0,
  kBoolData = 1,
  kInt32Data = 2,
  kInt64Data = 3,
  kDateData = 4,
  kFloat32Data = 5,
  kFloat64Data = 6,
  kVarcharData = 7,
  kBoolConstant = 8,
  kDateConstant = 9,
  kNullConstant = 10,
  kNumericConstant = 11,
  kNumericDecimalConstant = 12,
  kTemporalIntervalConstant = 13,
  kTimeConstant = 14,
  kVarcharConstant = 15,
  kTimeData = 16,
  kDecimal128Data = 17,
  kDecimal128Constant = 18,
};

constexpr std::array<std::string_view, 17> kTypeNames = {
    "BINARY", "BOOLEAN", "DOUBLE", "FLOAT", "INT96",  "INTEGER", "LONG",         "STRING",    "DATE",
    "DATETIME", "TIMESTAMP", "STRUCT", "MAP", "ARRAY", "NULL", "TIMESTAMP_TZ", "DECIMAL128"};

// The values of one Data union, before the vector type says what they mean.
struct RawData {
  int16_t member = kNone;
  std::vector<uint8_t> bools;
  std::vector<int64_t> ints;
  std::vector<double> doubles;
  std::vector<std::string_view> strings;  // text, or decimal binaries
  std::vector<std::string_view> zones;
  bool has_zones = false;
  int32_t scale = 0;
};

// Reads a list whose elements must be `expected`; a list of another element
// type is skipped (its values are then missing, which validation reports).
template <typename ReadOne>
void ReadList(ThriftReader& in, TType field_type, TType expected, const char* what, ReadOne read_one) {
  if (field_type != TType::kList) {
    in.Skip(field_type);
    return;
  }
  const ListHeader list = in.ReadListHeader(what);
  if (list.element != expected) {
    for (int32_t i = 0; i < list.count; ++i) in.Skip(list.element);
    return;
  }
  for (int32_t i = 0; i < list.count; ++i) read_one();
}

// Reads one member struct of the Data union into `raw`.
void ReadMember(ThriftReader& in, int16_t member, RawData& raw) {
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    const auto scalar = [&](TType expected, auto read) {
      if (f.type == expected) {
        read();
      } else {
        in.Skip(f.type);
      }
    };
    if (f.id == 1) {
      switch (member) {
        case kBoolData:
          ReadList(in, f.type, TType::kBool, "bool values", [&] { raw.bools.push_back(in.ReadBool("bool value")); });
          break;
        case kInt32Data:
          ReadList(in, f.type, TType::kI32, "i32 values", [&] { raw.ints.push_back(in.ReadI32("i32 value")); });
          break;
        case kInt64Data:
        case kDateData:
        case kTimeData:
          ReadList(in, f.type, TType::kI64, "i64 values", [&] { raw.ints.push_back(in.ReadI64("i64 value")); });
          break;
        case kFloat32Data:
        case kFloat64Data:
          ReadList(in, f.type, TType::kDouble, "double values",
                   [&] { raw.doubles.push_back(in.ReadDouble("double value")); });
          break;
        case kVarcharData:
        case kDecimal128Data:
          ReadList(in, f.type, TType::kString, "string values",
                   [&] { raw.strings.push_back(in.ReadBinary("string value")); });
          break;
        case kBoolConstant: scalar(TType::kBool, [&] { raw.bools.push_back(in.ReadBool("bool constant")); }); break;
        case kDateConstant:
        case kNumericConstant:
        case kTimeConstant: scalar(TType::kI64, [&] { raw.ints.push_back(in.ReadI64("i64 constant")); }); break;
        case kNumericDecimalConstant:
          scalar(TType::kDouble, [&] { raw.doubles.push_back(in.ReadDouble("double constant")); });
          break;
        case kVarcharConstant:
        case kDecimal128Constant:
          scalar(TType::kString, [&] { raw.strings.push_back(in.ReadBinary("string constant")); });
          break;
        default: in.Skip(f.type); break;  // null / interval constants carry nothing we use
      }
    } else if (f.id == 2 && member == kTimeData) {
      raw.has_zones = f.type == TType::kList;
      ReadList(in, f.type, TType::kString, "zone values", [&] { raw.zones.push_back(in.ReadBinary("zone value")); });
    } else if (f.id == 2 && member == kTimeConstant) {
      raw.has_zones = f.type == TType::kString;
      scalar(TType::kString, [&] { raw.zones.push_back(in.ReadBinary("zone constant")); });
    } else if (f.id == 2 && (member == kDecimal128Data || member == kDecimal128Constant)) {
      scalar(TType::kI32, [&] { raw.scale = in.ReadI32("decimal scale"); });
    } else {
      in.Skip(f.type);
    }
  }
}

void ReadData(ThriftReader& in, RawData& raw) {
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.type != TType::kStruct || f.id < kBoolData || f.id > kDecimal128Constant) {
      in.Skip(f.type);
      continue;
    }
    if (raw.member != kNone) in.bytes().Fail("Data union", "more than one member is set");
    raw.member = f.id;
    ReadMember(in, f.id, raw);
  }
}

// The Data member a vector of `type` must use (spec §5.3), normal or constant.
int16_t ExpectedMember(VectorType type, bool constant) {
  switch (type) {
    case VectorType::kLong: return constant ? kNumericConstant : kInt64Data;
    case VectorType::kInteger: return constant ? kNumericConstant : kInt32Data;
    case VectorType::kDouble: return constant ? kNumericDecimalConstant : kFloat64Data;
    case VectorType::kFloat: return constant ? kNumericDecimalConstant : kFloat32Data;
    case VectorType::kBoolean: return constant ? kBoolConstant : kBoolData;
    case VectorType::kString:
    case VectorType::kBinary:
    case VectorType::kArray:
    case VectorType::kMap:
    case VectorType::kStruct: return constant ? kVarcharConstant : kVarcharData;
    case VectorType::kDate: return constant ? kDateConstant : kDateData;
    case VectorType::kDateTime:
    case VectorType::kTimestamp:
    case VectorType::kInt96:
    case VectorType::kTimestampTz: return constant ? kTimeConstant : kTimeData;
    case VectorType::kDecimal128: return constant ? kDecimal128Constant : kDecimal128Data;
    case VectorType::kNull: return kNone;
  }
  return kNone;
}

// Decimal text of legacy engines (spec §6 step 2): "-123.45" -> {-12345, 2}.
bool ParseDecimalText(std::string_view text, Decimal& out) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  Int128 value = 0;
  int32_t scale = 0;
  int digits = 0;
  bool point = false;
  for (const char c : text) {
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 38) return false;
      value = value * 10 + (c - '0');
      scale += point ? 1 : 0;
    } else {
      return false;
    }
  }
  if (digits == 0) return false;
  out = {negative ? -value : value, scale};
  return true;
}

// A DECIMAL128 binary: big-endian two's complement of 1..16 bytes (Java
// BigInteger order), sign-extended; longer payloads are tried as text.
Decimal ParseDecimal(std::string_view bytes, int32_t scale, ByteReader& context) {
  if (bytes.size() > 16) {
    Decimal d;
    if (ParseDecimalText(bytes, d)) return d;
    context.Fail("DECIMAL128 value", std::to_string(bytes.size()) + " bytes that are neither a 16-byte integer nor decimal text");
  }
  __extension__ unsigned __int128 magnitude = (static_cast<unsigned char>(bytes[0]) & 0x80) ? ~static_cast<unsigned __int128>(0) : 0;
  for (const char byte : bytes) magnitude = (magnitude << 8) | static_cast<unsigned char>(byte);
  return {static_cast<Int128>(magnitude), scale};
}

ColumnVector BuildVector(VectorType type, bool constant, RawData& raw, std::vector<uint8_t> nulls, bool has_nulls,
                         size_t rows, size_t index, ByteReader& in) {
  ColumnVector v;
  v.type = type;
  v.is_constant = constant;
  if (type == VectorType::kNull) return v;  // every row NULL; nothing else is read
  const std::string where = "column " + std::to_string(index) + " (" + std::string(VectorTypeName(type)) + ")";
  const int16_t expected = ExpectedMember(type, constant);
  if (raw.member != expected) {
    in.Fail(where.c_str(), "values in Data member " + std::to_string(raw.member) + ", expected member " +
                               std::to_string(expected) + (constant ? " for a constant vector" : ""));
  }
  const size_t slots = constant ? 1 : rows;
  if (has_nulls && nulls.size() < slots) {
    in.Fail(where.c_str(), "nullSet has " + std::to_string(nulls.size()) + " entries for " + std::to_string(slots) + " rows");
  }
  v.null_flags = std::move(nulls);
  const auto require = [&](size_t have) {
    if (have < slots) {
      in.Fail(where.c_str(), std::to_string(have) + " values for " + std::to_string(slots) + " rows");
    }
  };
  switch (expected) {
    case kBoolData:
    case kBoolConstant: require(raw.bools.size()); v.bool_values = std::move(raw.bools); break;
    case kFloat32Data:
    case kFloat64Data:
    case kNumericDecimalConstant: require(raw.doubles.size()); v.double_values = std::move(raw.doubles); break;
    case kVarcharData:
    case kVarcharConstant: require(raw.strings.size()); v.text_values = std::move(raw.strings); break;
    case kDecimal128Data:
    case kDecimal128Constant: {
      require(raw.strings.size());
      v.decimal_values.reserve(raw.strings.size());
      for (size_t s = 0; s < raw.strings.size(); ++s) {
        const std::string_view bytes = raw.strings[s];
        if (bytes.empty()) {
          // Empty binary: NULL in a normal vector, zero in a constant one (spec §6 step 1).
          if (!constant && s < slots) {
            if (v.null_flags.size() < slots) v.null_flags.resize(slots, 0);
            v.null_flags[s] = 1;
          }
          v.decimal_values.push_back({0, raw.scale});
        } else {
          v.decimal_values.push_back(ParseDecimal(bytes, raw.scale, in));
        }
      }
      break;
    }
    case kTimeData:
    case kTimeConstant:
      if (raw.has_zones && type == VectorType::kTimestampTz) {
        if (raw.zones.size() < slots) {
          in.Fail(where.c_str(), std::to_string(raw.zones.size()) + " zones for " + std::to_string(slots) + " rows");
        }
        v.zone_values = std::move(raw.zones);
      }
      [[fallthrough]];
    default: require(raw.ints.size()); v.int64_values = std::move(raw.ints); break;
  }
  return v;
}

ColumnVector ReadVector(ThriftReader& in, size_t rows, size_t index) {
  std::optional<int32_t> type;
  bool constant = false;
  bool has_nulls = false;
  std::vector<uint8_t> nulls;
  RawData raw;
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.id == 2 && f.type == TType::kI32) {
      type = in.ReadI32("vectorType");
    } else if (f.id == 3 && f.type == TType::kList) {
      has_nulls = true;
      ReadList(in, f.type, TType::kBool, "nullSet", [&] { nulls.push_back(in.ReadBool("null flag") ? 1 : 0); });
    } else if (f.id == 4 && f.type == TType::kStruct) {
      ReadData(in, raw);
    } else if (f.id == 5 && f.type == TType::kBool) {
      constant = in.ReadBool("isConstantVector");
    } else {
      in.Skip(f.type);  // size (rows come from Chunk.size), zoneOffset, format, unknown fields
    }
  }
  const std::string where = "column " + std::to_string(index);
  if (!type) in.bytes().Fail(where.c_str(), "vector without a vectorType");
  if (*type < 0 || *type > static_cast<int32_t>(VectorType::kDecimal128)) {
    in.bytes().Fail(where.c_str(), "unknown vectorType " + std::to_string(*type));
  }
  const auto vector_type = static_cast<VectorType>(*type);
  if (vector_type == VectorType::kInt96 && raw.member != kTimeData && raw.member != kTimeConstant) {
    in.bytes().Fail(where.c_str(), "INT96 values outside timeData are not supported (protocol spec §13.3)");
  }
  return BuildVector(vector_type, constant, raw, std::move(nulls), has_nulls, rows, index, in.bytes());
}

}  // namespace

std::string_view VectorTypeName(VectorType type) noexcept {
  const auto index = static_cast<size_t>(type);
  return index < kTypeNames.size() ? kTypeNames[index] : std::string_view("UNKNOWN");
}

std::optional<VectorType> VectorTypeFromName(std::string_view name) noexcept {
  const auto equal = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      const char c = (a[i] >= 'a' && a[i] <= 'z') ? static_cast<char>(a[i] - 'a' + 'A') : a[i];
      if (c != b[i]) return false;
    }
    return true;
  };
  if (equal(name, "INT")) return VectorType::kInteger;
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (equal(name, kTypeNames[i])) return static_cast<VectorType>(i);
  }
  return std::nullopt;
}

ColumnBatch ColumnBatch::Decode(std::string payload) {
  ColumnBatch batch;
  batch.payload_ = std::make_unique<const std::string>(std::move(payload));
  if (batch.payload_->empty()) return batch;
  ThriftReader in(*batch.payload_);
  std::optional<int32_t> size;
  // Vectors are decoded once the row count is known; remember where they start
  // in case `vectors` precedes `size` (fields may come in any order).
  std::optional<size_t> vectors_offset;
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.id == 1 && f.type == TType::kI32) {
      size = in.ReadI32("Chunk.size");
    } else if (f.id == 2 && f.type == TType::kList) {
      vectors_offset = in.bytes().offset();
      in.Skip(TType::kList);
    } else {
      in.Skip(f.type);
    }
  }
  if (!size) in.bytes().Fail("Chunk", "no size field");
  batch.row_count_ = *size;
  if (*size <= 0 || !vectors_offset) return batch;  // end of data
  ThriftReader vectors(std::string_view(*batch.payload_).substr(*vectors_offset));
  const ListHeader list = vectors.ReadListHeader("Chunk.vectors");
  if (list.element != TType::kStruct) vectors.bytes().Fail("Chunk.vectors", "elements are not structs");
  batch.columns_.reserve(static_cast<size_t>(list.count));
  for (int32_t i = 0; i < list.count; ++i) {
    batch.columns_.push_back(ReadVector(vectors, static_cast<size_t>(*size), static_cast<size_t>(i)));
  }
  return batch;
}

}  // namespace e6odbc::wire
