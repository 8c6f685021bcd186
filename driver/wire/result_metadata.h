// Result metadata block (GetResultMetadataResponse.resultMetaData, protocol
// spec §4): Java DataInputStream layout, big-endian, names in (modified) UTF-8
// with 2-byte length prefixes. Pure bytes in, values out: no gRPC, no ODBC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace e6odbc::wire {

struct ColumnDescriptor {
  std::string name;       // UTF-8 (decoded from modified UTF-8)
  std::string type_name;  // as sent, e.g. "LONG", "DECIMAL128"
  std::string zone;       // may be empty
  std::string format;     // may be empty
};

struct ResultMetadata {
  int64_t row_count = 0;  // as sent by the engine (meaning open: spec §13.6)
  std::vector<ColumnDescriptor> columns;
};

// Decodes a whole metadata block. Trailing bytes after the last record are
// ignored (as the reference does). Throws DecodeError on truncation, a negative
// field count or a count larger than the bytes could hold.
ResultMetadata DecodeResultMetadata(std::string_view bytes);

}  // namespace e6odbc::wire
