#include "convert/parameter_literal.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "common/driver_error.h"
#include "common/text.h"
#include "common/utf16.h"
#include "convert/sql_type_info.h"

namespace e6odbc::convert {
namespace {

enum class Kind { kNumber, kText };  // what the C value is before the SQL type is applied

struct Rendered {
  Kind kind;
  std::string text;
};

template <typename T>
T Read(const void* data) {
  T value;
  std::memcpy(&value, data, sizeof value);
  return value;
}

template <typename T>
Rendered Integer(const void* data) {
  return {Kind::kNumber, std::to_string(Read<T>(data))};
}

template <typename T>
Rendered Floating(const void* data) {
  const T value = Read<T>(data);
  if (!std::isfinite(value)) throw DriverError("22003", "numeric value out of range: a NaN or infinite parameter has no SQL literal");
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round-trip form
  return {Kind::kNumber, std::string(buffer, result.ptr)};
}

std::string Digits(const char* format, int value, int width = 0) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, width, value);
  return buffer;
}

std::string DateText(const SQL_DATE_STRUCT& d) {
  return Digits("%0*d", d.year, 4) + "-" + Digits("%0*d", d.month, 2) + "-" + Digits("%0*d", d.day, 2);
}

std::string TimeText(SQLUSMALLINT hour, SQLUSMALLINT minute, SQLUSMALLINT second) {
  return Digits("%0*d", hour, 2) + ":" + Digits("%0*d", minute, 2) + ":" + Digits("%0*d", second, 2);
}

__extension__ using UInt128 = unsigned __int128;

// SQL_NUMERIC_STRUCT: a 128-bit little-endian magnitude, a sign (1 positive) and a scale.
std::string NumericText(const SQL_NUMERIC_STRUCT& n) {
  UInt128 magnitude = 0;
  for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; --i) magnitude = (magnitude << 8) | n.val[i];
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  const int scale = n.scale;
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale)) digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  } else if (scale < 0) {
    if (digits != "0") digits.append(static_cast<size_t>(-scale), '0');
  }
  return (n.sign == 0 && digits.find_first_not_of("0.") != std::string::npos ? "-" : "") + digits;
}

// The bytes of a character or binary parameter.
std::string_view Bytes(const ParameterValue& v, bool wide) {
  const char* chars = static_cast<const char*>(v.data);
  if (v.length == SQL_NTS) {
    if (!wide) return std::string_view(chars);
    size_t units = 0;
    while (Read<char16_t>(chars + units * 2) != 0) ++units;
    return std::string_view(chars, units * 2);
  }
  return std::string_view(chars, static_cast<size_t>(v.length));
}

Rendered FromC(const ParameterValue& v) {
  switch (v.c_type) {
    case SQL_C_CHAR: return {Kind::kText, std::string(Bytes(v, false))};
    case SQL_C_BINARY: return {Kind::kText, std::string(Bytes(v, false))};
    case SQL_C_WCHAR: {
      const std::string_view bytes = Bytes(v, true);
      std::u16string utf16(bytes.size() / 2, u'\0');
      std::memcpy(utf16.data(), bytes.data(), utf16.size() * 2);
      return {Kind::kText, Utf16ToUtf8(utf16)};
    }
    case SQL_C_STINYINT:
    case SQL_C_TINYINT: return Integer<signed char>(v.data);
    case SQL_C_UTINYINT: return Integer<unsigned char>(v.data);
    case SQL_C_SSHORT:
    case SQL_C_SHORT: return Integer<SQLSMALLINT>(v.data);
    case SQL_C_USHORT: return Integer<SQLUSMALLINT>(v.data);
    case SQL_C_SLONG:
    case SQL_C_LONG: return Integer<SQLINTEGER>(v.data);
    case SQL_C_ULONG: return Integer<SQLUINTEGER>(v.data);
    case SQL_C_SBIGINT: return Integer<SQLBIGINT>(v.data);
    case SQL_C_UBIGINT: return Integer<SQLUBIGINT>(v.data);
    case SQL_C_BIT: return {Kind::kNumber, Read<unsigned char>(v.data) != 0 ? "1" : "0"};
    case SQL_C_FLOAT: return Floating<float>(v.data);
    case SQL_C_DOUBLE: return Floating<double>(v.data);
    case SQL_C_NUMERIC: return {Kind::kNumber, NumericText(Read<SQL_NUMERIC_STRUCT>(v.data))};
    case SQL_C_DATE:
    case SQL_C_TYPE_DATE: return {Kind::kText, DateText(Read<SQL_DATE_STRUCT>(v.data))};
    case SQL_C_TIME:
    case SQL_C_TYPE_TIME: {
      const auto t = Read<SQL_TIME_STRUCT>(v.data);
      return {Kind::kText, TimeText(t.hour, t.minute, t.second)};
    }
    case SQL_C_TIMESTAMP:
    case SQL_C_TYPE_TIMESTAMP: {
      const auto ts = Read<SQL_TIMESTAMP_STRUCT>(v.data);
      const SQL_DATE_STRUCT date{ts.year, ts.month, ts.day};
      return {Kind::kText, DateText(date) + " " + TimeText(ts.hour, ts.minute, ts.second) + "." +
                               Digits("%0*d", static_cast<int>(ts.fraction / 1000 % 1000000), 6)};
    }
    case SQL_C_GUID: {
      const auto g = Read<SQLGUID>(v.data);
      char buffer[40];
      std::snprintf(buffer, sizeof buffer, "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X",
                    static_cast<unsigned>(g.Data1), g.Data2, g.Data3, g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3],
                    g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]);
      return {Kind::kText, buffer};
    }
    default:
      throw DriverError("07006", "restricted data type attribute violation: a parameter of C type " +
                                     std::to_string(v.c_type) + " cannot be written as an SQL literal");
  }
}

// [+-]digits[.digits][e[+-]digits], or [+-].digits...: what may go into SQL unquoted.
bool IsNumberText(std::string_view text) {
  size_t i = 0;
  const auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  size_t count = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    count += digits();
  }
  if (count == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

// Invalid sequences would come back as U+FFFD: a round trip that changes nothing means UTF-8.
bool IsValidUtf8(std::string_view text) { return Utf16ToUtf8(Utf8ToUtf16(text)) == text; }

std::string Quoted(std::string_view text) {
  std::string out = "'";
  out.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string SqlLiteral(const ParameterValue& value) {
  if (value.length == SQL_NULL_DATA) return "NULL";
  if (value.length == SQL_DATA_AT_EXEC || value.length <= SQL_LEN_DATA_AT_EXEC_OFFSET) {
    throw DriverError("HYC00", "optional feature not implemented: parameters sent at execution (SQLPutData)");
  }
  if (value.length < 0 && value.length != SQL_NTS) {
    throw DriverError("HY090", "invalid string or buffer length " + std::to_string(value.length) + " for a parameter");
  }
  if (value.data == nullptr) throw DriverError("HY009", "invalid use of null pointer: a parameter has no value buffer");
  const Rendered rendered = FromC(value);
  if (value.sql_type == SQL_BIT) {
    const std::string_view text = Trim(rendered.text);
    if (text == "1" || EqualsIgnoreCase(text, "true")) return "TRUE";
    if (text == "0" || EqualsIgnoreCase(text, "false")) return "FALSE";
    throw DriverError("22018", "invalid character value for cast: '" + std::string(text) + "' is not a boolean");
  }
  if (IsNumericSqlType(value.sql_type)) {
    const std::string_view text = Trim(rendered.text);
    if (!IsNumberText(text)) {
      throw DriverError("22018", "invalid character value for cast: '" + std::string(text) + "' is not a number");
    }
    return std::string(text);
  }
  if (value.c_type == SQL_C_BINARY && !IsValidUtf8(rendered.text)) {
    throw DriverError("22018", "invalid character value for cast: a binary parameter is not UTF-8 text "
                               "(e6data's client sends bytes as text)");
  }
  return Quoted(rendered.text);
}

SQLSMALLINT DefaultCTypeForSqlType(SQLSMALLINT sql_type) noexcept {
  switch (sql_type) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_DECIMAL: case SQL_NUMERIC: return SQL_C_CHAR;
    case SQL_WCHAR: case SQL_WVARCHAR: case SQL_WLONGVARCHAR: return SQL_C_WCHAR;
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT: case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return SQL_C_BINARY;
    case SQL_TYPE_DATE: case SQL_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME: case SQL_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_GUID: return SQL_C_GUID;
    default: return 0;
  }
}

}  // namespace e6odbc::convert
