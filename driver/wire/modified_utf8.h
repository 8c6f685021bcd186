// Java's "modified UTF-8" (DataOutputStream.writeUTF) to standard UTF-8: the
// engine writes result metadata names that way (protocol spec §4).
#pragma once

#include <string>
#include <string_view>

namespace e6odbc::wire {

// C0 80 becomes U+0000; a surrogate pair written as two 3-byte sequences
// becomes one 4-byte sequence. Standard UTF-8 (including 4-byte sequences)
// passes through unchanged. Malformed sequences and unpaired surrogates become
// U+FFFD (EF BF BD), one per offending byte or sequence.
std::string DecodeModifiedUtf8(std::string_view bytes);

}  // namespace e6odbc::wire
