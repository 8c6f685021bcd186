#include "odbc/statement.h"

#include <algorithm>
#include <cstring>

#include "common/driver_error.h"
#include "convert/converters.h"
#include "convert/sql_type_info.h"
#include "odbc/catalog/catalog_functions.h"
#include "odbc/catalog/result_table.h"
#include "odbc/connection.h"
#include "odbc/bound_buffers.h"
#include "odbc/sql_escapes.h"
#include "odbc/sql_lexer.h"
#include "session/catalog_calls.h"
#include "session/query.h"
#include "session/session.h"

namespace e6odbc::odbc {

// One Query per statement, for the statement's whole life: it remembers the
// previous engineIP for the next prepare's plannerip header (spec §3.5), and
// SQLCancel can reach it from another thread without racing its creation.
Statement::Statement(Connection& connection)
    : Handle(kKind), connection_(connection), query_(connection.session().NewQuery()) {}

Statement::~Statement() { ReleaseQuery(); }

// ---- execution -------------------------------------------------------------------

session::ResultSource& Statement::source() noexcept {
  if (table_) return *table_;
  return *query_;
}

void Statement::ReleaseQuery() noexcept {
  if (query_) query_->Close();
  table_.reset();
  batch_.reset();
  next_row_ = 0;
  at_end_ = false;
  scale_warning_given_ = false;
  has_current_row_ = false;
  rows_delivered_ = 0;
  getdata_column_ = 0;
}

template <typename Body>
SQLRETURN Statement::RunOperation(Body&& body) {
  const session::Operation operation(query_->control(), std::chrono::seconds(query_timeout_));
  try {
    return body();
  } catch (const DriverError& error) {
    // The driver manager considers the cursor closed after SQLCancel (see Cancel()).
    if (error.sqlstate() == "HY008") CloseCursor(false);
    throw;
  }
}

SQLRETURN Statement::Prepare(const std::string& sql) {
  return RunOperation([&] { return PrepareText(sql); });
}

SQLRETURN Statement::PrepareText(const std::string& sql) {
  if (state_ == State::kCursorOpen) throw DriverError("24000", "invalid cursor state: a cursor is open");
  ReleaseQuery();
  sql_ = noscan_ == SQL_NOSCAN_ON ? sql : TranslateEscapes(sql);
  markers_ = ParameterMarkers(sql_);
  state_ = State::kAllocated;
  // With parameters the text is only complete at execution: nothing to send yet.
  if (markers_.empty()) query_->Prepare(sql_);
  state_ = State::kPrepared;
  prepared_query_fresh_ = markers_.empty();
  executed_early_ = false;
  ird_.Truncate(0);
  return SQL_SUCCESS;
}

SQLRETURN Statement::Execute() {
  if (state_ == State::kAllocated) throw DriverError("HY010", "function sequence error: no prepared statement");
  if (executed_early_) {  // a metadata call already ran it; hand over that cursor
    executed_early_ = false;
    return SQL_SUCCESS;
  }
  if (state_ == State::kCursorOpen) throw DriverError("24000", "invalid cursor state: a cursor is open");
  return RunOperation([&] {
    RunQuery();
    return SQL_SUCCESS;
  });
}

SQLRETURN Statement::ExecDirect(const std::string& sql) {
  return RunOperation([&] {
    PrepareText(sql);
    RunQuery();
    return SQL_SUCCESS;
  });
}

SQLRETURN Statement::Cancel() {
  std::unique_lock<std::recursive_mutex> idle(mutex(), std::try_to_lock);
  if (idle.owns_lock()) {
    // No function is running. ODBC 3 says "no effect", but unixODBC treats a
    // successful SQLCancel as SQLFreeStmt(SQL_CLOSE) and closes the cursor in
    // its own state machine; closing ours too keeps the two in step and frees
    // the server query.
    return CloseCursor(false);
  }
  query_->control().Cancel();  // the running function fails with HY008
  return SQL_SUCCESS;
}


void Statement::RunQuery() {
  try {
    // A query id serves one execution: re-executing prepares the text again.
    if (!prepared_query_fresh_) query_->Prepare(ExecutableText());
    prepared_query_fresh_ = false;
    query_->Execute();
    ReportParameterSet(SQL_PARAM_SUCCESS);
    state_ = State::kCursorOpen;
    const int64_t reported = query_->metadata().row_count;
    row_count_ = reported >= 0 ? reported : -1;
    DescribeResults();
  } catch (...) {
    // A failed execution leaves no cursor (the driver manager agrees): free
    // the server query now rather than when the statement is next used or freed.
    ReportParameterSet(SQL_PARAM_ERROR);
    ReleaseQuery();
    if (state_ == State::kCursorOpen) state_ = State::kPrepared;
    throw;
  }
}

void Statement::DescribeResults() {
  // The first batch tells DECIMAL128 scales (metadata only says DECIMAL128);
  // reading it now also surfaces a failing query at execute time.
  HasRow();
  const wire::ResultMetadata& metadata = source().metadata();
  ird_.Truncate(0);
  default_c_types_.clear();
  for (size_t i = 0; i < metadata.columns.size(); ++i) {
    const wire::ColumnDescriptor& column = metadata.columns[i];
    convert::SqlTypeInfo info{};
    SQLSMALLINT nullable = SQL_NULLABLE;  // result metadata carries no nullability
    if (table_) {
      info = table_->columns()[i].type;
      nullable = table_->columns()[i].nullable ? SQL_NULLABLE : SQL_NO_NULLS;
    } else {
      wire::VectorType type = wire::VectorTypeFromName(column.type_name).value_or(wire::VectorType::kString);
      int32_t scale = 0;
      if (batch_ && i < batch_->columns().size()) {
        const wire::ColumnVector& vector = batch_->columns()[i];
        if (!wire::VectorTypeFromName(column.type_name)) type = vector.type;
        if (!vector.decimal_values.empty()) scale = vector.decimal_values.front().scale;
      }
      info = convert::DescribeWireType(type, scale, connection_.wide_strings(), connection_.string_column_size());
    }
    default_c_types_.push_back(info.default_c_type);
    DescriptorRecord& r = ird_.Record(static_cast<SQLSMALLINT>(i + 1));
    SetConciseType(r, info.sql_type);
    r.name = column.name;
    r.type_name = std::string(info.type_name);
    r.length = info.column_size;
    r.precision = static_cast<SQLSMALLINT>(info.column_size);
    r.scale = info.decimal_digits;
    r.octet_length = info.octet_length;
    r.display_size = info.display_size;
    r.num_prec_radix = info.num_prec_radix;
    r.is_unsigned = info.is_unsigned ? SQL_TRUE : SQL_FALSE;
    r.nullable = nullable;
    r.case_sensitive = (info.sql_type == SQL_VARCHAR || info.sql_type == SQL_WVARCHAR) ? SQL_TRUE : SQL_FALSE;
    r.searchable = SQL_PRED_SEARCHABLE;
  }
}

SQLRETURN Statement::RunCatalogFunction(const CatalogBuilder& build) {
  if (state_ == State::kCursorOpen) throw DriverError("24000", "invalid cursor state: a cursor is open");
  return RunOperation([&] {
    ReleaseQuery();
    sql_.clear();
    markers_.clear();
    state_ = State::kAllocated;
    executed_early_ = false;
    prepared_query_fresh_ = false;
    ird_.Truncate(0);
    catalog::CatalogScope scope;
    scope.connection_catalog = connection_.session().catalog();
    scope.metadata_id = metadata_id_ == SQL_TRUE;
    scope.wide_strings = connection_.wide_strings();
    scope.string_column_size = connection_.string_column_size();
    session::CatalogCalls calls(connection_.session(), query_->control());
    table_ = std::make_unique<catalog::ResultTable>(build(calls, scope));
    row_count_ = static_cast<int64_t>(table_->row_count());
    state_ = State::kCursorOpen;
    DescribeResults();
    return SQL_SUCCESS;
  });
}

void Statement::RequireResults(const char* function) {
  if (state_ == State::kAllocated) {
    throw DriverError("HY010", std::string("function sequence error: ") + function + " before SQLPrepare or SQLExecDirect");
  }
  if (state_ == State::kPrepared) {
    // Describing a prepared statement needs its result metadata, which the
    // engine only produces on execution: execute now, SQLExecute reuses it.
    RunOperation([&] {
      RunQuery();
      return SQL_SUCCESS;
    });
    executed_early_ = true;
  }
}

// ---- metadata ------------------------------------------------------------------------

SQLRETURN Statement::NumResultCols(SQLSMALLINT* count) {
  RequireResults("SQLNumResultCols");
  return StoreValue<SQLSMALLINT>(count, ird_.count());
}

SQLRETURN Statement::DescribeCol(SQLUSMALLINT column, OutText name, SQLSMALLINT* name_length, SQLSMALLINT* data_type,
                                 SQLULEN* column_size, SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable) {
  RequireResults("SQLDescribeCol");
  const DescriptorRecord* r = ird_.Find(static_cast<SQLSMALLINT>(column));
  if (r == nullptr) throw DriverError("07009", "invalid descriptor index: column " + std::to_string(column));
  StoreLength(name_length, name.Write(r->name));
  if (name.truncated()) diagnostics().Add("01004", "string data, right truncated: column name");
  StoreLength(data_type, r->concise_type);
  StoreLength(column_size, static_cast<SQLLEN>(r->length));
  StoreLength(decimal_digits, r->scale);
  StoreLength(nullable, r->nullable);
  return SQL_SUCCESS;
}

SQLRETURN Statement::ColAttribute(SQLUSMALLINT column, SQLUSMALLINT field, OutText text, SQLSMALLINT* string_length,
                                  SQLLEN* numeric) {
  RequireResults("SQLColAttribute");
  if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) return StoreValue<SQLLEN>(numeric, ird_.count());
  const DescriptorRecord* r = ird_.Find(static_cast<SQLSMALLINT>(column));
  if (r == nullptr) throw DriverError("07009", "invalid descriptor index: column " + std::to_string(column));
  const auto put_text = [&](const std::string& value) {
    StoreLength(string_length, text.Write(value));
    if (text.truncated()) diagnostics().Add("01004", "string data, right truncated");
    return SQL_SUCCESS;
  };
  switch (field) {
    case SQL_DESC_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_BASE_COLUMN_NAME:
    case SQL_COLUMN_NAME: return put_text(r->name);
    case SQL_DESC_TYPE_NAME:
    case SQL_DESC_LOCAL_TYPE_NAME: return put_text(r->type_name);
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LITERAL_PREFIX:
    case SQL_DESC_LITERAL_SUFFIX: return put_text("");
    case SQL_DESC_TYPE:
    case SQL_DESC_CONCISE_TYPE:  // also SQL_COLUMN_TYPE
      return StoreValue<SQLLEN>(numeric, field == SQL_DESC_TYPE ? r->type : r->concise_type);
    case SQL_DESC_LENGTH:
    case SQL_COLUMN_PRECISION:
    case SQL_DESC_PRECISION: return StoreValue<SQLLEN>(numeric, static_cast<SQLLEN>(r->length));
    case SQL_COLUMN_LENGTH:
    case SQL_DESC_OCTET_LENGTH: return StoreValue<SQLLEN>(numeric, r->octet_length);
    case SQL_DESC_SCALE:
    case SQL_COLUMN_SCALE: return StoreValue<SQLLEN>(numeric, r->scale);
    case SQL_DESC_DISPLAY_SIZE: return StoreValue<SQLLEN>(numeric, r->display_size);
    case SQL_DESC_NULLABLE:
    case SQL_COLUMN_NULLABLE: return StoreValue<SQLLEN>(numeric, r->nullable);
    case SQL_DESC_UNSIGNED: return StoreValue<SQLLEN>(numeric, r->is_unsigned);
    case SQL_DESC_NUM_PREC_RADIX: return StoreValue<SQLLEN>(numeric, r->num_prec_radix);
    case SQL_DESC_FIXED_PREC_SCALE: return StoreValue<SQLLEN>(numeric, r->fixed_prec_scale);
    case SQL_DESC_CASE_SENSITIVE: return StoreValue<SQLLEN>(numeric, r->case_sensitive);
    case SQL_DESC_SEARCHABLE: return StoreValue<SQLLEN>(numeric, r->searchable);
    case SQL_DESC_UPDATABLE: return StoreValue<SQLLEN>(numeric, r->updatable);
    case SQL_DESC_AUTO_UNIQUE_VALUE: return StoreValue<SQLLEN>(numeric, SQL_FALSE);
    case SQL_DESC_UNNAMED: return StoreValue<SQLLEN>(numeric, r->name.empty() ? SQL_UNNAMED : SQL_NAMED);
    default:
      throw DriverError("HY091", "invalid descriptor field identifier " + std::to_string(field));
  }
}

SQLRETURN Statement::RowCount(SQLLEN* count) {
  if (state_ != State::kCursorOpen) throw DriverError("HY010", "function sequence error: no executed statement");
  return StoreValue<SQLLEN>(count, static_cast<SQLLEN>(row_count_));
}

// ---- fetching --------------------------------------------------------------------------

SQLRETURN Statement::BindCol(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                             SQLLEN* indicator) {
  if (!IsKnownCType(c_type)) throw DriverError("HY003", "invalid application buffer type " + std::to_string(c_type));
  if (buffer_length < 0) throw DriverError("HY090", "invalid string or buffer length " + std::to_string(buffer_length));
  if (column == 0) throw DriverError("07009", "bookmark columns are not supported");
  if (data == nullptr && indicator == nullptr) {  // unbinds the column
    if (column <= ard_.count()) {
      DescriptorRecord& r = ard_.Record(static_cast<SQLSMALLINT>(column));
      r = DescriptorRecord{};
      ard_.TrimUnbound();
    }
    return SQL_SUCCESS;
  }
  BindBuffer(ard_.Record(static_cast<SQLSMALLINT>(column)), c_type, data, buffer_length, indicator);
  return SQL_SUCCESS;
}

bool Statement::HasRow() {
  while (!batch_ || next_row_ >= batch_->row_count()) {
    if (at_end_) return false;
    batch_.reset();  // release the previous batch before the next arrives
    next_row_ = 0;
    std::optional<wire::ColumnBatch> next = source().NextBatch();
    if (!next) {
      at_end_ = true;
      source().Close();  // free the server query as soon as everything was read
      return false;
    }
    batch_ = std::move(next);
    WarnOfMissingDecimalScales();
  }
  return true;
}

void Statement::WarnOfMissingDecimalScales() {
  if (scale_warning_given_) return;
  const auto& columns = batch_->columns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].decimal_scale_missing) continue;
    const auto& described = source().metadata().columns;
    const std::string name = i < described.size() ? " (" + described[i].name + ")" : "";
    diagnostics().Add("01000", "general warning: the DECIMAL128 values of column " + std::to_string(i + 1) + name +
                                   " arrived without their scale (protocol spec §13.4) and are read as whole "
                                   "numbers; they may be off by a power of ten");
    scale_warning_given_ = true;  // once per result: the next batches are alike
  }
}

convert::RunConverter Statement::ConverterFor(const wire::ColumnVector& vector, SQLUSMALLINT column,
                                              SQLSMALLINT& c_type) const {
  if (c_type == SQL_C_DEFAULT) {
    // The default for the column's SQL type as described (a catalog SMALLINT
    // travels in an INTEGER vector); a column the metadata did not describe
    // gets its wire type's.
    c_type = column >= 1 && column <= default_c_types_.size()
                 ? default_c_types_[column - 1]
                 : convert::DescribeWireType(vector.type, 0, connection_.wide_strings()).default_c_type;
  }
  const convert::RunConverter converter = convert::FindConverter(vector.type, c_type);
  if (converter == nullptr) {
    throw DriverError("07006", "restricted data type attribute violation: column " + std::to_string(column) + " (" +
                                   std::string(wire::VectorTypeName(vector.type)) + ") cannot be converted to C type " +
                                   std::to_string(c_type));
  }
  return converter;
}

convert::Target Statement::BoundTarget(const DescriptorRecord& binding, SQLSMALLINT c_type, size_t rowset_row) const {
  // Column-wise binding strides by the value (or buffer) size and by one
  // SQLLEN; row-wise binding strides both by the row structure's size.
  const size_t fixed = convert::FixedSizeOf(c_type);
  const bool row_wise = ard_.bind_type != SQL_BIND_BY_COLUMN;
  convert::Target target;
  target.c_type = c_type;
  target.buffer_length = fixed != 0 ? static_cast<SQLLEN>(fixed) : binding.octet_length;
  target.data_stride = row_wise ? ard_.bind_type : (fixed != 0 ? fixed : static_cast<size_t>(binding.octet_length));
  target.indicator_stride = row_wise ? ard_.bind_type : sizeof(SQLLEN);
  target.precision = binding.precision;
  target.scale = binding.scale;
  target.leading_precision = binding.datetime_interval_precision;
  // The bind offset applies to every pointer; then move to `rowset_row`.
  const SQLLEN offset = ard_.bind_offset_ptr != nullptr ? *ard_.bind_offset_ptr : 0;
  const auto row_data = static_cast<SQLLEN>(rowset_row * target.data_stride);
  const auto row_indicator = static_cast<SQLLEN>(rowset_row * target.indicator_stride);
  target.data = Offset(static_cast<char*>(binding.data_ptr), offset + row_data);
  target.indicator = Offset(binding.indicator_ptr, offset + row_indicator);
  target.octet_length = Offset(binding.octet_length_ptr, offset + row_indicator);
  return target;
}

bool Statement::RecordIssues(const convert::CellIssues& issues, size_t first_rowset_row, SQLSMALLINT column) {
  SQLUSMALLINT* status = ird_.array_status_ptr;
  bool any_error = false;
  for (const convert::CellIssue& issue : issues) {
    const size_t rowset_row = first_rowset_row + issue.row;
    diagnostics().Add(issue.sqlstate, issue.message, 0, static_cast<SQLLEN>(rowset_row + 1), column);
    if (status != nullptr) {
      SQLUSMALLINT& s = status[rowset_row];
      if (issue.is_error) {
        s = SQL_ROW_ERROR;
      } else if (s != SQL_ROW_ERROR) {
        s = SQL_ROW_SUCCESS_WITH_INFO;
      }
    }
    any_error = any_error || issue.is_error;
  }
  return any_error;
}

SQLRETURN Statement::Fetch(SQLSMALLINT orientation) {
  if (orientation != SQL_FETCH_NEXT) throw DriverError("HY106", "fetch type out of range: the cursor is forward-only");
  if (state_ != State::kCursorOpen) throw DriverError("24000", "invalid cursor state: no open cursor");
  return RunOperation([&] { return FetchRowset(); });
}

SQLRETURN Statement::FetchRowset() {
  executed_early_ = false;
  has_current_row_ = false;
  getdata_column_ = 0;
  const SQLULEN rowset_size = ard_.array_size;
  SQLUSMALLINT* status = ird_.array_status_ptr;
  size_t fetched = 0;
  bool any_error = false;
  while (fetched < rowset_size && (max_rows_ == 0 || rows_delivered_ < max_rows_) && HasRow()) {
    size_t run = std::min<size_t>(rowset_size - fetched, batch_->row_count() - next_row_);
    if (max_rows_ != 0) run = std::min<size_t>(run, max_rows_ - rows_delivered_);
    const auto& columns = batch_->columns();
    if (status != nullptr) std::fill(status + fetched, status + fetched + run, SQLUSMALLINT{SQL_ROW_SUCCESS});
    for (SQLSMALLINT c = 1; c <= ard_.count(); ++c) {
      const DescriptorRecord& binding = *ard_.Find(c);
      if (!binding.bound()) continue;
      if (static_cast<size_t>(c) > columns.size()) {
        throw DriverError("07009", "invalid descriptor index: column " + std::to_string(c) + " is bound but the result has " +
                                       std::to_string(columns.size()) + " columns");
      }
      const wire::ColumnVector& vector = columns[static_cast<size_t>(c) - 1];
      SQLSMALLINT c_type = binding.concise_type;
      const convert::RunConverter converter = ConverterFor(vector, static_cast<SQLUSMALLINT>(c), c_type);
      convert::CellIssues issues;
      converter(vector, next_row_, run, BoundTarget(binding, c_type, fetched), issues);
      any_error = RecordIssues(issues, fetched, c) || any_error;
    }
    current_row_ = next_row_;  // SQLGetData reads the first row of a one-row rowset
    next_row_ += run;
    fetched += run;
    rows_delivered_ += run;
  }
  has_current_row_ = fetched > 0 && rowset_size == 1;
  if (status != nullptr) {
    for (size_t i = fetched; i < rowset_size; ++i) status[i] = SQL_ROW_NOROW;
  }
  if (ird_.rows_processed_ptr != nullptr) *ird_.rows_processed_ptr = fetched;
  if (fetched == 0) return SQL_NO_DATA;
  // A cell error fails a one-row fetch; in a block it only marks its row.
  if (any_error && rowset_size == 1) return SQL_ERROR;
  return SQL_SUCCESS;
}

const wire::ColumnVector& Statement::CurrentColumn(SQLUSMALLINT column) {
  if (state_ != State::kCursorOpen) throw DriverError("24000", "invalid cursor state: no open cursor");
  if (ard_.array_size != 1) throw DriverError("HYC00", "SQLGetData with a rowset size above 1 is not supported");
  if (!has_current_row_) throw DriverError("24000", "invalid cursor state: no current row (call SQLFetch first)");
  if (column == 0 || column > batch_->columns().size()) {
    throw DriverError("07009", "invalid descriptor index: column " + std::to_string(column));
  }
  return batch_->columns()[column - 1];
}

SQLRETURN Statement::GetData(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                             SQLLEN* indicator) {
  const wire::ColumnVector& vector = CurrentColumn(column);
  if (!IsKnownCType(c_type) && c_type != SQL_ARD_TYPE) {
    throw DriverError("HY003", "invalid application buffer type " + std::to_string(c_type));
  }
  if (buffer_length < 0) throw DriverError("HY090", "invalid string or buffer length " + std::to_string(buffer_length));
  // SQL_ARD_TYPE takes type, precision, scale and interval precision from the
  // ARD record; any other type uses ODBC's defaults for it.
  DescriptorRecord defaults;
  const DescriptorRecord* ard_record = &defaults;
  if (c_type == SQL_ARD_TYPE) {
    const DescriptorRecord* r = ard_.Find(static_cast<SQLSMALLINT>(column));
    if (r != nullptr) ard_record = r;
    c_type = ard_record->concise_type;
  } else {
    SetConciseType(defaults, c_type);
  }
  const convert::RunConverter converter = ConverterFor(vector, column, c_type);
  if (column != getdata_column_) {  // moving to another column restarts piecewise reading
    getdata_column_ = column;
    getdata_offset_ = 0;
  }
  convert::Target target;
  target.c_type = c_type;
  target.data = static_cast<char*>(data);
  target.buffer_length = buffer_length;
  target.indicator = indicator;
  target.octet_length = indicator;
  target.precision = ard_record->precision;
  target.scale = ard_record->scale;
  target.leading_precision = ard_record->datetime_interval_precision;
  convert::CellIssues issues;
  SQLRETURN rc = SQL_SUCCESS;
  if (vector.IsNull(current_row_)) {
    if (getdata_offset_ != 0) return SQL_NO_DATA;
    if (indicator == nullptr) throw DriverError("22002", "indicator variable required but not supplied: column " + std::to_string(column) + " is NULL");
    *indicator = SQL_NULL_DATA;
    getdata_offset_ = 1;
    return SQL_SUCCESS;
  }
  if (convert::IsPiecewise(c_type)) {
    rc = convert::GetPiece(vector, current_row_, target, getdata_offset_, issues);
    if (rc == SQL_NO_DATA) return SQL_NO_DATA;
  } else {
    if (getdata_offset_ != 0) return SQL_NO_DATA;  // fixed-size values are returned once
    converter(vector, current_row_, 1, target, issues);
    getdata_offset_ = 1;
  }
  for (const convert::CellIssue& issue : issues) {
    if (issue.is_error) throw DriverError(issue.sqlstate, issue.message);
    diagnostics().Add(issue.sqlstate, issue.message, 0, 1, static_cast<SQLINTEGER>(column));
  }
  return SQL_SUCCESS;
}

// ---- closing -----------------------------------------------------------------------------

SQLRETURN Statement::CloseCursor(bool must_be_open) {
  if (state_ != State::kCursorOpen) {
    if (must_be_open) throw DriverError("24000", "invalid cursor state: no open cursor");
    return SQL_SUCCESS;
  }
  ReleaseQuery();
  executed_early_ = false;
  // A prepared statement can be executed again; a catalog result leaves none.
  state_ = sql_.empty() ? State::kAllocated : State::kPrepared;
  return SQL_SUCCESS;
}

SQLRETURN Statement::FreeStmt(SQLUSMALLINT option) {
  switch (option) {
    case SQL_CLOSE: return CloseCursor(false);
    case SQL_UNBIND: ard_.Truncate(0); return SQL_SUCCESS;
    case SQL_RESET_PARAMS: apd_.Truncate(0); ipd_.Truncate(0); return SQL_SUCCESS;
    default: throw DriverError("HY092", "invalid SQLFreeStmt option " + std::to_string(option));
  }
}

SQLRETURN Statement::MoreResults() {
  // One result set per statement: closing it leaves nothing more.
  if (state_ == State::kCursorOpen) CloseCursor(false);
  return SQL_NO_DATA;
}

// ---- attributes -----------------------------------------------------------------------------

SQLRETURN Statement::SetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  const auto as_ulen = reinterpret_cast<SQLULEN>(value);
  switch (attribute) {
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
      if (as_ulen < 1) throw DriverError("HY024", "SQL_ATTR_ROW_ARRAY_SIZE must be at least 1");
      ard_.array_size = as_ulen;
      return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE: ard_.bind_type = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: ard_.bind_offset_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR: ird_.array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR: ird_.rows_processed_ptr = static_cast<SQLULEN*>(value); return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT: query_timeout_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS: max_rows_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH: max_length_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA: retrieve_data_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN: noscan_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID: metadata_id_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
      if (as_ulen != SQL_CURSOR_FORWARD_ONLY) {
        diagnostics().Add("01S02", "option value changed: only forward-only cursors are supported");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_CONCURRENCY:
      if (as_ulen != SQL_CONCUR_READ_ONLY) diagnostics().Add("01S02", "option value changed: cursors are read-only");
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
      if (as_ulen != SQL_NONSCROLLABLE) throw DriverError("HYC00", "scrollable cursors are not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
      if (as_ulen != SQL_UNSPECIFIED && as_ulen != SQL_INSENSITIVE) {
        throw DriverError("HYC00", "only insensitive cursors are supported");
      }
      return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
    case SQL_ATTR_ENABLE_AUTO_IPD:
    case SQL_ATTR_USE_BOOKMARKS:
      if (as_ulen != 0) throw DriverError("HYC00", "statement attribute " + std::to_string(attribute) + " is not supported");
      return SQL_SUCCESS;
    case SQL_ATTR_PARAMSET_SIZE: apd_.array_size = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE: apd_.bind_type = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: apd_.bind_offset_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR: apd_.array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR: ipd_.array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: ipd_.rows_processed_ptr = static_cast<SQLULEN*>(value); return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR: ard_.array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    // Meaningless for a forward-only, read-only cursor without bookmarks: kept and ignored.
    case SQL_ATTR_KEYSET_SIZE: keyset_size_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_SIMULATE_CURSOR: simulate_cursor_ = as_ulen; return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR: fetch_bookmark_ptr_ = value; return SQL_SUCCESS;
    default:
      throw DriverError("HY092", "unsupported statement attribute " + std::to_string(attribute));
  }
}

SQLRETURN Statement::GetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER, SQLINTEGER*) {
  switch (attribute) {
    case SQL_ATTR_APP_ROW_DESC: return StoreValue<SQLHDESC>(value, static_cast<Handle*>(&ard_));
    case SQL_ATTR_APP_PARAM_DESC: return StoreValue<SQLHDESC>(value, static_cast<Handle*>(&apd_));
    case SQL_ATTR_IMP_ROW_DESC: return StoreValue<SQLHDESC>(value, static_cast<Handle*>(&ird_));
    case SQL_ATTR_IMP_PARAM_DESC: return StoreValue<SQLHDESC>(value, static_cast<Handle*>(&ipd_));
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE: return StoreValue<SQLULEN>(value, ard_.array_size);
    case SQL_ATTR_ROW_BIND_TYPE: return StoreValue<SQLULEN>(value, ard_.bind_type);
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: return StoreValue<SQLPOINTER>(value, ard_.bind_offset_ptr);
    case SQL_ATTR_ROW_STATUS_PTR: return StoreValue<SQLPOINTER>(value, ird_.array_status_ptr);
    case SQL_ATTR_ROWS_FETCHED_PTR: return StoreValue<SQLPOINTER>(value, ird_.rows_processed_ptr);
    case SQL_ATTR_QUERY_TIMEOUT: return StoreValue<SQLULEN>(value, query_timeout_);
    case SQL_ATTR_MAX_ROWS: return StoreValue<SQLULEN>(value, max_rows_);
    case SQL_ATTR_MAX_LENGTH: return StoreValue<SQLULEN>(value, max_length_);
    case SQL_ATTR_RETRIEVE_DATA: return StoreValue<SQLULEN>(value, retrieve_data_);
    case SQL_ATTR_NOSCAN: return StoreValue<SQLULEN>(value, noscan_);
    case SQL_ATTR_METADATA_ID: return StoreValue<SQLULEN>(value, metadata_id_);
    case SQL_ATTR_CURSOR_TYPE: return StoreValue<SQLULEN>(value, SQL_CURSOR_FORWARD_ONLY);
    case SQL_ATTR_CONCURRENCY: return StoreValue<SQLULEN>(value, SQL_CONCUR_READ_ONLY);
    case SQL_ATTR_CURSOR_SCROLLABLE: return StoreValue<SQLULEN>(value, SQL_NONSCROLLABLE);
    case SQL_ATTR_CURSOR_SENSITIVITY: return StoreValue<SQLULEN>(value, SQL_INSENSITIVE);
    case SQL_ATTR_ASYNC_ENABLE: return StoreValue<SQLULEN>(value, SQL_ASYNC_ENABLE_OFF);
    case SQL_ATTR_ENABLE_AUTO_IPD: return StoreValue<SQLULEN>(value, SQL_FALSE);
    case SQL_ATTR_USE_BOOKMARKS: return StoreValue<SQLULEN>(value, SQL_UB_OFF);
    case SQL_ATTR_PARAMSET_SIZE: return StoreValue<SQLULEN>(value, apd_.array_size);
    case SQL_ATTR_ROW_NUMBER: return StoreValue<SQLULEN>(value, has_current_row_ ? rows_delivered_ : 0);
    case SQL_ATTR_PARAM_BIND_TYPE: return StoreValue<SQLULEN>(value, apd_.bind_type);
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: return StoreValue<SQLPOINTER>(value, apd_.bind_offset_ptr);
    case SQL_ATTR_PARAM_OPERATION_PTR: return StoreValue<SQLPOINTER>(value, apd_.array_status_ptr);
    case SQL_ATTR_PARAM_STATUS_PTR: return StoreValue<SQLPOINTER>(value, ipd_.array_status_ptr);
    case SQL_ATTR_PARAMS_PROCESSED_PTR: return StoreValue<SQLPOINTER>(value, ipd_.rows_processed_ptr);
    case SQL_ATTR_ROW_OPERATION_PTR: return StoreValue<SQLPOINTER>(value, ard_.array_status_ptr);
    case SQL_ATTR_KEYSET_SIZE: return StoreValue<SQLULEN>(value, keyset_size_);
    case SQL_ATTR_SIMULATE_CURSOR: return StoreValue<SQLULEN>(value, simulate_cursor_);
    case SQL_ATTR_FETCH_BOOKMARK_PTR: return StoreValue<SQLPOINTER>(value, fetch_bookmark_ptr_);
    default:
      throw DriverError("HY092", "unsupported statement attribute " + std::to_string(attribute));
  }
}

}  // namespace e6odbc::odbc
