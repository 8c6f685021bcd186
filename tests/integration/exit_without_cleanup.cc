// A client that connects, starts reading a result and exits without freeing
// any handle or closing the cursor: what a crashing or careless application
// does. Usage: exit_without_cleanup CONNECTION_STRING QUERY. Exit status 0
// once a row was fetched, 1 otherwise.
#include <sql.h>
#include <sqlext.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  SQLHENV env = SQL_NULL_HENV;
  SQLHDBC dbc = SQL_NULL_HDBC;
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, reinterpret_cast<SQLCHAR*>(argv[1]), SQL_NTS, nullptr, 0,
                                      nullptr, SQL_DRIVER_NOPROMPT))) {
    std::fprintf(stderr, "connect failed\n");
    return 1;
  }
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
  if (!SQL_SUCCEEDED(SQLExecDirect(stmt, reinterpret_cast<SQLCHAR*>(argv[2]), SQL_NTS)) ||
      !SQL_SUCCEEDED(SQLFetch(stmt))) {
    std::fprintf(stderr, "query failed\n");
    return 1;
  }
  std::exit(0);  // no SQLCloseCursor, SQLFreeHandle or SQLDisconnect
}
