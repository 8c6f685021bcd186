// One result batch (GetNextResultBatchResponse.resultBatch): a Thrift
// binary-protocol `Chunk` (protocol spec §5), decoded into one typed,
// column-major vector per result column. Pure bytes in, values out: no gRPC,
// no ODBC.
//
// The batch owns the payload bytes; text values are string_views into them, so
// strings are never copied out of the wire buffer. A ColumnBatch is move-only
// and its views stay valid for the batch's lifetime.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace e6odbc::wire {

// Signed 128-bit integer for DECIMAL128 unscaled values (GCC/Clang builtin).
__extension__ using Int128 = __int128;

// VectorType values as they travel (spec §5.2).
enum class VectorType : int32_t {
  kBinary = 0,
  kBoolean = 1,
  kDouble = 2,
  kFloat = 3,
  kInt96 = 4,
  kInteger = 5,
  kLong = 6,
  kString = 7,
  kDate = 8,
  kDateTime = 9,
  kTimestamp = 10,
  kStruct = 11,
  kMap = 12,
  kArray = 13,
  kNull = 14,
  kTimestampTz = 15,
  kDecimal128 = 16,
};

// "LONG", "DECIMAL128", ... ("UNKNOWN" for a value outside the enum).
std::string_view VectorTypeName(VectorType type) noexcept;
// Inverse of VectorTypeName, case-insensitive; also accepts "INT" (INTEGER).
std::optional<VectorType> VectorTypeFromName(std::string_view name) noexcept;

// An exact decimal: value = unscaled * 10^-scale.
struct Decimal {
  Int128 unscaled = 0;
  int32_t scale = 0;
};

// One column of one batch. Value lists are dense: slot r holds row r (null rows
// hold a placeholder). A constant vector holds one slot used for every row.
// Exactly one value list is filled, chosen by `type`:
//   int64_values    INTEGER, LONG (i32 widened), DATE, DATETIME, TIMESTAMP,
//                   TIMESTAMP_TZ (epoch microseconds, UTC)
//   double_values   DOUBLE, FLOAT (FLOAT travels as a double)
//   bool_values     BOOLEAN (0 or 1)
//   text_values     STRING, BINARY (raw bytes), ARRAY, MAP, STRUCT
//   decimal_values  DECIMAL128
//   NULL vectors fill nothing: every row is NULL.
// TIMESTAMP_TZ also fills zone_values ("+05:30", "Z", "Asia/Kolkata"); empty
// when the batch carried no zones (= UTC).
struct ColumnVector {
  VectorType type = VectorType::kNull;
  bool is_constant = false;
  std::vector<uint8_t> null_flags;  // one per slot; empty = no NULLs
  std::vector<int64_t> int64_values;
  std::vector<double> double_values;
  std::vector<uint8_t> bool_values;
  std::vector<std::string_view> text_values;
  std::vector<Decimal> decimal_values;
  std::vector<std::string_view> zone_values;
  // DECIMAL128 binaries arrived without their `scale` field (spec §13.4
  // leaves open whether an engine does that): they were read with scale 0,
  // so their true values are unknown. Callers should warn.
  bool decimal_scale_missing = false;

  size_t Slot(size_t row) const noexcept { return is_constant ? 0 : row; }
  bool IsNull(size_t row) const noexcept {
    if (type == VectorType::kNull) return true;
    return !null_flags.empty() && null_flags[Slot(row)] != 0;
  }
};

class ColumnBatch {
 public:
  // Decodes `payload` (takes ownership). An empty payload or Chunk.size <= 0
  // yields an end-of-data batch (row_count() == 0, at_end() true). Every
  // normal vector is checked to hold at least row_count() slots and every
  // constant vector one slot, so accessors never read out of range.
  // Throws DecodeError on malformed input.
  static ColumnBatch Decode(std::string payload);

  // A batch made in the driver (catalog result sets): `columns` hold
  // `row_count` slots each (one when constant) and their text values view into
  // `storage`, which the batch keeps alive. Throws DecodeError when a vector
  // holds too few slots, as Decode() would.
  static ColumnBatch FromColumns(size_t row_count, std::vector<ColumnVector> columns,
                                 std::unique_ptr<const std::string> storage);

  ColumnBatch(ColumnBatch&&) noexcept = default;
  ColumnBatch& operator=(ColumnBatch&&) noexcept = default;
  ColumnBatch(const ColumnBatch&) = delete;
  ColumnBatch& operator=(const ColumnBatch&) = delete;

  bool at_end() const noexcept { return row_count_ <= 0; }
  size_t row_count() const noexcept { return row_count_ > 0 ? static_cast<size_t>(row_count_) : 0; }
  const std::vector<ColumnVector>& columns() const noexcept { return columns_; }

 private:
  ColumnBatch() = default;

  std::unique_ptr<const std::string> payload_;  // stable address for the views
  int32_t row_count_ = 0;
  std::vector<ColumnVector> columns_;
};

}  // namespace e6odbc::wire
