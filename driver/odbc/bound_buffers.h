// Helpers for the application's bound buffers, shared by the statement's
// column binding and parameter binding.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include "convert/converters.h"
#include "odbc/descriptor.h"

namespace e6odbc::odbc {

// `pointer` moved by `bytes` (SQL_ATTR_*_BIND_OFFSET_PTR, row strides); null stays null.
template <typename T>
T* Offset(T* pointer, SQLLEN bytes) {
  return pointer == nullptr ? nullptr : reinterpret_cast<T*>(reinterpret_cast<char*>(pointer) + bytes);
}

// A C type the driver can read or write (HY003 otherwise).
inline bool IsKnownCType(SQLSMALLINT c_type) {
  return c_type == SQL_C_DEFAULT || c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY ||
         convert::FixedSizeOf(c_type) != 0 || c_type == SQL_C_NUMERIC || c_type == SQL_C_GUID;
}

// Points an application descriptor record (ARD or APD) at the application's
// buffer: SQLBindCol and SQLBindParameter store the same four fields.
inline void BindBuffer(DescriptorRecord& record, SQLSMALLINT c_type, SQLPOINTER data, SQLLEN buffer_length,
                       SQLLEN* indicator) {
  SetConciseType(record, c_type);
  record.data_ptr = data;
  record.octet_length = buffer_length;
  record.octet_length_ptr = indicator;
  record.indicator_ptr = indicator;
}

}  // namespace e6odbc::odbc
