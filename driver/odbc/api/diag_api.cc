// Diagnostics: SQLGetDiagRec(W), SQLGetDiagField(W). These read the
// diagnostics of the previous call, so they run with DiagnosticsMode::kKeep.
#include <cstring>
#include <string>

#include "common/driver_error.h"
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

namespace {

template <typename Body>
SQLRETURN WithDiagnostics(SQLSMALLINT type, SQLHANDLE h, Body&& body) {
  const auto run = [&](auto& object) { return body(object.diagnostics()); };
  switch (type) {
    case SQL_HANDLE_ENV: return Guarded<Environment>(h, run, Locking::kNone, DiagnosticsMode::kKeep);
    case SQL_HANDLE_DBC: return Guarded<Connection>(h, run, Locking::kNone, DiagnosticsMode::kKeep);
    case SQL_HANDLE_STMT: return Guarded<Statement>(h, run, Locking::kNone, DiagnosticsMode::kKeep);
    case SQL_HANDLE_DESC: return Guarded<Descriptor>(h, run, Locking::kNone, DiagnosticsMode::kKeep);
    default: return SQL_INVALID_HANDLE;
  }
}

SQLRETURN GetDiagRecImpl(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, OutText state, SQLINTEGER* native,
                         OutText message, SQLSMALLINT* message_length) {
  return WithDiagnostics(type, h, [&](Diagnostics& d) -> SQLRETURN {
    if (number < 1) return SQL_ERROR;
    if (static_cast<size_t>(number) > d.records().size()) return SQL_NO_DATA;
    const DiagRecord& r = d.records()[static_cast<size_t>(number) - 1];
    state.Write(r.sqlstate);
    StoreLength(native, r.native_error);
    StoreLength(message_length, message.Write(r.message));
    return message.truncated() ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
  });
}

SQLRETURN GetDiagFieldImpl(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, SQLSMALLINT field, SQLPOINTER value,
                           SQLSMALLINT* length, OutText text) {
  return WithDiagnostics(type, h, [&](Diagnostics& d) -> SQLRETURN {
    const auto put_text = [&](std::string_view s) {
      StoreLength(length, text.Write(s));
      return text.truncated() ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
    };
    switch (field) {  // header fields
      case SQL_DIAG_NUMBER: return StoreValue<SQLINTEGER>(value, static_cast<SQLINTEGER>(d.records().size()));
      case SQL_DIAG_RETURNCODE: return StoreValue<SQLRETURN>(value, d.return_code());
      case SQL_DIAG_ROW_COUNT: return StoreValue<SQLLEN>(value, d.row_count);
      case SQL_DIAG_CURSOR_ROW_COUNT: return StoreValue<SQLLEN>(value, d.cursor_row_count);
      case SQL_DIAG_DYNAMIC_FUNCTION: return put_text("");
      case SQL_DIAG_DYNAMIC_FUNCTION_CODE: return StoreValue<SQLINTEGER>(value, SQL_DIAG_UNKNOWN_STATEMENT);
      default: break;
    }
    if (number < 1) return SQL_ERROR;
    if (static_cast<size_t>(number) > d.records().size()) return SQL_NO_DATA;
    const DiagRecord& r = d.records()[static_cast<size_t>(number) - 1];
    switch (field) {
      case SQL_DIAG_SQLSTATE: return put_text(r.sqlstate);
      case SQL_DIAG_NATIVE: return StoreValue<SQLINTEGER>(value, r.native_error);
      case SQL_DIAG_MESSAGE_TEXT: return put_text(r.message);
      case SQL_DIAG_CLASS_ORIGIN: return put_text(ClassOrigin(r.sqlstate));
      case SQL_DIAG_SUBCLASS_ORIGIN: return put_text(SubclassOrigin(r.sqlstate));
      case SQL_DIAG_CONNECTION_NAME:
      case SQL_DIAG_SERVER_NAME: return put_text("");
      case SQL_DIAG_ROW_NUMBER: return StoreValue<SQLLEN>(value, r.row_number);
      case SQL_DIAG_COLUMN_NUMBER: return StoreValue<SQLINTEGER>(value, r.column_number);
      default: return SQL_ERROR;
    }
  });
}

}  // namespace

E6_EXPORT SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, SQLCHAR* state,
                                          SQLINTEGER* native, SQLCHAR* message, SQLSMALLINT cap,
                                          SQLSMALLINT* length) {
  return GetDiagRecImpl(type, h, number, OutText::Narrow(state, 6), native, OutText::Narrow(message, cap), length);
}
E6_EXPORT SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, SQLWCHAR* state,
                                           SQLINTEGER* native, SQLWCHAR* message, SQLSMALLINT cap,
                                           SQLSMALLINT* length) {
  return GetDiagRecImpl(type, h, number, OutText::Wide(state, 6), native, OutText::Wide(message, cap), length);
}

E6_EXPORT SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, SQLSMALLINT field,
                                            SQLPOINTER value, SQLSMALLINT cap, SQLSMALLINT* length) {
  return GetDiagFieldImpl(type, h, number, field, value, length, OutText::Narrow(value, cap));
}
E6_EXPORT SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT number, SQLSMALLINT field,
                                             SQLPOINTER value, SQLSMALLINT cap, SQLSMALLINT* length) {
  // SQLGetDiagFieldW counts its buffer in bytes.
  return GetDiagFieldImpl(type, h, number, field, value, length, OutText::WideBytes(value, cap));
}
