// Statement: the ODBC statement handle. Drives one session::Query at a time
// (prepare, execute, fetch, close), owns the four implicit descriptors, fills
// the IRD from result metadata and moves batches into the application's
// bound buffers a run of rows at a time.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "convert/converters.h"
#include "odbc/descriptor.h"
#include "odbc/handle.h"
#include "odbc/text_io.h"
#include "session/call_control.h"
#include "wire/column_batch.h"

namespace e6odbc::session {
class CatalogSource;
class Query;
class ResultSource;
}  // namespace e6odbc::session

namespace e6odbc::odbc::catalog {
class ResultTable;
struct CatalogScope;
}  // namespace e6odbc::odbc::catalog

namespace e6odbc::odbc {

class Connection;

class Statement : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::kStatement;
  explicit Statement(Connection& connection);
  ~Statement() override;

  Connection& connection() noexcept { return connection_; }

  SQLRETURN Prepare(const std::string& sql);
  SQLRETURN Execute();
  SQLRETURN ExecDirect(const std::string& sql);

  SQLRETURN NumResultCols(SQLSMALLINT* count);
  SQLRETURN DescribeCol(SQLUSMALLINT column, OutText name, SQLSMALLINT* name_length, SQLSMALLINT* data_type,
                        SQLULEN* column_size, SQLSMALLINT* decimal_digits, SQLSMALLINT* nullable);
  SQLRETURN ColAttribute(SQLUSMALLINT column, SQLUSMALLINT field, OutText text, SQLSMALLINT* string_length,
                         SQLLEN* numeric);
  SQLRETURN RowCount(SQLLEN* count);

  // A catalog function (SQLTables, SQLColumns, ...): `build` makes its result
  // set from the engine's catalog, reached through this statement's call
  // control, so that SQLCancel and SQL_ATTR_QUERY_TIMEOUT apply to it too.
  // The result is then fetched like any other.
  using CatalogBuilder =
      std::function<catalog::ResultTable(session::CatalogSource& source, const catalog::CatalogScope& scope)>;
  SQLRETURN RunCatalogFunction(const CatalogBuilder& build);

  // Input parameters (`?` markers), written into the text at execution as
  // e6data's client does (convert/parameter_literal.h).
  SQLRETURN BindParameter(SQLUSMALLINT number, SQLSMALLINT io_type, SQLSMALLINT c_type, SQLSMALLINT sql_type,
                          SQLULEN column_size, SQLSMALLINT decimal_digits, SQLPOINTER data, SQLLEN buffer_length,
                          SQLLEN* indicator);
  SQLRETURN NumParams(SQLSMALLINT* count);

  SQLRETURN BindCol(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                    SQLLEN* indicator);
  SQLRETURN Fetch(SQLSMALLINT orientation);
  SQLRETURN GetData(SQLUSMALLINT column, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                    SQLLEN* indicator);

  // SQLCloseCursor (must_be_open: 24000 when no cursor) and SQLFreeStmt(SQL_CLOSE).
  SQLRETURN CloseCursor(bool must_be_open);
  SQLRETURN FreeStmt(SQLUSMALLINT option);
  SQLRETURN MoreResults();
  // SQLCancel: thread-safe, called without the statement lock. Interrupts the
  // function running on the statement in another thread (it returns HY008 and
  // the engine is told with cancelQuery); no effect when none runs.
  SQLRETURN Cancel();

  SQLRETURN SetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER length);
  SQLRETURN GetAttribute(SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER buffer_length,
                         SQLINTEGER* string_length);

  Descriptor& ard() noexcept { return ard_; }
  Descriptor& ird() noexcept { return ird_; }

 private:
  enum class State { kAllocated, kPrepared, kCursorOpen };

  // Runs `body` (one ODBC function that may call the engine) as one
  // operation: the query timeout applies to it as a whole, SQLCancel
  // interrupts it, and a cancelled function leaves the cursor closed.
  template <typename Body>
  SQLRETURN RunOperation(Body&& body);
  SQLRETURN PrepareText(const std::string& sql);
  SQLRETURN FetchRowset();
  void RunQuery();              // execute the prepared query, describe its results
  std::string ExecutableText() const;  // sql_ with the bound parameters written in
  // SQL_ATTR_PARAM_STATUS_PTR / SQL_ATTR_PARAMS_PROCESSED_PTR after an execution with parameters.
  void ReportParameterSet(SQLUSMALLINT status) noexcept;
  void DescribeResults();       // IRD from metadata (+ first batch for decimal scales)
  bool HasRow();                // a batch holds an unread row (fetches batches as needed)
  void WarnOfMissingDecimalScales();  // 01000, once per result, for decimals without a scale
  void ReleaseQuery() noexcept; // clears the server query, drops batches
  // The open result: the catalog table when a catalog function ran, else the query.
  session::ResultSource& source() noexcept;
  const wire::ColumnVector& CurrentColumn(SQLUSMALLINT column);
  // The converter for `vector` into `c_type` (SQL_C_DEFAULT resolved in
  // place); throws 07006 naming the column when ODBC forbids the pair.
  convert::RunConverter ConverterFor(const wire::ColumnVector& vector, SQLUSMALLINT column, SQLSMALLINT& c_type) const;
  // Where a bound column's values for rowset row `rowset_row` onwards go.
  convert::Target BoundTarget(const DescriptorRecord& binding, SQLSMALLINT c_type, size_t rowset_row) const;
  // Per-cell outcomes -> diagnostic records and row status; true if any is an error.
  bool RecordIssues(const convert::CellIssues& issues, size_t first_rowset_row, SQLSMALLINT column);
  void RequireResults(const char* function);

  Connection& connection_;
  Descriptor ard_{Descriptor::Role::kArd};
  Descriptor apd_{Descriptor::Role::kApd};
  Descriptor ird_{Descriptor::Role::kIrd};
  Descriptor ipd_{Descriptor::Role::kIpd};

  State state_ = State::kAllocated;
  std::string sql_;                 // escape sequences translated
  std::vector<size_t> markers_;     // where sql_'s parameter markers stand
  bool prepared_query_fresh_ = false;  // Prepare() ran and its query was not executed yet
  bool executed_early_ = false;        // executed by a metadata call before SQLExecute
  const std::unique_ptr<session::Query> query_;  // never replaced: SQLCancel reads it unlocked
  std::unique_ptr<catalog::ResultTable> table_;   // the result of a catalog function, while open
  std::vector<SQLSMALLINT> default_c_types_;      // per result column: what SQL_C_DEFAULT means
  std::optional<wire::ColumnBatch> batch_;
  size_t next_row_ = 0;        // next unread row of batch_
  bool at_end_ = false;        // the server signalled the end of data
  bool scale_warning_given_ = false;
  bool has_current_row_ = false;
  size_t current_row_ = 0;     // row of batch_ that SQLGetData reads
  size_t rows_delivered_ = 0;  // for SQL_ATTR_MAX_ROWS
  int64_t row_count_ = -1;
  SQLUSMALLINT getdata_column_ = 0;  // last column read by SQLGetData (piecewise state)
  size_t getdata_offset_ = 0;

  SQLULEN query_timeout_ = 0;
  SQLULEN max_rows_ = 0;
  SQLULEN max_length_ = 0;
  SQLULEN retrieve_data_ = SQL_RD_ON;
  SQLULEN noscan_ = SQL_NOSCAN_OFF;
  SQLULEN metadata_id_ = SQL_FALSE;
  SQLULEN keyset_size_ = 0;
  SQLULEN simulate_cursor_ = SQL_SC_UNIQUE;
  SQLPOINTER fetch_bookmark_ptr_ = nullptr;
};

}  // namespace e6odbc::odbc
