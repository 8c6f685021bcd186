#include "odbc/catalog/result_table.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "convert/engine_type_name.h"

namespace e6odbc::odbc::catalog {
namespace {

// Identifier-sized text: what the catalog result sets of most drivers report.
constexpr SQLULEN kNameColumnSize = 128;

bool IsText(const ResultColumn& column) {
  return column.type.sql_type != SQL_SMALLINT && column.type.sql_type != SQL_INTEGER;
}

}  // namespace

ResultColumn TextColumn(std::string name, bool wide_strings, bool nullable) {
  return {std::move(name), convert::DescribeText(SQL_VARCHAR, SQL_WVARCHAR, wide_strings, kNameColumnSize, "STRING"),
          nullable};
}

ResultColumn SmallIntColumn(std::string name, bool nullable) {
  return {std::move(name), convert::DescribeEngineTypeName("smallint", false), nullable};
}

ResultColumn IntegerColumn(std::string name, bool nullable) {
  return {std::move(name), convert::DescribeWireType(wire::VectorType::kInteger, 0, false), nullable};
}

std::vector<ResultColumn> TypeDescriptionColumns(bool wide_strings) {
  const bool w = wide_strings;
  return {SmallIntColumn("DATA_TYPE", false), TextColumn("TYPE_NAME", w, false), IntegerColumn("COLUMN_SIZE"),
          IntegerColumn("BUFFER_LENGTH"), SmallIntColumn("DECIMAL_DIGITS"), SmallIntColumn("NUM_PREC_RADIX"),
          SmallIntColumn("NULLABLE", false), TextColumn("REMARKS", w), TextColumn("COLUMN_DEF", w),
          SmallIntColumn("SQL_DATA_TYPE", false), SmallIntColumn("SQL_DATETIME_SUB"),
          IntegerColumn("CHAR_OCTET_LENGTH"), IntegerColumn("ORDINAL_POSITION", false), TextColumn("IS_NULLABLE", w)};
}

ResultTable::ResultTable(std::vector<ResultColumn> columns) : columns_(std::move(columns)) {
  metadata_.row_count = 0;
  for (const ResultColumn& column : columns_) {
    metadata_.columns.push_back({column.name, IsText(column) ? "STRING" : "INTEGER", "", ""});
  }
}

void ResultTable::AddRow(Row row) {
  if (row.size() != columns_.size()) throw std::logic_error("catalog row width differs from its columns");
  for (size_t c = 0; c < row.size(); ++c) {
    const bool fits = std::holds_alternative<std::monostate>(row[c]) ||
                      (IsText(columns_[c]) ? std::holds_alternative<std::string>(row[c])
                                           : std::holds_alternative<int64_t>(row[c]));
    if (!fits) throw std::logic_error("catalog cell of the wrong kind in column " + columns_[c].name);
  }
  rows_.push_back(std::move(row));
  metadata_.row_count = static_cast<int64_t>(rows_.size());
}

void ResultTable::SortBy(const std::vector<size_t>& keys) {
  std::stable_sort(rows_.begin(), rows_.end(), [&](const Row& a, const Row& b) {
    for (const size_t key : keys) {
      if (a[key] != b[key]) return a[key] < b[key];  // monostate (NULL) sorts first
    }
    return false;
  });
}

std::optional<wire::ColumnBatch> ResultTable::NextBatch() {
  if (served_ || rows_.empty()) return std::nullopt;
  served_ = true;
  // All text goes into one buffer the batch owns; the vectors view into it.
  size_t text_bytes = 0;
  for (const Row& row : rows_) {
    for (const Cell& cell : row) {
      if (const auto* text = std::get_if<std::string>(&cell)) text_bytes += text->size();
    }
  }
  auto storage = std::make_unique<std::string>();
  storage->reserve(text_bytes);
  std::vector<wire::ColumnVector> vectors(columns_.size());
  std::vector<std::vector<std::pair<size_t, size_t>>> spans(columns_.size());  // offset, length per row
  for (size_t c = 0; c < columns_.size(); ++c) {
    wire::ColumnVector& vector = vectors[c];
    vector.type = IsText(columns_[c]) ? wire::VectorType::kString : wire::VectorType::kInteger;
    vector.null_flags.assign(rows_.size(), 0);
    for (size_t r = 0; r < rows_.size(); ++r) {
      const Cell& cell = rows_[r][c];
      vector.null_flags[r] = std::holds_alternative<std::monostate>(cell) ? 1 : 0;
      if (vector.type == wire::VectorType::kInteger) {
        const auto* number = std::get_if<int64_t>(&cell);
        vector.int64_values.push_back(number != nullptr ? *number : 0);
      } else {
        const auto* text = std::get_if<std::string>(&cell);
        spans[c].emplace_back(storage->size(), text != nullptr ? text->size() : 0);
        if (text != nullptr) storage->append(*text);
      }
    }
  }
  // The buffer no longer grows: views into it stay valid.
  for (size_t c = 0; c < columns_.size(); ++c) {
    for (const auto& [offset, length] : spans[c]) {
      vectors[c].text_values.push_back(std::string_view(*storage).substr(offset, length));
    }
  }
  return wire::ColumnBatch::FromColumns(rows_.size(), std::move(vectors), std::move(storage));
}

}  // namespace e6odbc::odbc::catalog
