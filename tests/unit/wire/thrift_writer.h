// Test helper: builds Thrift binary-protocol bytes by hand, so tests can make
// chunks the engine would send as well as ones it never should.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace e6odbc::wire::testing {

// Thrift type ids (spec §5.1).
inline constexpr char kBool = 2, kByte = 3, kDouble = 4, kI16 = 6, kI32 = 8, kI64 = 10, kString = 11,
                      kStruct = 12, kMap = 13, kSet = 14, kList = 15;

// Big-endian two's complement of `bytes` bytes.
inline std::string BigEndian(uint64_t v, int bytes) {
  std::string s(static_cast<size_t>(bytes), '\0');
  for (int i = 0; i < bytes; ++i) s[static_cast<size_t>(i)] = static_cast<char>((v >> (8 * (bytes - 1 - i))) & 0xFF);
  return s;
}
inline std::string I16(int16_t v) { return BigEndian(static_cast<uint16_t>(v), 2); }
inline std::string I32(int32_t v) { return BigEndian(static_cast<uint32_t>(v), 4); }
inline std::string I64(int64_t v) { return BigEndian(static_cast<uint64_t>(v), 8); }
inline std::string Double(double v) {
  uint64_t bits;
  static_assert(sizeof bits == sizeof v);
  std::memcpy(&bits, &v, sizeof v);
  return BigEndian(bits, 8);
}
inline std::string Binary(std::string_view bytes) {
  return I32(static_cast<int32_t>(bytes.size())) + std::string(bytes);
}

inline std::string Field(char type, int16_t id) { return std::string(1, type) + I16(id); }
inline const std::string kStop(1, '\0');

// A struct whose fields are already encoded (header + value each).
inline std::string Struct(const std::vector<std::string>& fields) {
  std::string s;
  for (const std::string& f : fields) s += f;
  return s + kStop;
}
inline std::string ListOf(char element, const std::vector<std::string>& elements) {
  std::string s = std::string(1, element) + I32(static_cast<int32_t>(elements.size()));
  for (const std::string& e : elements) s += e;
  return s;
}

// Vector and Chunk (spec §5.2), with the data member given as (id, struct).
inline std::string DataUnion(int16_t member, const std::string& member_struct) {
  return Struct({Field(kStruct, member) + member_struct});
}
inline std::string NullSet(const std::vector<bool>& flags) {
  std::vector<std::string> e;
  for (bool f : flags) e.push_back(std::string(1, f ? '\1' : '\0'));
  return Field(kList, 3) + ListOf(kBool, e);
}
inline std::string Vector(int32_t rows, int32_t type, const std::string& null_set, const std::string& data,
                          bool constant) {
  return Struct({Field(kI32, 1) + I32(rows), Field(kI32, 2) + I32(type), null_set, Field(kStruct, 4) + data,
                 Field(kBool, 5) + std::string(1, constant ? '\1' : '\0')});
}
inline std::string Chunk(int32_t rows, const std::vector<std::string>& vectors) {
  return Struct({Field(kI32, 1) + I32(rows), Field(kList, 2) + ListOf(kStruct, vectors)});
}

// Member structs with one list field 1.
inline std::string I64Values(const std::vector<int64_t>& values) {
  std::vector<std::string> e;
  for (int64_t v : values) e.push_back(I64(v));
  return Struct({Field(kList, 1) + ListOf(kI64, e)});
}
inline std::string I32Values(const std::vector<int32_t>& values) {
  std::vector<std::string> e;
  for (int32_t v : values) e.push_back(I32(v));
  return Struct({Field(kList, 1) + ListOf(kI32, e)});
}
inline std::string DoubleValues(const std::vector<double>& values) {
  std::vector<std::string> e;
  for (double v : values) e.push_back(Double(v));
  return Struct({Field(kList, 1) + ListOf(kDouble, e)});
}
inline std::string BoolValues(const std::vector<bool>& values) {
  std::vector<std::string> e;
  for (bool v : values) e.push_back(std::string(1, v ? '\1' : '\0'));
  return Struct({Field(kList, 1) + ListOf(kBool, e)});
}
inline std::string StringList(const std::vector<std::string>& values) {
  std::vector<std::string> e;
  for (const std::string& v : values) e.push_back(Binary(v));
  return ListOf(kString, e);
}

}  // namespace e6odbc::wire::testing
