// Handle allocation and release: SQLAllocHandle, SQLFreeHandle, SQLFreeStmt.
#include <memory>

#include "common/driver_error.h"
#include "odbc/api/api_common.h"

using namespace e6odbc::odbc;  // NOLINT: entry-point files only

E6_EXPORT SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output) {
  if (output == nullptr) return SQL_ERROR;
  switch (type) {
    case SQL_HANDLE_ENV:
      try {
        // The application owns the environment until SQLFreeHandle reclaims it.
        *output = static_cast<Handle*>(std::make_unique<Environment>().release());
        return SQL_SUCCESS;
      } catch (...) {
        *output = SQL_NULL_HENV;
        return SQL_ERROR;
      }
    case SQL_HANDLE_DBC:
      return Guarded<Environment>(input, [&](Environment& env) {
        *output = static_cast<Handle*>(&env.AddConnection());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_STMT:
      return Guarded<Connection>(input, [&](Connection& connection) {
        *output = static_cast<Handle*>(&connection.AddStatement());
        return SQL_SUCCESS;
      });
    case SQL_HANDLE_DESC:
      return Guarded<Connection>(input, [&](Connection&) -> SQLRETURN {
        throw e6odbc::DriverError("HYC00", "explicitly allocated descriptors are not supported");
      });
    default:
      return SQL_ERROR;
  }
}

E6_EXPORT SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE handle) {
  switch (type) {
    case SQL_HANDLE_ENV: {
      auto* env = FromHandle<Environment>(handle);
      if (env == nullptr) return SQL_INVALID_HANDLE;
      if (env->has_connections()) {
        env->diagnostics().Clear();
        env->diagnostics().Add("HY010", "function sequence error: connections are still allocated");
        return SQL_ERROR;
      }
      std::unique_ptr<Environment> owned(env);  // reclaims what SQLAllocHandle released
      return SQL_SUCCESS;
    }
    case SQL_HANDLE_DBC: {
      auto* connection = FromHandle<Connection>(handle);
      if (connection == nullptr) return SQL_INVALID_HANDLE;
      if (connection->connected()) {
        connection->diagnostics().Clear();
        connection->diagnostics().Add("HY010", "function sequence error: disconnect before freeing the connection");
        return SQL_ERROR;
      }
      return Guarded<Environment>(&connection->environment(), [&](Environment& env) {
        env.RemoveConnection(*connection);
        return SQL_SUCCESS;
      });
    }
    case SQL_HANDLE_STMT: {
      auto* statement = FromHandle<Statement>(handle);
      if (statement == nullptr) return SQL_INVALID_HANDLE;
      // The connection owns its statements: remove under the connection's lock.
      return Guarded<Connection>(&statement->connection(), [&](Connection& connection) {
        connection.RemoveStatement(*statement);
        return SQL_SUCCESS;
      });
    }
    case SQL_HANDLE_DESC:
      return FromHandle<Descriptor>(handle) == nullptr ? SQL_INVALID_HANDLE : SQL_ERROR;
    default:
      return SQL_ERROR;
  }
}

E6_EXPORT SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT handle, SQLUSMALLINT option) {
  if (option == SQL_DROP) return SQLFreeHandle(SQL_HANDLE_STMT, handle);
  return Guarded<Statement>(handle, [&](Statement& s) { return s.FreeStmt(option); });
}
