// Descriptor: one ODBC descriptor (ARD, APD, IRD or IPD). Header fields and
// 1-based records mirror the SQL_DESC_* names so a reader can grep
// SQL_DESC_OCTET_LENGTH_PTR and land on octet_length_ptr. A statement owns its
// four implicit descriptors; SQLBindCol writes ARD records, execution fills
// the IRD from the result metadata.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "odbc/handle.h"
#include "odbc/text_io.h"

namespace e6odbc::odbc {

struct DescriptorRecord {
  SQLSMALLINT type = SQL_C_DEFAULT;          // SQL_DESC_TYPE (verbose)
  SQLSMALLINT concise_type = SQL_C_DEFAULT;  // SQL_DESC_CONCISE_TYPE
  SQLSMALLINT datetime_interval_code = 0;
  SQLINTEGER datetime_interval_precision = 0;  // leading-field digits of an interval C type
  SQLPOINTER data_ptr = nullptr;
  SQLLEN octet_length = 0;
  SQLLEN* octet_length_ptr = nullptr;
  SQLLEN* indicator_ptr = nullptr;
  SQLULEN length = 0;
  SQLSMALLINT precision = 0;
  SQLSMALLINT scale = 0;
  // Implementation-descriptor fields (IRD).
  std::string name;
  std::string type_name;
  SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
  SQLSMALLINT is_unsigned = SQL_FALSE;
  SQLLEN display_size = 0;
  SQLSMALLINT num_prec_radix = 0;
  SQLSMALLINT fixed_prec_scale = SQL_FALSE;
  SQLSMALLINT case_sensitive = SQL_FALSE;
  SQLSMALLINT searchable = SQL_PRED_NONE;
  SQLSMALLINT updatable = SQL_ATTR_READONLY;

  bool bound() const noexcept { return data_ptr != nullptr || indicator_ptr != nullptr || octet_length_ptr != nullptr; }
};

class Descriptor : public Handle {
 public:
  static constexpr HandleKind kKind = HandleKind::kDescriptor;
  enum class Role { kArd, kApd, kIrd, kIpd };

  explicit Descriptor(Role role) noexcept : Handle(kKind), role_(role) {}

  Role role() const noexcept { return role_; }
  bool is_implementation() const noexcept { return role_ == Role::kIrd || role_ == Role::kIpd; }

  // Header fields.
  SQLULEN array_size = 1;
  SQLULEN bind_type = SQL_BIND_BY_COLUMN;
  SQLLEN* bind_offset_ptr = nullptr;
  SQLUSMALLINT* array_status_ptr = nullptr;
  SQLULEN* rows_processed_ptr = nullptr;

  SQLSMALLINT count() const noexcept { return static_cast<SQLSMALLINT>(records_.size()); }
  // Record `number` (1-based), created (with defaults) if beyond count().
  DescriptorRecord& Record(SQLSMALLINT number);
  const DescriptorRecord* Find(SQLSMALLINT number) const noexcept;
  // Drops records above `count` (SQL_DESC_COUNT, SQLFreeStmt(SQL_UNBIND)).
  void Truncate(SQLSMALLINT count);
  // Unbound trailing records are not counted (ODBC: COUNT = highest bound record).
  void TrimUnbound();

  // SQLGetDescField / SQLSetDescField. Text fields go through `text`.
  SQLRETURN GetField(SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buffer_length,
                     SQLINTEGER* string_length, OutText text);
  SQLRETURN SetField(SQLSMALLINT record, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER buffer_length);

 private:
  Role role_;
  std::vector<DescriptorRecord> records_;
};

// Sets type, concise type and datetime code consistently from a concise C or
// SQL type (SQL_C_TYPE_DATE -> SQL_DATETIME + SQL_CODE_DATE, interval C types
// -> SQL_INTERVAL + their code). SQL_C_NUMERIC and interval types also get
// ODBC's default precision, scale and interval leading precision.
void SetConciseType(DescriptorRecord& record, SQLSMALLINT concise_type);

}  // namespace e6odbc::odbc
