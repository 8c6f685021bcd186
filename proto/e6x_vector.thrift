// Result batch schema (spec §5.2): one `Chunk` per GetNextResultBatchResponse,
// serialized with the Thrift binary protocol and no message header.
// The emulator encodes with code generated from this file; the driver decodes
// by hand in driver/wire, so each checks the other.
namespace java io.e6x.query.engine.vectors
namespace cpp e6x.vectors

enum VectorType {
  BINARY = 0,
  BOOLEAN = 1,
  DOUBLE = 2,
  FLOAT = 3,
  INT96 = 4,
  INTEGER = 5,
  LONG = 6,
  STRING = 7,
  DATE = 8,
  DATETIME = 9,
  TIMESTAMP = 10,
  STRUCT = 11,
  MAP = 12,
  ARRAY = 13,
  // The engine's IDL calls this NULL; renamed because NULL is a C/C++ macro.
  // Names have no wire effect: only the value 14 travels.
  NULL_TYPE = 14,
  TIMESTAMP_TZ = 15,
  DECIMAL128 = 16
}

struct BoolData { 1: list<bool> data }
struct Int32Data { 1: list<i32> data }
struct Int64Data { 1: list<i64> data }
struct DateData { 1: list<i64> data }
// FLOAT values travel as doubles.
struct Float32Data { 1: list<double> data }
struct Float64Data { 1: list<double> data }
struct VarcharData { 1: list<string> data }
struct BoolConstantData { 1: bool data }
struct DateConstantData { 1: i64 data }
struct NullConstantData { 1: i8 data }
struct NumericConstantData { 1: i64 data }
struct NumericDecimalConstantData { 1: double data }
struct TemporalIntervalConstantData { 1: i8 data }
struct TimeConstantData { 1: i64 data, 2: optional string zoneData }
struct VarcharConstantData { 1: string data }
struct TimeData { 1: list<i64> data, 2: optional list<string> zoneData }
struct Decimal128Data { 1: list<binary> data, 2: i32 scale }
struct NumericDecimal128ConstantData { 1: binary data, 2: i32 scale }

union Data {
  1: BoolData boolData,
  2: Int32Data int32Data,
  3: Int64Data int64Data,
  4: DateData dateData,
  5: Float32Data float32Data,
  6: Float64Data float64Data,
  7: VarcharData varcharData,
  8: BoolConstantData boolConstantData,
  9: DateConstantData dateConstantData,
  10: NullConstantData nullConstantData,
  11: NumericConstantData numericConstantData,
  12: NumericDecimalConstantData numericDecimalConstantData,
  13: TemporalIntervalConstantData temporalIntervalConstantData,
  14: TimeConstantData timeConstantData,
  15: VarcharConstantData varcharConstantData,
  16: TimeData timeData,
  17: Decimal128Data decimal128Data,
  18: NumericDecimal128ConstantData numericDecimal128ConstantData
}

struct Vector {
  1: i32 size,
  2: VectorType vectorType,
  3: list<bool> nullSet,
  4: Data data,
  5: bool isConstantVector,
  // optional: like the engine's Java writer, leave unset strings off the wire.
  6: optional string zoneOffset,
  7: optional string format
}

struct Chunk {
  1: i32 size,
  2: list<Vector> vectors
}
