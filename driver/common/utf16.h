// UTF-8 <-> UTF-16 transcoding for the W entry points and SQL_C_WCHAR data.
// unixODBC's SQLWCHAR is a 16-bit UTF-16 code unit; these functions use
// char16_t so that nothing below the ODBC layer needs sql.h.
#pragma once

#include <string>
#include <string_view>

namespace e6odbc {

// Invalid UTF-8 sequences become U+FFFD; characters outside the BMP become
// surrogate pairs.
std::u16string Utf8ToUtf16(std::string_view utf8);

// Unpaired surrogates become U+FFFD.
std::string Utf16ToUtf8(std::u16string_view utf16);

// Appends the UTF-8 encoding of one code point (must be <= 0x10FFFF).
void AppendUtf8(char32_t code_point, std::string& out);

}  // namespace e6odbc
