#include "wire/thrift_reader.h"

#include <string>
#include <vector>

namespace e6odbc::wire {
namespace {

bool IsKnownType(uint8_t t) {
  return t == 2 || t == 3 || t == 4 || t == 6 || t == 8 || t == 10 || t == 11 || t == 12 || t == 13 || t == 14 ||
         t == 15;
}

TType CheckedType(ByteReader& in, uint8_t raw, const char* what) {
  if (!IsKnownType(raw)) in.Fail(what, "unknown Thrift type id " + std::to_string(raw));
  return static_cast<TType>(raw);
}

// Reads a list of fixed-width elements with one bounds check: the header
// check already proved count * width bytes follow.
template <typename T, typename Load>
bool ReadFixedList(ThriftReader& in, TType element, size_t width, std::vector<T>& out, const char* what, Load load) {
  out.clear();
  const ListHeader list = in.ReadListHeader(what);
  if (list.element != element) {
    for (int32_t i = 0; i < list.count; ++i) in.Skip(list.element, 1);
    return false;
  }
  const auto count = static_cast<size_t>(list.count);
  const char* p = in.bytes().Bytes(count * width, what).data();
  out.resize(count);
  for (size_t i = 0; i < count; ++i, p += width) out[i] = load(p);
  return true;
}

}  // namespace

size_t MinimumSize(TType type) noexcept {
  switch (type) {
    case TType::kBool:
    case TType::kByte:
    case TType::kStruct:  // just the STOP byte
      return 1;
    case TType::kI16: return 2;
    case TType::kI32:
    case TType::kString: return 4;
    case TType::kSet:
    case TType::kList: return 5;
    case TType::kMap: return 6;
    case TType::kDouble:
    case TType::kI64: return 8;
    case TType::kStop: return 1;
  }
  return 1;
}

FieldHeader ThriftReader::ReadFieldHeader() {
  const uint8_t raw = in_.U8("field type");
  if (raw == 0) return {TType::kStop, 0};
  const TType type = CheckedType(in_, raw, "field type");
  return {type, in_.I16("field id")};
}

std::string_view ThriftReader::ReadBinary(const char* what) {
  const int32_t length = in_.I32(what);
  if (length < 0) in_.Fail(what, "negative length " + std::to_string(length));
  return in_.Bytes(static_cast<size_t>(length), what);
}

ListHeader ThriftReader::ReadListHeader(const char* what) {
  const TType element = CheckedType(in_, in_.U8(what), what);
  const int32_t count = in_.I32(what);
  in_.RequireElements(count, MinimumSize(element), what);
  return {element, count};
}

bool ThriftReader::ReadI64List(std::vector<int64_t>& out, const char* what) {
  return ReadFixedList(*this, TType::kI64, 8, out, what,
                       [](const char* p) { return static_cast<int64_t>(LoadBigEndian64(p)); });
}

bool ThriftReader::ReadI32ListWidened(std::vector<int64_t>& out, const char* what) {
  return ReadFixedList(*this, TType::kI32, 4, out, what,
                       [](const char* p) { return static_cast<int64_t>(static_cast<int32_t>(LoadBigEndian32(p))); });
}

bool ThriftReader::ReadDoubleList(std::vector<double>& out, const char* what) {
  return ReadFixedList(*this, TType::kDouble, 8, out, what, LoadBigEndianDouble);
}

bool ThriftReader::ReadBoolList(std::vector<uint8_t>& out, const char* what) {
  return ReadFixedList(*this, TType::kBool, 1, out, what,
                       [](const char* p) { return static_cast<uint8_t>(*p != 0 ? 1 : 0); });
}

bool ThriftReader::ReadBinaryList(std::vector<std::string_view>& out, const char* what) {
  out.clear();
  const ListHeader list = ReadListHeader(what);
  if (list.element != TType::kString) {
    for (int32_t i = 0; i < list.count; ++i) Skip(list.element, 1);
    return false;
  }
  out.reserve(static_cast<size_t>(list.count));
  for (int32_t i = 0; i < list.count; ++i) out.push_back(ReadBinary(what));
  return true;
}

void ThriftReader::Skip(TType type, int depth) {
  if (depth > kMaxDepth) in_.Fail("nested value", "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
  switch (type) {
    case TType::kBool:
    case TType::kByte: in_.U8("skipped value"); return;
    case TType::kI16: in_.I16("skipped value"); return;
    case TType::kI32: in_.I32("skipped value"); return;
    case TType::kI64:
    case TType::kDouble: in_.I64("skipped value"); return;
    case TType::kString: ReadBinary("skipped string"); return;
    case TType::kStruct:
      for (FieldHeader f = ReadFieldHeader(); f.type != TType::kStop; f = ReadFieldHeader()) Skip(f.type, depth + 1);
      return;
    case TType::kMap: {
      const TType key = CheckedType(in_, in_.U8("map key type"), "map key type");
      const TType value = CheckedType(in_, in_.U8("map value type"), "map value type");
      const int32_t count = in_.I32("map size");
      in_.RequireElements(count, MinimumSize(key) + MinimumSize(value), "map size");
      for (int32_t i = 0; i < count; ++i) {
        Skip(key, depth + 1);
        Skip(value, depth + 1);
      }
      return;
    }
    case TType::kSet:
    case TType::kList: {
      const ListHeader list = ReadListHeader("skipped list");
      for (int32_t i = 0; i < list.count; ++i) Skip(list.element, depth + 1);
      return;
    }
    case TType::kStop: in_.Fail("skipped value", "STOP is not a value");
  }
}

}  // namespace e6odbc::wire
