// DECIMAL128 payloads of a Chunk (protocol spec §6): a big-endian two's
// complement unscaled integer of 1..16 bytes (Java BigInteger order), or, from
// legacy engines, the value as decimal text. Used by the Chunk decoder; pure
// functions, thread-safe.
#pragma once

#include <string_view>

#include "wire/column_batch.h"

namespace e6odbc::wire {

// Decodes a non-empty binary of 1..16 bytes as a sign-extended big-endian
// two's complement integer ({0xFF} -> -1, {0x00, 0x80} -> 128) with `scale`.
// A longer binary is tried as decimal text (ParseDecimalText; `scale` is then
// ignored). Throws DecodeError for an empty binary (the caller decides what
// empty means) and for a long binary that is not decimal text.
Decimal DecodeDecimal128(std::string_view bytes, int32_t scale);

// Parses decimal text as Java's BigDecimal.toString writes it: optional sign,
// digits with at most one '.', optional exponent ("e"/"E", optional sign, up
// to 4 digits). "-123.45" -> {-12345, 2}; "1.5E+3" -> {1500, 0}; "1E-3" ->
// {1, 3}. Returns false when the text is not such a literal, has more than 38
// significant digits after normalising to a scale in 0..38, or has no digits.
bool ParseDecimalText(std::string_view text, Decimal& out) noexcept;

}  // namespace e6odbc::wire
