#include "result_set.h"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "sample_data.h"

namespace e6emu {
namespace {


__extension__ using Int128 = __int128;

// ---- value conversions (independent of the driver's code on purpose) ------------

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "YYYY-MM-DD[ HH:MM:SS[.ffffff]]" -> epoch microseconds (UTC); 0 if malformed.
int64_t ParseMicros(const std::string& text) {
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  char fraction[16] = {};
  const int fields = std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d.%15[0-9]", &year, &month, &day, &hour, &minute,
                                 &second, fraction);
  if (fields < 3) return 0;
  int64_t micros = 0;
  for (int i = 0, scale = 100000; i < 6 && fraction[i] != '\0'; ++i, scale /= 10) micros += (fraction[i] - '0') * scale;
  return (DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * 1000000 + micros;
}

// Exact decimal text rescaled to `scale` (extra digits rounded half away from zero).
Int128 ParseUnscaled(const std::string& text, int32_t scale) {
  Int128 value = 0;
  bool negative = false, point = false;
  int32_t digits_after = 0;
  int round_digit = -1;
  for (char c : text) {
    if (c == '-') negative = true;
    else if (c == '.') point = true;
    else if (c >= '0' && c <= '9') {
      if (point && digits_after == scale) {
        if (round_digit < 0) round_digit = c - '0';
        continue;
      }
      value = value * 10 + (c - '0');
      if (point) ++digits_after;
    }
  }
  for (; digits_after < scale; ++digits_after) value *= 10;
  if (round_digit >= 5) value += 1;
  return negative ? -value : value;
}

Int128 Pow10(int32_t n) {
  Int128 v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

Int128 ToUnscaled(const Cell& cell, int32_t scale) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return static_cast<Int128>(*i) * Pow10(scale);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(scale), *d);  // exact for stored 2-digit money
    return ParseUnscaled(buffer, scale);
  }
  if (const auto* s = std::get_if<std::string>(&cell)) return ParseUnscaled(*s, scale);
  return 0;
}

// 16-byte big-endian two's complement, as Java's BigInteger writes it padded.
std::string DecimalBytes(Int128 value) {
  std::string bytes(16, '\0');
  __extension__ auto bits = static_cast<unsigned __int128>(value);
  for (int i = 15; i >= 0; --i) {
    bytes[static_cast<size_t>(i)] = static_cast<char>(bits & 0xFF);
    bits >>= 8;
  }
  return bytes;
}

int64_t ToInt(const Cell& cell) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return *i;
  if (const auto* d = std::get_if<double>(&cell)) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&cell)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double ToDouble(const Cell& cell) {
  if (const auto* i = std::get_if<int64_t>(&cell)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  if (const auto* s = std::get_if<std::string>(&cell)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string ToText(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", *d);
    return buffer;
  }
  return "";
}

bool IsConstant(const std::vector<Cell>& rows, size_t column, size_t width) {
  for (size_t i = column + width; i < rows.size(); i += width) {
    if (rows[i] != rows[column]) return false;
  }
  return !std::holds_alternative<std::monostate>(rows[column]);
}

EngineType DeriveType(const std::vector<Cell>& rows, size_t column, size_t width, bool& is_blob, bool any_blob) {
  bool ints = false, reals = false, texts = false;
  for (size_t i = column; i < rows.size(); i += width) {
    ints |= std::holds_alternative<int64_t>(rows[i]);
    reals |= std::holds_alternative<double>(rows[i]);
    texts |= std::holds_alternative<std::string>(rows[i]);
  }
  is_blob = any_blob;
  if (any_blob && !ints && !reals) return {VectorType::BINARY};
  if (texts) return {VectorType::STRING};
  if (reals) return {VectorType::DOUBLE};
  if (ints) return {VectorType::LONG};
  return {VectorType::NULL_TYPE};
}

}  // namespace

void AppendJavaUtf(std::string& out, const std::string& utf8) {
  std::string encoded;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0) {
      encoded += "\xC0\x80";
    } else if (c >= 0xF0 && i + 3 < utf8.size()) {
      // A 4-byte sequence becomes a surrogate pair, each as 3 bytes.
      const uint32_t cp = ((c & 0x07u) << 18) | ((utf8[i + 1] & 0x3Fu) << 12) | ((utf8[i + 2] & 0x3Fu) << 6) |
                          (utf8[i + 3] & 0x3Fu);
      const uint32_t v = cp - 0x10000;
      for (const uint32_t unit : {0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)}) {
        encoded += static_cast<char>(0xE0 | (unit >> 12));
        encoded += static_cast<char>(0x80 | ((unit >> 6) & 0x3F));
        encoded += static_cast<char>(0x80 | (unit & 0x3F));
      }
      i += 3;
    } else {
      encoded += static_cast<char>(c);
    }
  }
  const size_t length = encoded.size() > 0xFFFF ? 0xFFFF : encoded.size();
  out += static_cast<char>(length >> 8);
  out += static_cast<char>(length & 0xFF);
  out.append(encoded, 0, length);
}

std::string EncodeDecimal128(const std::string& text, int32_t scale) {
  return DecimalBytes(ParseUnscaled(text, scale));
}

std::string SerializeChunk(const e6x::vectors::Chunk& chunk) {
  // 1 MiB up front: a full batch fits without regrowing (pages never written cost nothing).
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(1u << 20);
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  chunk.write(&protocol);
  return buffer->getBufferAsString();
}

ResultSet ResultSet::Run(sqlite3* db, sqlite3_stmt* stmt) {
  ResultSet result;
  const int width = sqlite3_column_count(stmt);
  std::vector<bool> blobs(static_cast<size_t>(width), false);
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int c = 0; c < width; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER: result.rows_.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c))); break;
        case SQLITE_FLOAT: result.rows_.emplace_back(sqlite3_column_double(stmt, c)); break;
        case SQLITE_TEXT:
          result.rows_.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                                static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          break;
        case SQLITE_BLOB: {
          const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          result.rows_.emplace_back(std::string(data == nullptr ? "" : data, static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          blobs[static_cast<size_t>(c)] = true;
          break;
        }
        default: result.rows_.emplace_back(std::monostate{}); break;
      }
    }
    ++result.row_count_;
  }
  if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
  for (int c = 0; c < width; ++c) {
    ResultColumn column;
    column.name = sqlite3_column_name(stmt, c);
    const char* schema = sqlite3_column_database_name(stmt, c);
    const char* table = sqlite3_column_table_name(stmt, c);
    const char* origin = sqlite3_column_origin_name(stmt, c);
    const std::string declared =
        (schema && table && origin) ? DeclaredType(db, schema, table, origin) : std::string();
    if (auto type = ParseEngineType(declared)) {
      column.type = *type;
    } else {
      column.type = DeriveType(result.rows_, static_cast<size_t>(c), static_cast<size_t>(width), column.is_blob,
                               blobs[static_cast<size_t>(c)]);
      column.constant = column.type.vector_type != VectorType::NULL_TYPE && result.row_count_ > 0 &&
                        IsConstant(result.rows_, static_cast<size_t>(c), static_cast<size_t>(width));
    }
    result.columns_.push_back(std::move(column));
  }
  return result;
}

std::string EncodeMetadata(size_t row_count, const std::vector<ResultColumn>& columns) {
  std::string out;
  const auto append_be = [&out](uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  append_be(static_cast<uint64_t>(row_count), 8);
  append_be(columns.size(), 4);
  for (const ResultColumn& column : columns) {
    AppendJavaUtf(out, column.name);
    AppendJavaUtf(out, std::string(VectorTypeName(column.type.vector_type)));
    AppendJavaUtf(out, "");  // zone
    AppendJavaUtf(out, "");  // format
  }
  return out;
}

std::string ResultSet::EncodeMetadata() const { return e6emu::EncodeMetadata(row_count_, columns_); }

e6x::vectors::Vector ResultSet::EncodeVector(size_t column, size_t first, size_t count) const {
  using e6x::vectors::BoolData, e6x::vectors::Data, e6x::vectors::DateData, e6x::vectors::Decimal128Data,
      e6x::vectors::Float32Data, e6x::vectors::Float64Data, e6x::vectors::Int32Data, e6x::vectors::Int64Data,
      e6x::vectors::NullConstantData, e6x::vectors::TimeData, e6x::vectors::VarcharData, e6x::vectors::Vector;
  const EngineType type = columns_[column].type;
  Vector v;
  v.__set_size(static_cast<int32_t>(count));
  v.__set_vectorType(type.vector_type);
  v.__set_isConstantVector(false);
  Data data;
  if (type.vector_type == VectorType::NULL_TYPE) {
    // Spec §5.3 Rec: nullSet=[true], constant, nullConstantData{0}.
    v.__set_nullSet({true});
    v.__set_isConstantVector(true);
    NullConstantData n;
    n.__set_data(0);
    data.__set_nullConstantData(n);
    v.__set_data(data);
    return v;
  }
  if (columns_[column].constant) {
    // One value for every row (spec §5.3, constant members).
    v.__set_nullSet({false});
    v.__set_isConstantVector(true);
    const Cell& value = At(first, column);
    if (type.vector_type == VectorType::LONG) {
      e6x::vectors::NumericConstantData d;
      d.__set_data(ToInt(value));
      data.__set_numericConstantData(d);
    } else if (type.vector_type == VectorType::DOUBLE) {
      e6x::vectors::NumericDecimalConstantData d;
      d.__set_data(ToDouble(value));
      data.__set_numericDecimalConstantData(d);
    } else {
      e6x::vectors::VarcharConstantData d;
      d.__set_data(ToText(value));
      data.__set_varcharConstantData(d);
    }
    v.__set_data(data);
    return v;
  }
  std::vector<bool> nulls(count);
  for (size_t r = 0; r < count; ++r) nulls[r] = std::holds_alternative<std::monostate>(At(first + r, column));
  v.__set_nullSet(nulls);
  const auto cell = [&](size_t r) -> const Cell& { return At(first + r, column); };
  switch (type.vector_type) {
    case VectorType::LONG: {
      Int64Data d;
      for (size_t r = 0; r < count; ++r) d.data.push_back(ToInt(cell(r)));
      data.__set_int64Data(d);
      break;
    }
    case VectorType::INTEGER: {
      Int32Data d;
      for (size_t r = 0; r < count; ++r) d.data.push_back(static_cast<int32_t>(ToInt(cell(r))));
      data.__set_int32Data(d);
      break;
    }
    case VectorType::DOUBLE: {
      Float64Data d;
      for (size_t r = 0; r < count; ++r) d.data.push_back(ToDouble(cell(r)));
      data.__set_float64Data(d);
      break;
    }
    case VectorType::FLOAT: {
      Float32Data d;  // a 32-bit engine value, widened to double for transport
      for (size_t r = 0; r < count; ++r) d.data.push_back(static_cast<double>(static_cast<float>(ToDouble(cell(r)))));
      data.__set_float32Data(d);
      break;
    }
    case VectorType::BOOLEAN: {
      BoolData d;
      for (size_t r = 0; r < count; ++r) d.data.push_back(ToInt(cell(r)) != 0);
      data.__set_boolData(d);
      break;
    }
    case VectorType::DATE: {
      DateData d;
      for (size_t r = 0; r < count; ++r) {
        const auto* s = std::get_if<std::string>(&cell(r));
        d.data.push_back(s != nullptr ? ParseMicros(s->substr(0, 10)) : 0);
      }
      data.__set_dateData(d);
      break;
    }
    case VectorType::DATETIME:
    case VectorType::TIMESTAMP_TZ: {
      TimeData d;
      std::vector<std::string> zones;
      for (size_t r = 0; r < count; ++r) {
        const auto* s = std::get_if<std::string>(&cell(r));
        const std::string text = s != nullptr ? *s : "";
        const size_t bar = text.find('|');
        d.data.push_back(text.empty() ? 0 : ParseMicros(text.substr(0, bar)));
        zones.push_back(bar == std::string::npos ? "" : text.substr(bar + 1));
      }
      if (type.vector_type == VectorType::TIMESTAMP_TZ) d.__set_zoneData(zones);
      data.__set_timeData(d);
      break;
    }
    case VectorType::DECIMAL128: {
      Decimal128Data d;
      for (size_t r = 0; r < count; ++r) {
        d.data.push_back(nulls[r] ? std::string(16, '\0') : DecimalBytes(ToUnscaled(cell(r), type.scale)));
      }
      d.__set_scale(type.scale);
      data.__set_decimal128Data(d);
      break;
    }
    default: {  // STRING, BINARY, ARRAY, MAP, STRUCT: text (bytes for BINARY)
      VarcharData d;
      for (size_t r = 0; r < count; ++r) d.data.push_back(ToText(cell(r)));
      data.__set_varcharData(d);
      break;
    }
  }
  v.__set_data(data);
  return v;
}

std::string ResultSet::EncodeChunk(size_t first, size_t count) const {
  e6x::vectors::Chunk chunk;
  chunk.__set_size(static_cast<int32_t>(count));
  std::vector<e6x::vectors::Vector> vectors;
  vectors.reserve(columns_.size());
  for (size_t c = 0; c < columns_.size(); ++c) vectors.push_back(EncodeVector(c, first, count));
  chunk.__set_vectors(vectors);
  return SerializeChunk(chunk);
}

}  // namespace e6emu
