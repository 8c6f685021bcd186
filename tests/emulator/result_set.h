// ResultSet: the rows of one executed query, materialised from SQLite, with
// the engine type of each column decided once, and its encoders: the result
// metadata block (protocol spec §4) and Thrift Chunks (§5) built with the
// code generated from e6x_vector.thrift.
//
// Type rule: a column that comes straight from a table column takes that
// column's declared engine type (main._e6_columns); a computed column takes
// its type from SQLite's value types over the whole result: integer -> LONG,
// real (or integer mixed with real) -> DOUBLE, text -> STRING, blob ->
// BINARY, all NULL -> NULL; any other mix -> STRING. A computed column whose
// every row holds the same non-NULL value (`SELECT 1, 'x' FROM t`) travels as a
// constant vector, as the engine sends literals.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "e6x_vector_types.h"
#include "engine_types.h"

namespace e6emu {

using Cell = std::variant<std::monostate, int64_t, double, std::string>;  // blobs are strings too

struct ResultColumn {
  std::string name;
  EngineType type;
  bool is_blob = false;   // the SQLite values were blobs
  bool constant = false;  // a computed column with one value in every row: sent as a constant vector
};

// What an executed query serves: its total row count, its metadata block and
// its rows in batches. ResultSet (SQLite) and SyntheticResult (the `bench`
// schema) implement it.
class QueryResult {
 public:
  virtual ~QueryResult() = default;
  virtual size_t row_count() const = 0;
  virtual std::string EncodeMetadata() const = 0;
  // Rows [first, first + count) as one serialized Chunk.
  virtual std::string EncodeChunk(size_t first, size_t count) const = 0;
};

class ResultSet final : public QueryResult {
 public:
  // Runs `stmt` to completion. Throws std::runtime_error with SQLite's message.
  static ResultSet Run(sqlite3* db, sqlite3_stmt* stmt);

  size_t row_count() const override { return row_count_; }
  const std::vector<ResultColumn>& columns() const { return columns_; }

  std::string EncodeMetadata() const override;
  std::string EncodeChunk(size_t first, size_t count) const override;

 private:
  const Cell& At(size_t row, size_t column) const { return rows_[row * columns_.size() + column]; }
  e6x::vectors::Vector EncodeVector(size_t column, size_t first, size_t count) const;

  std::vector<ResultColumn> columns_;
  std::vector<Cell> rows_;  // row-major
  size_t row_count_ = 0;
};

// The metadata block of spec §4 for `columns` (type names = VectorType names).
std::string EncodeMetadata(size_t row_count, const std::vector<ResultColumn>& columns);

// Exact decimal text ("-123.45") as DECIMAL128 travels: the unscaled value at
// `scale` (extra digits rounded half away from zero) as 16 big-endian bytes
// of two's complement. Text beyond 38 digits wraps; the caller keeps it in range.
std::string EncodeDecimal128(const std::string& text, int32_t scale);

// Serializes a Thrift struct with the binary protocol, no message header.
std::string SerializeChunk(const e6x::vectors::Chunk& chunk);

// Java DataOutputStream.writeUTF: 2-byte length + modified UTF-8.
void AppendJavaUtf(std::string& out, const std::string& utf8);

}  // namespace e6emu
