// Alternative answers to the protocol's open questions (spec §13) that change
// the bytes on the wire. The encoders write the default form; these rewrite an
// encoded metadata block or Chunk the way the chosen alternative would put it,
// so the driver can be tested against each possible engine behaviour.
#pragma once

#include <string>

namespace e6emu {

// §13.6: the row count the result metadata carries.
enum class MetadataRowCount { kTotal, kUnknown, kZero };  // total rows, -1, 0

struct WireQuirks {
  MetadataRowCount metadata_row_count = MetadataRowCount::kTotal;
  bool datetime_as_timestamp = false;  // §13.3: DATETIME travels as TIMESTAMP (10), same timeData members
  bool decimal_without_scale = false;  // §13.4: DECIMAL128 data without its `scale` field

  bool ChangesChunks() const { return datetime_as_timestamp || decimal_without_scale; }
};

// A spec §4 metadata block with the row count and type names the quirks ask for.
std::string RewriteMetadata(const std::string& metadata, const WireQuirks& quirks);

// A serialized Chunk re-encoded with the quirks applied.
std::string RewriteChunk(const std::string& chunk, const WireQuirks& quirks);

}  // namespace e6emu
