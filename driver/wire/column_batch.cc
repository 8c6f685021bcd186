#include "wire/column_batch.h"

#include <algorithm>
#include <array>
#include <climits>
#include <string>

#include "wire/decimal128.h"
#include "wire/decode_error.h"
#include "wire/thrift_reader.h"

namespace e6odbc::wire {
namespace {

// Field ids of the Data union, one per member struct (spec §5.2).
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

constexpr std::array<std::string_view, 19> kMemberNames = {
    "no Data member",
    "boolData",
    "int32Data",
    "int64Data",
    "dateData",
    "float32Data",
    "float64Data",
    "varcharData",
    "boolConstantData",
    "dateConstantData",
    "nullConstantData",
    "numericConstantData",
    "numericDecimalConstantData",
    "temporalIntervalConstantData",
    "timeConstantData",
    "varcharConstantData",
    "timeData",
    "decimal128Data",
    "numericDecimal128ConstantData",
};

constexpr std::array<std::string_view, 17> kTypeNames = {
    "BINARY",   "BOOLEAN",   "DOUBLE", "FLOAT", "INT96", "INTEGER", "LONG",         "STRING",    "DATE",
    "DATETIME", "TIMESTAMP", "STRUCT", "MAP",   "ARRAY", "NULL",    "TIMESTAMP_TZ", "DECIMAL128"};

// Placeholder scales of decoded decimals, replaced once the member's `scale`
// field (which follows the values on the wire) is known. Decimal text carries
// its own scale in 0..38, so it never holds one of these.
constexpr int32_t kScaleFromField = INT32_MIN;      // a binary: takes the field's scale
constexpr int32_t kEmptyFromField = INT32_MIN + 1;  // an empty binary: 0 or NULL, the field's scale

// One vector as read from the wire, before Chunk.size (which may come later)
// is known. Values go straight into their final list in `column`.
struct PendingVector {
  std::optional<int32_t> type;
  bool has_null_set = false;
  bool has_zones = false;
  int16_t member = kNone;
  std::optional<int32_t> scale;  // Decimal128Data.scale; absent = 0, and flagged (spec §13.4)
  ColumnVector column;
};

// Reads the single scalar of a constant member into a one-slot list.
template <typename T>
void SetOne(std::vector<T>& list, T value) {
  list.assign(1, value);
}

// A DECIMAL128 binary, or the placeholder for an empty one.
Decimal ReadDecimal(ThriftReader& in, const char* what) {
  const size_t offset = in.bytes().offset();
  const std::string_view bytes = in.ReadBinary(what);
  if (bytes.empty()) return {0, kEmptyFromField};
  try {
    return DecodeDecimal128(bytes, kScaleFromField);
  } catch (const DecodeError& error) {
    throw DecodeError(std::string(error.what()) + " (at offset " + std::to_string(offset) + ")");
  }
}

void ReadDecimalList(ThriftReader& in, std::vector<Decimal>& out) {
  out.clear();
  const ListHeader list = in.ReadListHeader("decimal128Data values");
  if (list.element != TType::kString) {
    for (int32_t i = 0; i < list.count; ++i) in.Skip(list.element, 1);
    return;  // wrong element type: as if absent
  }
  out.reserve(static_cast<size_t>(list.count));
  for (int32_t i = 0; i < list.count; ++i) out.push_back(ReadDecimal(in, "decimal128Data value"));
}

// Reads field 1 (the values) of a Data member struct into `v`. Returns false,
// reading nothing, when the field's Thrift type is not the schema's; the
// caller then skips it as if absent (validation reports the missing values).
bool ReadValues(ThriftReader& in, int16_t member, TType type, ColumnVector& v) {
  switch (member) {
    case kBoolData:
      if (type != TType::kList) return false;
      in.ReadBoolList(v.bool_values, "boolData values");
      return true;
    case kInt32Data:
      if (type != TType::kList) return false;
      in.ReadI32ListWidened(v.int64_values, "int32Data values");
      return true;
    case kInt64Data:
    case kDateData:
    case kTimeData:
      if (type != TType::kList) return false;
      in.ReadI64List(v.int64_values, "i64 values");
      return true;
    case kFloat32Data:
    case kFloat64Data:
      if (type != TType::kList) return false;
      in.ReadDoubleList(v.double_values, "double values");
      return true;
    case kVarcharData:
      if (type != TType::kList) return false;
      in.ReadBinaryList(v.text_values, "varcharData values");
      return true;
    case kDecimal128Data:
      if (type != TType::kList) return false;
      ReadDecimalList(in, v.decimal_values);
      return true;
    case kBoolConstant:
      if (type != TType::kBool) return false;
      SetOne<uint8_t>(v.bool_values, in.ReadBool("boolConstantData") ? 1 : 0);
      return true;
    case kDateConstant:
    case kNumericConstant:
    case kTimeConstant:
      if (type != TType::kI64) return false;
      SetOne<int64_t>(v.int64_values, in.ReadI64("i64 constant"));
      return true;
    case kNumericDecimalConstant:
      if (type != TType::kDouble) return false;
      SetOne<double>(v.double_values, in.ReadDouble("numericDecimalConstantData"));
      return true;
    case kVarcharConstant:
      if (type != TType::kString) return false;
      SetOne<std::string_view>(v.text_values, in.ReadBinary("varcharConstantData"));
      return true;
    case kDecimal128Constant:
      if (type != TType::kString) return false;
      SetOne<Decimal>(v.decimal_values, ReadDecimal(in, "numericDecimal128ConstantData"));
      return true;
    default: return false;  // null / interval constants carry nothing we use
  }
}

// Reads one member struct of the Data union: values, and the zones or scale
// that some members add as field 2. Anything else is skipped.
void ReadMember(ThriftReader& in, int16_t member, PendingVector& p) {
  ColumnVector& v = p.column;
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.id == 1 && ReadValues(in, member, f.type, v)) continue;
    if (f.id == 2 && member == kTimeData && f.type == TType::kList) {
      p.has_zones = in.ReadBinaryList(v.zone_values, "timeData zones");
    } else if (f.id == 2 && member == kTimeConstant && f.type == TType::kString) {
      SetOne<std::string_view>(v.zone_values, in.ReadBinary("timeConstantData zone"));
      p.has_zones = true;
    } else if (f.id == 2 && (member == kDecimal128Data || member == kDecimal128Constant) && f.type == TType::kI32) {
      p.scale = in.ReadI32("decimal scale");
    } else {
      in.Skip(f.type, 1);
    }
  }
}

// The Data union: exactly one member struct.
void ReadData(ThriftReader& in, PendingVector& p) {
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.type != TType::kStruct || f.id < kBoolData || f.id > kDecimal128Constant) {
      in.Skip(f.type, 1);
      continue;
    }
    if (p.member != kNone) {
      in.bytes().Fail("Data union", "more than one member is set (" + std::string(kMemberNames[p.member]) + ", " +
                                        std::string(kMemberNames[f.id]) + ")");
    }
    p.member = f.id;
    ReadMember(in, f.id, p);
  }
}

PendingVector ReadVector(ThriftReader& in) {
  PendingVector p;
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.id == 2 && f.type == TType::kI32) {
      p.type = in.ReadI32("Vector.vectorType");
    } else if (f.id == 3 && f.type == TType::kList) {
      p.has_null_set = in.ReadBoolList(p.column.null_flags, "Vector.nullSet");
    } else if (f.id == 4 && f.type == TType::kStruct) {
      ReadData(in, p);
    } else if (f.id == 5 && f.type == TType::kBool) {
      p.column.is_constant = in.ReadBool("Vector.isConstantVector");
    } else {
      in.Skip(f.type, 1);  // Vector.size (rows come from Chunk.size), zoneOffset, format, unknown fields
    }
  }
  return p;
}

// The Data member a vector of `type` must use (spec §5.3). TIMESTAMP is read
// like DATETIME; INT96 too, when it arrives in the time members.
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

// Number of values the expected member filled in.
size_t ValueCount(const ColumnVector& v, int16_t member) {
  switch (member) {
    case kBoolData:
    case kBoolConstant: return v.bool_values.size();
    case kFloat32Data:
    case kFloat64Data:
    case kNumericDecimalConstant: return v.double_values.size();
    case kVarcharData:
    case kVarcharConstant: return v.text_values.size();
    case kDecimal128Data:
    case kDecimal128Constant: return v.decimal_values.size();
    default: return v.int64_values.size();
  }
}

// Gives decimals their scale and turns empty binaries into NULL (normal
// vector) or 0 (constant vector), spec §6 step 1. A binary value read
// without the member's scale field gets scale 0 and flags the vector.
void FinishDecimals(ColumnVector& v, std::optional<int32_t> scale, size_t slots) {
  for (size_t s = 0; s < v.decimal_values.size(); ++s) {
    Decimal& d = v.decimal_values[s];
    if (d.scale != kScaleFromField && d.scale != kEmptyFromField) continue;  // text: its own scale
    const bool empty = d.scale == kEmptyFromField;
    d.scale = scale.value_or(0);
    if (!scale && !empty) v.decimal_scale_missing = true;
    if (empty && !v.is_constant && s < slots) {
      if (v.null_flags.size() < slots) v.null_flags.resize(slots, 0);
      v.null_flags[s] = 1;
    }
  }
}

// Checks a vector against the rules of spec §5.3/§5.4 and returns it.
ColumnVector Build(PendingVector p, size_t rows, size_t index) {
  const auto fail = [index](std::string_view type, const std::string& why) -> DecodeError {
    return DecodeError("column " + std::to_string(index) + " (" + std::string(type) + "): " + why);
  };
  if (!p.type) throw fail("no vectorType", "vector without a vectorType");
  if (*p.type < 0 || static_cast<size_t>(*p.type) >= kTypeNames.size()) {
    throw fail("vectorType " + std::to_string(*p.type), "unknown vectorType");
  }
  ColumnVector v = std::move(p.column);
  v.type = static_cast<VectorType>(*p.type);
  const std::string_view type_name = VectorTypeName(v.type);
  if (v.type == VectorType::kNull) {
    // Every row is NULL; whatever else the vector carried is not used.
    ColumnVector null_vector;
    null_vector.type = VectorType::kNull;
    null_vector.is_constant = v.is_constant;
    return null_vector;
  }
  const int16_t expected = ExpectedMember(v.type, v.is_constant);
  if (v.type == VectorType::kInt96 && p.member != expected) {
    throw fail(type_name, "values in " + std::string(kMemberNames[p.member]) +
                              "; INT96 is read only from timeData / timeConstantData (protocol spec §13.3)");
  }
  if (p.member != expected) {
    throw fail(type_name, "values in " + std::string(kMemberNames[p.member]) + ", expected " +
                              std::string(kMemberNames[expected]) + (v.is_constant ? " (constant vector)" : ""));
  }
  const size_t slots = v.is_constant ? 1 : rows;
  if (p.has_null_set && v.null_flags.size() < slots) {
    throw fail(type_name, "nullSet has " + std::to_string(v.null_flags.size()) + " entries for " +
                              std::to_string(slots) + (v.is_constant ? " constant slot" : " rows"));
  }
  const size_t values = ValueCount(v, expected);
  if (values < slots) {
    throw fail(type_name, std::string(kMemberNames[expected]) + " has " + std::to_string(values) + " values for " +
                              std::to_string(slots) + (v.is_constant ? " constant slot" : " rows"));
  }
  if (expected == kDecimal128Data || expected == kDecimal128Constant) FinishDecimals(v, p.scale, slots);
  if (v.type == VectorType::kTimestampTz && p.has_zones) {
    if (v.zone_values.size() < slots) {
      throw fail(type_name, "timeData has " + std::to_string(v.zone_values.size()) + " zones for " +
                                std::to_string(slots) + " rows");
    }
  } else {
    v.zone_values.clear();  // DATETIME & co. ignore zones; absent zones mean UTC
  }
  return v;
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

ColumnBatch ColumnBatch::FromColumns(size_t row_count, std::vector<ColumnVector> columns,
                                     std::unique_ptr<const std::string> storage) {
  if (row_count > static_cast<size_t>(INT32_MAX)) throw DecodeError("a batch holds at most 2^31-1 rows");
  for (const ColumnVector& column : columns) {
    const size_t needed = column.is_constant ? 1 : row_count;
    const size_t held = std::max({column.int64_values.size(), column.double_values.size(), column.bool_values.size(),
                                  column.text_values.size(), column.decimal_values.size()});
    if (column.type != VectorType::kNull && held < needed) throw DecodeError("a column holds fewer values than rows");
    if (!column.null_flags.empty() && column.null_flags.size() < needed) {
      throw DecodeError("a column holds fewer null flags than rows");
    }
  }
  ColumnBatch batch;
  batch.payload_ = storage ? std::move(storage) : std::make_unique<const std::string>();
  batch.row_count_ = static_cast<int32_t>(row_count);
  batch.columns_ = std::move(columns);
  return batch;
}

ColumnBatch ColumnBatch::Decode(std::string payload) {
  ColumnBatch batch;
  batch.payload_ = std::make_unique<const std::string>(std::move(payload));
  if (batch.payload_->empty()) return batch;  // proto3 omits an empty resultBatch: end of data
  ThriftReader in(*batch.payload_);
  std::optional<int32_t> size;
  // One pass: vectors are read as they come and checked against Chunk.size
  // once the whole struct is read (fields may arrive in any order).
  std::vector<PendingVector> pending;
  for (FieldHeader f = in.ReadFieldHeader(); f.type != TType::kStop; f = in.ReadFieldHeader()) {
    if (f.id == 1 && f.type == TType::kI32) {
      size = in.ReadI32("Chunk.size");
    } else if (f.id == 2 && f.type == TType::kList) {
      const ListHeader list = in.ReadListHeader("Chunk.vectors");
      pending.clear();
      if (list.element != TType::kStruct) {
        for (int32_t i = 0; i < list.count; ++i) in.Skip(list.element, 1);  // as if absent
        continue;
      }
      pending.reserve(static_cast<size_t>(list.count));
      for (int32_t i = 0; i < list.count; ++i) pending.push_back(ReadVector(in));
    } else {
      in.Skip(f.type);
    }
  }
  if (!size) throw DecodeError("Chunk: no size field (field 1, i32)");
  batch.row_count_ = *size;
  if (*size <= 0) return batch;  // end of data; the vectors do not matter
  batch.columns_.reserve(pending.size());
  for (size_t i = 0; i < pending.size(); ++i) {
    batch.columns_.push_back(Build(std::move(pending[i]), static_cast<size_t>(*size), i));
  }
  return batch;
}

}  // namespace e6odbc::wire
