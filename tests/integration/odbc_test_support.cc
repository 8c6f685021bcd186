#include "odbc_test_support.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace e6test {
namespace {

std::filesystem::path g_dir;
std::unique_ptr<EmulatorProcess> g_emulator;

constexpr const char* kUser = "demo@e6data.local";
constexpr const char* kToken = "demo-token";

// UTF-16 -> UTF-8, written here independently of the driver's transcoder.
std::string Utf16ToUtf8(const std::u16string& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    uint32_t cp = in[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < in.size()) cp = 0x10000 + ((cp - 0xD800) << 10) + (in[++i] - 0xDC00);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

}  // namespace

void OdbcEnvironment::SetUp() {
  std::string templ = (std::filesystem::temp_directory_path() / "e6odbc-it-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  g_dir = templ;
  g_emulator = std::make_unique<EmulatorProcess>(E6_EMULATOR_PATH, g_dir);
  std::ofstream(g_dir / "odbcinst.ini") << (pooling_ ? "[ODBC]\nPooling = Yes\n\n" : "")
                                        << "[e6data]\nDescription = e6data ODBC driver (test build)\nDriver = "
                                        << E6_DRIVER_PATH << "\n" << (pooling_ ? "CPTimeout = 120\n" : "");
  std::ofstream(g_dir / "odbc.ini") << "[e6data-test]\nDriver = e6data\nHOST = 127.0.0.1\nPORT = "
                                    << g_emulator->port() << "\nUID = " << kUser << "\nPWD = " << kToken
                                    << "\nCATALOG = emulator\nDATABASE = tpch\n";
  std::ofstream(g_dir / "user-odbc.ini") << "";
  // Before the first ODBC call: the driver manager reads these per lookup.
  setenv("ODBCSYSINI", g_dir.c_str(), 1);
  setenv("ODBCINI", (g_dir / "user-odbc.ini").c_str(), 1);
}

void OdbcEnvironment::TearDown() {
  g_emulator.reset();
  std::error_code ignored;
  std::filesystem::remove_all(g_dir, ignored);
}

const std::filesystem::path& OdbcEnvironment::dir() { return g_dir; }
EmulatorProcess& OdbcEnvironment::emulator() { return *g_emulator; }

std::string OdbcEnvironment::ConnectionString(const std::string& extra) {
  return "DRIVER={e6data};HOST=127.0.0.1;PORT=" + std::to_string(g_emulator->port()) + ";UID=" + kUser +
         ";PWD={" + kToken + "};CATALOG=emulator;DATABASE=tpch" + (extra.empty() ? "" : ";" + extra);
}

bool Succeeded(SQLRETURN rc) { return rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO; }

std::vector<Diagnostic> Diagnostics(SQLSMALLINT type, SQLHANDLE handle) {
  std::vector<Diagnostic> out;
  for (SQLSMALLINT i = 1;; ++i) {
    SQLCHAR state[6] = {};
    SQLCHAR message[1024] = {};
    SQLINTEGER native = 0;
    SQLSMALLINT length = 0;
    if (!Succeeded(SQLGetDiagRec(type, handle, i, state, &native, message, sizeof message, &length))) break;
    out.push_back({reinterpret_cast<char*>(state), reinterpret_cast<char*>(message)});
  }
  return out;
}

std::string Describe(SQLSMALLINT type, SQLHANDLE handle) {
  const std::vector<Diagnostic> all = Diagnostics(type, handle);
  if (all.empty()) return "(no diagnostics)";
  return all.front().sqlstate + ": " + all.front().message;
}

Connection::Connection() {
  if (!Succeeded(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env_))) throw std::runtime_error("no env");
  SQLSetEnvAttr(env_, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  if (!Succeeded(SQLAllocHandle(SQL_HANDLE_DBC, env_, &dbc_))) throw std::runtime_error("no dbc");
}

Connection::~Connection() {
  if (connected_) SQLDisconnect(dbc_);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc_);
  SQLFreeHandle(SQL_HANDLE_ENV, env_);
}

SQLRETURN Connection::Open(const std::string& connection_string) {
  SQLCHAR out[1024];
  SQLSMALLINT out_length = 0;
  const SQLRETURN rc = SQLDriverConnect(dbc_, nullptr, const_cast<SQLCHAR*>(reinterpret_cast<const SQLCHAR*>(connection_string.c_str())),
                                        SQL_NTS, out, sizeof out, &out_length, SQL_DRIVER_NOPROMPT);
  connected_ = Succeeded(rc);
  return rc;
}

SQLRETURN Connection::OpenDsn(const std::string& dsn, const std::string& user, const std::string& password) {
  const auto text = [](const std::string& s) { return const_cast<SQLCHAR*>(reinterpret_cast<const SQLCHAR*>(s.c_str())); };
  const SQLRETURN rc = SQLConnect(dbc_, text(dsn), SQL_NTS, user.empty() ? nullptr : text(user), SQL_NTS,
                                  password.empty() ? nullptr : text(password), SQL_NTS);
  connected_ = Succeeded(rc);
  return rc;
}

Statement::Statement(const Connection& connection) {
  if (!Succeeded(SQLAllocHandle(SQL_HANDLE_STMT, connection.dbc(), &stmt_))) {
    throw std::runtime_error("SQLAllocHandle(STMT) failed: " + connection.Error());
  }
}

Statement::~Statement() {
  if (stmt_ != SQL_NULL_HSTMT) SQLFreeHandle(SQL_HANDLE_STMT, stmt_);
}

SQLRETURN Statement::Execute(const std::string& sql) {
  return SQLExecDirect(stmt_, const_cast<SQLCHAR*>(reinterpret_cast<const SQLCHAR*>(sql.c_str())), SQL_NTS);
}

std::optional<std::string> Statement::GetChar(SQLUSMALLINT column) {
  // Small pieces on purpose: exercises piecewise SQLGetData on long values.
  std::string value;
  char buffer[64];
  for (;;) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(stmt_, column, SQL_C_CHAR, buffer, sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) break;
    if (!Succeeded(rc)) throw std::runtime_error("SQLGetData(SQL_C_CHAR) failed: " + Error());
    if (indicator == SQL_NULL_DATA) return std::nullopt;
    value += buffer;
    if (rc == SQL_SUCCESS) break;
  }
  return value;
}

std::optional<std::string> Statement::GetWideAsUtf8(SQLUSMALLINT column) {
  std::u16string value;
  SQLWCHAR buffer[32];
  for (;;) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(stmt_, column, SQL_C_WCHAR, buffer, sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) break;
    if (!Succeeded(rc)) throw std::runtime_error("SQLGetData(SQL_C_WCHAR) failed: " + Error());
    if (indicator == SQL_NULL_DATA) return std::nullopt;
    for (size_t i = 0; buffer[i] != 0; ++i) value += static_cast<char16_t>(buffer[i]);
    if (rc == SQL_SUCCESS) break;
  }
  return Utf16ToUtf8(value);
}

void OwnEmulatorTest::Start(const std::vector<std::string>& args) {
  const auto dir = OdbcEnvironment::dir() / ::testing::UnitTest::GetInstance()->current_test_suite()->name() /
                   ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::filesystem::create_directories(dir);
  emulator_.reset();  // a second Start() replaces the first emulator
  emulator_ = std::make_unique<EmulatorProcess>(E6_EMULATOR_PATH, dir, args);
}

std::string OwnEmulatorTest::ConnectionString(const std::string& extra) const {
  return "DRIVER={e6data};HOST=127.0.0.1;PORT=" + std::to_string(emulator_->port()) +
         ";UID=demo@e6data.local;PWD=demo-token;CATALOG=emulator;DATABASE=tpch" + (extra.empty() ? "" : ";" + extra);
}

int64_t OwnEmulatorTest::Calls(const std::string& method) const {
  const StatsResponse stats = emulator_->Stats();
  const auto found = stats.calls_by_method().find(method);
  return found == stats.calls_by_method().end() ? 0 : found->second;
}

void OwnEmulatorTest::AwaitCalls(const std::string& method, int64_t count) const {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (Calls(method) < count) {
    if (std::chrono::steady_clock::now() > give_up) {
      throw std::runtime_error("the emulator never saw " + std::to_string(count) + " calls of " + method);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

int OwnEmulatorTest::AwaitNoOpenQueries() const {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  int open = emulator_->OpenQueries();
  while (open != 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    open = emulator_->OpenQueries();
  }
  return open;
}

}  // namespace e6test
