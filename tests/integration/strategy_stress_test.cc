// Many connections streaming at once while the deployment switches colour
// back and forth (spec §9): in-flight queries finish on their pinned colour,
// new ones follow the switch, and no row is lost, repeated or reordered.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "odbc_test_support.h"

namespace e6test {
namespace {

constexpr int kThreads = 8;
constexpr int kQueriesPerThread = 3;
constexpr int64_t kRows = 100000;
constexpr SQLULEN kRowset = 500;
// bench.rows_N_l: one LONG column, row r holds r * 7 (never NULL: only later columns are).
const std::string kQuery = "SELECT * FROM bench.rows_" + std::to_string(kRows) + "_l";

// Reads the whole result with a column-wise rowset; "" when every row was
// there exactly once and in order, else what went wrong.
std::string ReadAndCheck(const Connection& c) {
  Statement s(c);
  if (!Succeeded(s.Execute(kQuery))) return "execute: " + s.Error();
  std::vector<SQLBIGINT> values(kRowset);
  std::vector<SQLLEN> indicators(kRowset);
  SQLULEN fetched = 0;
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRowset), 0);
  SQLSetStmtAttr(s.get(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  SQLBindCol(s.get(), 1, SQL_C_SBIGINT, values.data(), sizeof(SQLBIGINT), indicators.data());
  int64_t next = 0;
  for (;;) {
    const SQLRETURN rc = SQLFetch(s.get());
    if (rc == SQL_NO_DATA) break;
    if (!Succeeded(rc)) return "fetch at row " + std::to_string(next) + ": " + s.Error();
    for (SQLULEN i = 0; i < fetched; ++i, ++next) {
      if (values[i] != next * 7) {
        return "row " + std::to_string(next) + " holds " + std::to_string(values[i]) + ", expected " +
               std::to_string(next * 7);
      }
    }
  }
  return next == kRows ? "" : "read " + std::to_string(next) + " rows of " + std::to_string(kRows);
}

using StrategyStressTest = OwnEmulatorTest;

TEST_F(StrategyStressTest, SwitchingColourMidStreamLosesAndRepeatsNoRow) {
  Start({"--strategy", "blue", "--batch-rows", "2000"});
  std::vector<std::unique_ptr<Connection>> connections;
  for (int t = 0; t < kThreads; ++t) {
    connections.push_back(std::make_unique<Connection>());
    ASSERT_EQ(connections.back()->Open(ConnectionString()), SQL_SUCCESS) << connections.back()->Error();
  }
  std::atomic<int> running{kThreads};
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      for (int q = 0; q < kQueriesPerThread && failures[t].empty(); ++q) failures[t] = ReadAndCheck(*connections[t]);
      --running;
    });
  }
  // Flip the deployment while the workers stream. Both colours stay accepted
  // (the previous one for pinned, in-flight queries), as during a real switch.
  int switches = 0;
  while (running > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(120));
    ConfigureRequest flip;
    flip.set_switch_strategy(switches % 2 == 0 ? "green" : "blue");
    emulator().Configure(flip);
    ++switches;
  }
  for (std::thread& worker : workers) worker.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], "") << "thread " << t;
  EXPECT_GE(switches, 2) << "the workers finished before the deployment switched";

  // The switch is over: the old colour is refused from now on. Every
  // connection finds the current colour again (456 -> re-detect) and reads on.
  ConfigureRequest retire;
  retire.set_retire_previous_strategy(true);
  emulator().Configure(retire);
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(ReadAndCheck(*connections[t]), "") << "after the switch, thread " << t;
  const StatsResponse stats = emulator().Stats();
  EXPECT_GT(stats.strategy_headers().count("green") ? stats.strategy_headers().at("green") : 0, 0)
      << "no call ever went to green: the test did not exercise a switch";
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

}  // namespace
}  // namespace e6test
