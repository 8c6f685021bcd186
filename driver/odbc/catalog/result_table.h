// ResultTable: a result set the driver builds itself — what the catalog
// functions (SQLTables, SQLColumns, SQLGetTypeInfo, ...) return. It serves its
// rows through the same ResultSource interface as an engine query, as one
// in-memory batch, so binding, SQLGetData and every conversion work on it
// unchanged; its columns carry the exact ODBC types the catalog functions'
// result sets define (VARCHAR, SMALLINT, INTEGER).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "convert/sql_type_info.h"
#include "session/result_source.h"

namespace e6odbc::odbc::catalog {

struct ResultColumn {
  std::string name;
  convert::SqlTypeInfo type;  // text, SQL_SMALLINT or SQL_INTEGER
  bool nullable = true;
};

// Column factories. Text columns are SQL_VARCHAR, or SQL_WVARCHAR when the
// connection reports wide strings, with a column size of 128 characters.
ResultColumn TextColumn(std::string name, bool wide_strings, bool nullable = true);
ResultColumn SmallIntColumn(std::string name, bool nullable = true);
ResultColumn IntegerColumn(std::string name, bool nullable = true);

// The 14 columns that describe a column's type, from DATA_TYPE to IS_NULLABLE:
// SQLColumns and SQLProcedureColumns end with the same ones.
std::vector<ResultColumn> TypeDescriptionColumns(bool wide_strings);

// One value: NULL, text or a whole number (for SMALLINT and INTEGER columns).
using Cell = std::variant<std::monostate, std::string, int64_t>;
using Row = std::vector<Cell>;

class ResultTable final : public session::ResultSource {
 public:
  explicit ResultTable(std::vector<ResultColumn> columns);

  // Throws std::logic_error when the row's width or a cell's kind does not
  // match the columns (a driver bug, reported as HY000 at the C ABI).
  void AddRow(Row row);
  // Orders the rows by the values of `keys` (0-based column indexes), NULLs
  // first, as the ODBC catalog functions order their results.
  void SortBy(const std::vector<size_t>& keys);

  const std::vector<ResultColumn>& columns() const noexcept { return columns_; }
  size_t row_count() const noexcept { return rows_.size(); }

  const wire::ResultMetadata& metadata() const override { return metadata_; }
  // Every row in one batch, then the end.
  std::optional<wire::ColumnBatch> NextBatch() override;
  void Close() noexcept override { rows_.clear(); }

 private:
  std::vector<ResultColumn> columns_;
  std::vector<Row> rows_;
  wire::ResultMetadata metadata_;
  bool served_ = false;
};

}  // namespace e6odbc::odbc::catalog
