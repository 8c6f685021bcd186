// Shared fixtures of the integration suites: one emulator per test program,
// a private ODBCSYSINI with the built driver registered as `e6data` and a DSN
// `e6data-test`, and RAII wrappers over ODBC handles. Everything goes through
// the real unixODBC driver manager (libodbc), which loads the built driver.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "emulator_process.h"

namespace e6test {

class OdbcEnvironment : public ::testing::Environment {
 public:
  // `pooling`: the driver manager pools connections (odbcinst.ini `[ODBC] Pooling = Yes`,
  // `CPTimeout` for the driver); a separate test program, since the setting is process-wide.
  explicit OdbcEnvironment(bool pooling = false) : pooling_(pooling) {}
  void SetUp() override;
  void TearDown() override;

  static const std::filesystem::path& dir();
  static EmulatorProcess& emulator();
  // "DRIVER={e6data};HOST=127.0.0.1;PORT=<port>;UID=...;PWD=...;CATALOG=emulator;DATABASE=tpch" + extra.
  static std::string ConnectionString(const std::string& extra = "");

 private:
  bool pooling_;
};

struct Diagnostic {
  std::string sqlstate;
  std::string message;
};
// All diagnostic records of a handle, in order.
std::vector<Diagnostic> Diagnostics(SQLSMALLINT type, SQLHANDLE handle);
// "SQLSTATE: message" of record 1, or "(no diagnostics)".
std::string Describe(SQLSMALLINT type, SQLHANDLE handle);

// An environment + connection pair; disconnects and frees on destruction.
class Connection {
 public:
  Connection();
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  SQLRETURN Open(const std::string& connection_string);  // SQLDriverConnect
  SQLRETURN OpenDsn(const std::string& dsn, const std::string& user = "", const std::string& password = "");
  SQLHDBC dbc() const { return dbc_; }
  std::string Error() const { return Describe(SQL_HANDLE_DBC, dbc_); }

 private:
  SQLHENV env_ = SQL_NULL_HENV;
  SQLHDBC dbc_ = SQL_NULL_HDBC;
  bool connected_ = false;
};

// A statement on an open connection; freed on destruction.
class Statement {
 public:
  explicit Statement(const Connection& connection);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  SQLHSTMT get() const { return stmt_; }
  // For a handle the driver manager freed already (SQLDisconnect frees its statements).
  void Abandon() { stmt_ = SQL_NULL_HSTMT; }
  SQLRETURN Execute(const std::string& sql);
  std::string Error() const { return Describe(SQL_HANDLE_STMT, stmt_); }
  // Column `column` of the current row as UTF-8 via SQL_C_CHAR; nullopt for NULL.
  std::optional<std::string> GetChar(SQLUSMALLINT column);
  // Same via SQL_C_WCHAR, converted back to UTF-8 by the test.
  std::optional<std::string> GetWideAsUtf8(SQLUSMALLINT column);

 private:
  SQLHSTMT stmt_ = SQL_NULL_HSTMT;
};

bool Succeeded(SQLRETURN rc);

// A test that runs its own emulator (so that faults configured on it stay
// local), started by Start() with extra command-line arguments.
class OwnEmulatorTest : public ::testing::Test {
 protected:
  void Start(const std::vector<std::string>& args = {});
  // Connection string for this test's emulator, plus `extra` ("KEY=value;...").
  std::string ConnectionString(const std::string& extra = "") const;
  EmulatorProcess& emulator() { return *emulator_; }
  // Calls of `method` ("QueryEngineService/cancelQuery") the emulator has seen.
  int64_t Calls(const std::string& method) const;
  // Waits (up to 20 s) until the emulator has seen at least `count` calls of `method`.
  void AwaitCalls(const std::string& method, int64_t count) const;
  // Waits (up to 20 s) for the emulator's open-query count to reach zero; returns the last count.
  int AwaitNoOpenQueries() const;

  std::unique_ptr<EmulatorProcess> emulator_;
};

}  // namespace e6test
