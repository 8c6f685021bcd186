// Text rendering of one cell, the canonical form behind SQL_C_CHAR and
// SQL_C_WCHAR: exact decimals, ISO dates and timestamps with microseconds,
// booleans as 1/0 (ODBC's SQL_BIT character form), doubles round-trippable.
#pragma once

#include <string>

#include "wire/column_batch.h"

namespace e6odbc::convert {

// Appends the text of row `row` of `column` (which must not be NULL there).
// BINARY appends its raw bytes (hex encoding for SQL_C_CHAR is the converter's job).
void AppendCellText(const wire::ColumnVector& column, size_t row, std::string& out);

// Exact decimal text: "-123.45", "0.01", "100" (scale <= 0 multiplies by 10^-scale).
void AppendDecimalText(wire::Int128 unscaled, int32_t scale, std::string& out);

// "YYYY-MM-DD" (years outside 0..9999 keep their digits and sign).
void AppendDateText(int64_t days_since_epoch, std::string& out);

// "YYYY-MM-DD HH:MM:SS[.ffffff]" (fraction omitted when zero) of a UTC instant.
void AppendTimestampText(int64_t epoch_micros, std::string& out);

// Shortest text that reads back as the same double (%.17g fallback).
void AppendDoubleText(double value, std::string& out);

}  // namespace e6odbc::convert
