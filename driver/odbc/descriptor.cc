#include "odbc/descriptor.h"

#include <cstring>

#include "common/driver_error.h"
#include "convert/converters.h"
#include "convert/interval.h"

namespace e6odbc::odbc {
namespace {

SQLSMALLINT VerboseType(SQLSMALLINT concise, SQLSMALLINT& code) {
  code = 0;
  switch (concise) {
    case SQL_TYPE_DATE: code = SQL_CODE_DATE; return SQL_DATETIME;
    case SQL_TYPE_TIME: code = SQL_CODE_TIME; return SQL_DATETIME;
    case SQL_TYPE_TIMESTAMP: code = SQL_CODE_TIMESTAMP; return SQL_DATETIME;
    case SQL_C_DATE: code = SQL_CODE_DATE; return SQL_DATETIME;
    case SQL_C_TIME: code = SQL_CODE_TIME; return SQL_DATETIME;
    case SQL_C_TIMESTAMP: code = SQL_CODE_TIMESTAMP; return SQL_DATETIME;
    default:
      code = static_cast<SQLSMALLINT>(convert::IntervalCodeOf(concise));
      return code != 0 ? SQL_INTERVAL : concise;
  }
}

}  // namespace

void SetConciseType(DescriptorRecord& record, SQLSMALLINT concise_type) {
  record.concise_type = concise_type;
  record.type = VerboseType(concise_type, record.datetime_interval_code);
  if (concise_type == SQL_C_NUMERIC || convert::IntervalCodeOf(concise_type) != 0) {
    record.precision = convert::DefaultPrecision(concise_type);
    record.scale = 0;
    record.datetime_interval_precision = convert::kDefaultIntervalLeadingPrecision;
  }
}

DescriptorRecord& Descriptor::Record(SQLSMALLINT number) {
  if (number < 1) throw DriverError("07009", "invalid descriptor index " + std::to_string(number));
  if (static_cast<size_t>(number) > records_.size()) records_.resize(static_cast<size_t>(number));
  return records_[static_cast<size_t>(number) - 1];
}

const DescriptorRecord* Descriptor::Find(SQLSMALLINT number) const noexcept {
  if (number < 1 || static_cast<size_t>(number) > records_.size()) return nullptr;
  return &records_[static_cast<size_t>(number) - 1];
}

void Descriptor::Truncate(SQLSMALLINT count) {
  if (count >= 0 && static_cast<size_t>(count) < records_.size()) records_.resize(static_cast<size_t>(count));
}

void Descriptor::TrimUnbound() {
  while (!records_.empty() && !records_.back().bound()) records_.pop_back();
}

SQLRETURN Descriptor::GetField(SQLSMALLINT number, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER,
                               SQLINTEGER* string_length, OutText text) {
  switch (field) {
    case SQL_DESC_ALLOC_TYPE: return StoreValue<SQLSMALLINT>(value, SQL_DESC_ALLOC_AUTO);
    case SQL_DESC_ARRAY_SIZE: return StoreValue<SQLULEN>(value, array_size);
    case SQL_DESC_ARRAY_STATUS_PTR: return StoreValue<SQLPOINTER>(value, array_status_ptr);
    case SQL_DESC_BIND_OFFSET_PTR: return StoreValue<SQLPOINTER>(value, bind_offset_ptr);
    case SQL_DESC_BIND_TYPE: return StoreValue<SQLINTEGER>(value, static_cast<SQLINTEGER>(bind_type));
    case SQL_DESC_COUNT: return StoreValue<SQLSMALLINT>(value, count());
    case SQL_DESC_ROWS_PROCESSED_PTR: return StoreValue<SQLPOINTER>(value, rows_processed_ptr);
    default: break;
  }
  if (number < 1 || number > count()) return SQL_NO_DATA;
  const DescriptorRecord& r = *Find(number);
  const auto put_text = [&](const std::string& s) {
    StoreLength(string_length, text.Write(s));
    if (text.truncated()) diagnostics().Add("01004", "string data, right truncated");
    return SQL_SUCCESS;
  };
  switch (field) {
    case SQL_DESC_TYPE: return StoreValue<SQLSMALLINT>(value, r.type);
    case SQL_DESC_CONCISE_TYPE: return StoreValue<SQLSMALLINT>(value, r.concise_type);
    case SQL_DESC_DATETIME_INTERVAL_CODE: return StoreValue<SQLSMALLINT>(value, r.datetime_interval_code);
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: return StoreValue<SQLINTEGER>(value, r.datetime_interval_precision);
    case SQL_DESC_DATA_PTR: return StoreValue<SQLPOINTER>(value, r.data_ptr);
    case SQL_DESC_OCTET_LENGTH: return StoreValue<SQLLEN>(value, r.octet_length);
    case SQL_DESC_OCTET_LENGTH_PTR: return StoreValue<SQLPOINTER>(value, r.octet_length_ptr);
    case SQL_DESC_INDICATOR_PTR: return StoreValue<SQLPOINTER>(value, r.indicator_ptr);
    case SQL_DESC_LENGTH: return StoreValue<SQLULEN>(value, r.length);
    case SQL_DESC_PRECISION: return StoreValue<SQLSMALLINT>(value, r.precision);
    case SQL_DESC_SCALE: return StoreValue<SQLSMALLINT>(value, r.scale);
    case SQL_DESC_NULLABLE: return StoreValue<SQLSMALLINT>(value, r.nullable);
    case SQL_DESC_UNSIGNED: return StoreValue<SQLSMALLINT>(value, r.is_unsigned);
    case SQL_DESC_DISPLAY_SIZE: return StoreValue<SQLLEN>(value, r.display_size);
    case SQL_DESC_NUM_PREC_RADIX: return StoreValue<SQLINTEGER>(value, r.num_prec_radix);
    case SQL_DESC_FIXED_PREC_SCALE: return StoreValue<SQLSMALLINT>(value, r.fixed_prec_scale);
    case SQL_DESC_CASE_SENSITIVE: return StoreValue<SQLINTEGER>(value, r.case_sensitive);
    case SQL_DESC_SEARCHABLE: return StoreValue<SQLSMALLINT>(value, r.searchable);
    case SQL_DESC_UPDATABLE: return StoreValue<SQLSMALLINT>(value, r.updatable);
    case SQL_DESC_AUTO_UNIQUE_VALUE: return StoreValue<SQLINTEGER>(value, SQL_FALSE);
    case SQL_DESC_UNNAMED: return StoreValue<SQLSMALLINT>(value, r.name.empty() ? SQL_UNNAMED : SQL_NAMED);
    case SQL_DESC_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_BASE_COLUMN_NAME: return put_text(r.name);
    case SQL_DESC_TYPE_NAME:
    case SQL_DESC_LOCAL_TYPE_NAME: return put_text(r.type_name);
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LITERAL_PREFIX:
    case SQL_DESC_LITERAL_SUFFIX: return put_text("");
    default:
      throw DriverError("HY091", "invalid descriptor field identifier " + std::to_string(field));
  }
}

SQLRETURN Descriptor::SetField(SQLSMALLINT number, SQLSMALLINT field, SQLPOINTER value, SQLINTEGER) {
  const auto as_int = reinterpret_cast<SQLLEN>(value);
  if (role_ == Role::kIrd && field != SQL_DESC_ARRAY_STATUS_PTR && field != SQL_DESC_ROWS_PROCESSED_PTR) {
    throw DriverError("HY016", "cannot modify an implementation row descriptor");
  }
  switch (field) {
    case SQL_DESC_ARRAY_SIZE:
      if (as_int < 1) throw DriverError("HY024", "SQL_DESC_ARRAY_SIZE must be at least 1");
      array_size = static_cast<SQLULEN>(as_int);
      return SQL_SUCCESS;
    case SQL_DESC_ARRAY_STATUS_PTR: array_status_ptr = static_cast<SQLUSMALLINT*>(value); return SQL_SUCCESS;
    case SQL_DESC_BIND_OFFSET_PTR: bind_offset_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_BIND_TYPE: bind_type = static_cast<SQLULEN>(as_int); return SQL_SUCCESS;
    case SQL_DESC_ROWS_PROCESSED_PTR: rows_processed_ptr = static_cast<SQLULEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_COUNT: {
      const auto count_value = static_cast<SQLSMALLINT>(as_int);
      if (count_value < 0) throw DriverError("07009", "SQL_DESC_COUNT must not be negative");
      Truncate(count_value);
      if (count_value > count()) Record(count_value);
      return SQL_SUCCESS;
    }
    default: break;
  }
  DescriptorRecord& r = Record(number);
  switch (field) {
    case SQL_DESC_TYPE:
    case SQL_DESC_CONCISE_TYPE: SetConciseType(r, static_cast<SQLSMALLINT>(as_int)); return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_CODE: r.datetime_interval_code = static_cast<SQLSMALLINT>(as_int); return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION:
      r.datetime_interval_precision = static_cast<SQLINTEGER>(as_int);
      return SQL_SUCCESS;
    case SQL_DESC_DATA_PTR: r.data_ptr = value; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH: r.octet_length = as_int; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR: r.octet_length_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR: r.indicator_ptr = static_cast<SQLLEN*>(value); return SQL_SUCCESS;
    case SQL_DESC_LENGTH: r.length = static_cast<SQLULEN>(as_int); return SQL_SUCCESS;
    case SQL_DESC_PRECISION: r.precision = static_cast<SQLSMALLINT>(as_int); return SQL_SUCCESS;
    case SQL_DESC_SCALE: r.scale = static_cast<SQLSMALLINT>(as_int); return SQL_SUCCESS;
    default:
      throw DriverError("HY091", "descriptor field " + std::to_string(field) + " cannot be set");
  }
}

}  // namespace e6odbc::odbc
