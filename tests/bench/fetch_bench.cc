// e6data-fetch-bench: how fast an application reads a result through the
// driver manager and the driver. Connects with a connection string, runs one
// query `--repeat` times and reads every row, either with bound columns
// (block fetch of `--rowset` rows, SQL_C_CHAR for text, native C types
// otherwise) or cell by cell with SQLGetData (`--getdata`).
// Prints rows, seconds and rows per second; docs/performance.md has the
// commands and the figures.
#include <sql.h>
#include <sqlext.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

void Check(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE handle, const char* what) {
  if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) return;
  SQLCHAR state[6] = {}, message[512] = {};
  SQLINTEGER native = 0;
  SQLSMALLINT length = 0;
  SQLGetDiagRec(type, handle, 1, state, &native, message, sizeof message, &length);
  std::fprintf(stderr, "%s failed: %s %s\n", what, state, message);
  std::exit(1);
}

struct Column {
  SQLSMALLINT c_type;
  SQLLEN width;
  std::vector<char> data;
  std::vector<SQLLEN> indicators;
};

}  // namespace

int main(int argc, char** argv) {
  std::string connection;
  std::string query = "SELECT * FROM tpch.lineitem";
  SQLULEN rowset = 1024;
  int repeat = 1;
  bool getdata = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--connection") connection = next();
    else if (arg == "--query") query = next();
    else if (arg == "--rowset") rowset = std::strtoul(next().c_str(), nullptr, 10);
    else if (arg == "--repeat") repeat = std::atoi(next().c_str());
    else if (arg == "--getdata") getdata = true;
    else {
      std::fprintf(stderr,
                   "usage: e6data-fetch-bench --connection STR [--query SQL] [--rowset N] [--repeat K] [--getdata]\n");
      return 2;
    }
  }
  SQLHENV env;
  SQLHDBC dbc;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  Check(SQLDriverConnect(dbc, nullptr, reinterpret_cast<SQLCHAR*>(connection.data()), SQL_NTS, nullptr, 0, nullptr,
                         SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
  const auto start = std::chrono::steady_clock::now();
  uint64_t rows = 0, bytes = 0;
  for (int round = 0; round < repeat; ++round) {
    SQLHSTMT stmt;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt);
    Check(SQLExecDirect(stmt, reinterpret_cast<SQLCHAR*>(query.data()), SQL_NTS), SQL_HANDLE_STMT, stmt, "SQLExecDirect");
    SQLSMALLINT count = 0;
    SQLNumResultCols(stmt, &count);
    if (getdata) {
      char buffer[4096];
      while (SQLFetch(stmt) == SQL_SUCCESS) {
        for (SQLUSMALLINT c = 1; c <= count; ++c) {
          SQLLEN indicator = 0;
          SQLGetData(stmt, c, SQL_C_CHAR, buffer, sizeof buffer, &indicator);
          if (indicator > 0) bytes += static_cast<uint64_t>(indicator);
        }
        ++rows;
      }
    } else {
      std::vector<Column> columns(static_cast<size_t>(count));
      for (SQLUSMALLINT c = 1; c <= count; ++c) {
        SQLLEN type = 0;
        SQLColAttribute(stmt, c, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &type);
        Column& column = columns[c - 1];
        switch (type) {
          case SQL_BIGINT: column.c_type = SQL_C_SBIGINT, column.width = 8; break;
          case SQL_INTEGER: column.c_type = SQL_C_SLONG, column.width = 4; break;
          case SQL_DOUBLE: column.c_type = SQL_C_DOUBLE, column.width = 8; break;
          case SQL_TYPE_DATE: column.c_type = SQL_C_TYPE_DATE, column.width = sizeof(SQL_DATE_STRUCT); break;
          default: column.c_type = SQL_C_CHAR, column.width = 64; break;
        }
        column.data.resize(static_cast<size_t>(column.width) * rowset);
        column.indicators.resize(rowset);
      }
      SQLULEN fetched = 0;
      SQLSetStmtAttr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(rowset), 0);
      SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
      for (SQLUSMALLINT c = 1; c <= count; ++c) {
        Column& column = columns[c - 1];
        SQLBindCol(stmt, c, column.c_type, column.data.data(), column.width, column.indicators.data());
      }
      SQLRETURN rc;
      while ((rc = SQLFetch(stmt)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        rows += fetched;
        for (const Column& column : columns) {
          for (SQLULEN r = 0; r < fetched; ++r) {
            if (column.indicators[r] > 0) bytes += static_cast<uint64_t>(column.indicators[r]);
          }
        }
      }
    }
    SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("rows %llu  seconds %.3f  rows/s %.0f  value bytes %llu\n", static_cast<unsigned long long>(rows),
              seconds, static_cast<double>(rows) / seconds, static_cast<unsigned long long>(bytes));
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return 0;
}
