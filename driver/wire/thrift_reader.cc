#include "wire/thrift_reader.h"

#include <string>

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
