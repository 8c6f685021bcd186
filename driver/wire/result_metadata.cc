#include "wire/result_metadata.h"

#include "wire/byte_reader.h"
#include "wire/modified_utf8.h"

namespace e6odbc::wire {
namespace {

// Java DataInput "UTF": 2-byte unsigned big-endian length, then the bytes.
std::string ReadUtf(ByteReader& in, const char* what) {
  const uint16_t length = in.U16(what);
  return DecodeModifiedUtf8(in.Bytes(length, what));
}

}  // namespace

ResultMetadata DecodeResultMetadata(std::string_view bytes) {
  ByteReader in(bytes);
  ResultMetadata metadata;
  metadata.row_count = in.I64("metadata row count");
  const int32_t field_count = in.I32("metadata field count");
  // Each record is at least four empty UTF strings: 8 bytes.
  in.RequireElements(field_count, 8, "metadata field count");
  metadata.columns.reserve(static_cast<size_t>(field_count));
  for (int32_t i = 0; i < field_count; ++i) {
    ColumnDescriptor column;
    column.name = ReadUtf(in, "column name");
    column.type_name = ReadUtf(in, "column type name");
    column.zone = ReadUtf(in, "column zone");
    column.format = ReadUtf(in, "column format");
    metadata.columns.push_back(std::move(column));
  }
  return metadata;  // trailing bytes are ignored, as the reference does
}

}  // namespace e6odbc::wire
