// Java's "modified UTF-8" (DataOutputStream.writeUTF) to standard UTF-8: the
// engine writes result metadata strings that way (protocol spec §4). Called by
// the metadata decoder for every name, type name, zone and format.
#pragma once

#include <string>
#include <string_view>

namespace e6odbc::wire {

// C0 80 becomes U+0000; a surrogate pair written as two 3-byte sequences
// becomes one 4-byte sequence. Standard UTF-8 (including 4-byte sequences)
// passes through unchanged. Invalid input never passes through: a byte that
// does not start a well-formed sequence (stray continuation, bad lead byte,
// truncated or overlong sequence other than C0 80, code point > U+10FFFF)
// becomes one U+FFFD (EF BF BD) and decoding resumes at the next byte; an
// unpaired surrogate (a whole 3-byte sequence) becomes one U+FFFD.
// Pure function, thread-safe; allocates only the result.
std::string DecodeModifiedUtf8(std::string_view bytes);

}  // namespace e6odbc::wire
