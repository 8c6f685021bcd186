// The fault matrix of issue #6: every fault the emulator can inject, at every
// stage of a query's life, through the real driver manager. Each cell runs
// one query over `orders` in 1000-row batches and asserts the SQLSTATE (or a
// complete, ordered result when the driver recovers), that no ODBC call hangs,
// and that the emulator is left with no open query. docs/fault-matrix.md shows
// the same table.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <future>
#include <string>
#include <thread>

#include "odbc_test_support.h"

namespace e6test {
namespace {

enum class Fault { kDropped, kStrategy456, kSuspendedResumable, kSuspended, kSessionExpired, kSlow, kCancel };
enum class Stage { kConnect, kPrepare, kExecute, kFirstBatch, kMidStream, kClear };

struct Cell {
  Fault fault;
  Stage stage;
  const char* expected;  // SQLSTATE of the failing call, or "" when the driver recovers
};

const char* Name(Fault f) {
  switch (f) {
    case Fault::kDropped: return "Dropped";
    case Fault::kStrategy456: return "Strategy456";
    case Fault::kSuspendedResumable: return "Suspended503WithResume";
    case Fault::kSuspended: return "Suspended503NoResume";
    case Fault::kSessionExpired: return "SessionExpired";
    case Fault::kSlow: return "SlowPastTimeout";
    case Fault::kCancel: return "Cancel";
  }
  return "?";
}

const char* Name(Stage s) {
  switch (s) {
    case Stage::kConnect: return "Connect";
    case Stage::kPrepare: return "Prepare";
    case Stage::kExecute: return "Execute";
    case Stage::kFirstBatch: return "FirstBatch";
    case Stage::kMidStream: return "MidStream";
    case Stage::kClear: return "Clear";
  }
  return "?";
}

// The RPC a stage stands for, and which call of it the fault hits.
struct Target {
  const char* method;
  int nth;
};
Target TargetOf(Stage s) {
  switch (s) {
    case Stage::kConnect: return {"QueryEngineService/authenticate", 1};
    case Stage::kPrepare: return {"QueryEngineService/prepareStatementV2", 1};
    case Stage::kExecute: return {"QueryEngineService/executeStatementV2", 1};
    case Stage::kFirstBatch: return {"QueryEngineService/getNextResultBatch", 1};
    case Stage::kMidStream: return {"QueryEngineService/getNextResultBatch", 3};
    case Stage::kClear: return {"QueryEngineService/clearOrCancelQuery", 1};
  }
  return {"", 0};
}

constexpr auto kNoHang = std::chrono::seconds(15);
constexpr int kStallMs = 30000;
constexpr int kBatchRows = 1000;
constexpr int kRowsBeforeMidStream = 2 * kBatchRows;  // batches 1 and 2 read, the 3rd is "mid-stream"
constexpr const char* kQuery = "SELECT o_orderkey FROM orders ORDER BY o_orderkey";

class FaultMatrixTest : public OwnEmulatorTest, public ::testing::WithParamInterface<Cell> {
 protected:
  void SetUp() override { Start({"--batch-rows", std::to_string(kBatchRows)}); }

  // Arms the fault of this cell for `target`, counting calls from now on.
  void Arm(Fault fault, const Target& target) {
    ConfigureRequest request;
    switch (fault) {
      case Fault::kDropped:  // the emulator shuts down the client's TCP connection during that call
        request.set_drop_method(target.method);
        request.set_drop_nth(target.nth);
        emulator().Configure(request);
        return;
      case Fault::kStrategy456:
        request.set_fail_code(2);
        request.set_fail_message("Received http2 header with status: 456");
        break;
      case Fault::kSuspendedResumable:
      case Fault::kSuspended:
        request.set_fail_code(14);
        request.set_fail_message("Received http2 header with status: 503");
        break;
      case Fault::kSessionExpired:
        request.set_fail_code(13);
        request.set_fail_message("Access denied: session expired");
        break;
      case Fault::kSlow:
      case Fault::kCancel:
        request.set_delay_ms(kStallMs);
        request.set_delay_method(target.method);
        emulator().Configure(request);
        return;
    }
    request.set_fail_method(target.method);
    request.set_fail_nth(target.nth);
    emulator().Configure(request);
  }
  void Unstall() {
    ConfigureRequest request;
    request.set_delay_ms(0);
    emulator().Configure(request);
  }

  // Runs `call` and returns its SQLSTATE ("" on success), checking it did not hang.
  std::string Timed(const std::function<SQLRETURN()>& call, SQLSMALLINT handle_type, SQLHANDLE handle,
                    SQLRETURN* rc_out = nullptr) {
    const auto started = std::chrono::steady_clock::now();
    const SQLRETURN rc = call();
    EXPECT_LT(std::chrono::steady_clock::now() - started, kNoHang) << "a call hung";
    if (rc_out != nullptr) *rc_out = rc;
    if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO || rc == SQL_NO_DATA) return "";
    const auto records = Diagnostics(handle_type, handle);
    return records.empty() ? "(no record)" : records.front().sqlstate;
  }
};

TEST_P(FaultMatrixTest, Cell) {
  const Cell cell = GetParam();
  const Target target = TargetOf(cell.stage);
  std::string extra;
  if (cell.fault == Fault::kSuspended) extra = "AUTO_RESUME=0";

  // Expected rows, read before any fault is armed.
  int64_t expected_rows = 0;
  {
    Connection c;
    ASSERT_EQ(c.Open(ConnectionString()), SQL_SUCCESS) << c.Error();
    Statement s(c);
    ASSERT_EQ(s.Execute("SELECT COUNT(*) FROM orders"), SQL_SUCCESS) << s.Error();
    ASSERT_EQ(SQLFetch(s.get()), SQL_SUCCESS);
    expected_rows = std::stoll(*s.GetChar(1));
    ASSERT_GT(expected_rows, 3 * kBatchRows);
  }
  ASSERT_EQ(AwaitNoOpenQueries(), 0);

  Connection c;
  if (cell.fault == Fault::kSlow && cell.stage == Stage::kConnect) {
    SQLSetConnectAttr(c.dbc(), SQL_ATTR_LOGIN_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0);
  }
  if (cell.stage == Stage::kConnect) Arm(cell.fault, target);
  const std::string connected = Timed([&] { return c.Open(ConnectionString(extra)); }, SQL_HANDLE_DBC, c.dbc());
  if (cell.stage == Stage::kConnect) {
    EXPECT_EQ(connected, cell.expected) << c.Error();
    if (!connected.empty()) return;
  } else {
    ASSERT_EQ(connected, "") << c.Error();
  }
  if (cell.fault == Fault::kSlow && cell.stage == Stage::kClear) {
    // Clearing happens inside the last SQLFetch; its bound is the connection timeout.
    ConfigureRequest shorter;
    shorter.set_delay_ms(3000);
    shorter.set_delay_method(target.method);
    SQLSetConnectAttr(c.dbc(), SQL_ATTR_CONNECTION_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0);
    emulator().Configure(shorter);
  }

  Statement s(c);
  if (cell.fault == Fault::kSlow && cell.stage != Stage::kClear) {
    SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(1), 0);
  }
  const bool arm_later = cell.stage == Stage::kMidStream && (cell.fault == Fault::kSlow || cell.fault == Fault::kCancel);
  const bool arm_now = cell.stage != Stage::kConnect && !arm_later &&
                       !(cell.fault == Fault::kSlow && cell.stage == Stage::kClear);
  if (arm_now) Arm(cell.fault, target);
  std::future<SQLRETURN> cancel;
  const auto cancel_at = [&](int64_t calls) {
    cancel = std::async(std::launch::async, [this, &s, method = std::string(target.method), calls] {
      AwaitCalls(method, calls);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return SQLCancel(s.get());
    });
  };
  if (cell.fault == Fault::kCancel && !arm_later) cancel_at(Calls(target.method) + 1);

  std::string outcome;
  int64_t rows = 0;
  int64_t previous_key = -1;
  bool ordered = true;
  outcome = Timed([&] { return SQLExecDirect(s.get(), reinterpret_cast<SQLCHAR*>(const_cast<char*>(kQuery)), SQL_NTS); },
                  SQL_HANDLE_STMT, s.get());
  while (outcome.empty()) {
    if (arm_later && rows == kRowsBeforeMidStream) {
      Arm(cell.fault, target);
      if (cell.fault == Fault::kCancel) cancel_at(Calls(target.method) + 1);
    }
    SQLRETURN rc = SQL_SUCCESS;
    outcome = Timed([&] { return SQLFetch(s.get()); }, SQL_HANDLE_STMT, s.get(), &rc);
    if (!outcome.empty() || rc == SQL_NO_DATA) break;
    const int64_t key = std::stoll(*s.GetChar(1));
    ordered = ordered && key > previous_key;
    previous_key = key;
    ++rows;
  }
  if (cancel.valid()) {
    EXPECT_EQ(cancel.get(), SQL_SUCCESS);
  }
  EXPECT_EQ(outcome, cell.expected) << s.Error();
  if (std::string(cell.expected).empty()) {
    EXPECT_EQ(rows, expected_rows) << "rows lost or duplicated";
    EXPECT_TRUE(ordered) << "rows out of order or repeated";
  }
  SQLCloseCursor(s.get());
  Unstall();
  // A prepare abandoned by the client (timeout, cancel) is still carried out by
  // the engine, which thereby holds a query whose id never reached the driver:
  // nothing can clear it but the engine's own session cleanup. Every other
  // path leaves nothing behind.
  const bool orphan_possible =
      cell.stage == Stage::kPrepare && (cell.fault == Fault::kSlow || cell.fault == Fault::kCancel);
  if (orphan_possible) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_LE(emulator().OpenQueries(), 1);
  } else {
    EXPECT_EQ(AwaitNoOpenQueries(), 0) << "a server query was left open";
  }
}

// Rows: faults; columns: stages. "" = the driver recovers and the whole result arrives.
const Cell kCells[] = {
    {Fault::kDropped, Stage::kConnect, "08001"},
    {Fault::kDropped, Stage::kPrepare, "08S01"},
    {Fault::kDropped, Stage::kExecute, "08S01"},
    {Fault::kDropped, Stage::kFirstBatch, "08S01"},
    {Fault::kDropped, Stage::kMidStream, "08S01"},
    {Fault::kDropped, Stage::kClear, ""},
    {Fault::kStrategy456, Stage::kConnect, ""},
    {Fault::kStrategy456, Stage::kPrepare, ""},
    {Fault::kStrategy456, Stage::kExecute, ""},
    {Fault::kStrategy456, Stage::kFirstBatch, "08S01"},
    {Fault::kStrategy456, Stage::kMidStream, "08S01"},
    {Fault::kStrategy456, Stage::kClear, ""},
    {Fault::kSuspendedResumable, Stage::kConnect, ""},
    {Fault::kSuspendedResumable, Stage::kPrepare, ""},
    {Fault::kSuspendedResumable, Stage::kExecute, ""},
    {Fault::kSuspendedResumable, Stage::kFirstBatch, "08S01"},
    {Fault::kSuspendedResumable, Stage::kMidStream, "08S01"},
    {Fault::kSuspendedResumable, Stage::kClear, ""},
    {Fault::kSuspended, Stage::kConnect, "08001"},
    {Fault::kSuspended, Stage::kPrepare, "08S01"},
    {Fault::kSuspended, Stage::kExecute, "08S01"},
    {Fault::kSuspended, Stage::kFirstBatch, "08S01"},
    {Fault::kSuspended, Stage::kMidStream, "08S01"},
    {Fault::kSuspended, Stage::kClear, ""},
    {Fault::kSessionExpired, Stage::kConnect, "28000"},
    {Fault::kSessionExpired, Stage::kPrepare, ""},
    {Fault::kSessionExpired, Stage::kExecute, ""},
    {Fault::kSessionExpired, Stage::kFirstBatch, "HY000"},
    {Fault::kSessionExpired, Stage::kMidStream, "HY000"},
    {Fault::kSessionExpired, Stage::kClear, ""},
    {Fault::kSlow, Stage::kConnect, "HYT00"},
    {Fault::kSlow, Stage::kPrepare, "HYT00"},
    {Fault::kSlow, Stage::kExecute, "HYT00"},
    {Fault::kSlow, Stage::kFirstBatch, "HYT00"},
    {Fault::kSlow, Stage::kMidStream, "HYT00"},
    {Fault::kSlow, Stage::kClear, ""},
    {Fault::kCancel, Stage::kPrepare, "HY008"},
    {Fault::kCancel, Stage::kExecute, "HY008"},
    {Fault::kCancel, Stage::kFirstBatch, "HY008"},
    {Fault::kCancel, Stage::kMidStream, "HY008"},
};

INSTANTIATE_TEST_SUITE_P(Matrix, FaultMatrixTest, ::testing::ValuesIn(kCells),
                         [](const ::testing::TestParamInfo<Cell>& param) {
                           return std::string(Name(param.param.fault)) + "_" + Name(param.param.stage);
                         });

}  // namespace
}  // namespace e6test
