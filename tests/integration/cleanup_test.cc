// Random sequences of ODBC calls (seeded, so a failure replays) against a
// model of which statements hold a query on the engine: after every call the
// emulator's open-query count must equal the model's. Covers every way a
// server query ends: end of data, SQLCloseCursor, SQLFreeStmt(SQL_CLOSE),
// SQLCancel on an idle statement, a new SQLPrepare/SQLExecDirect, freeing the
// statement and disconnecting with statements still open.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>

#include "odbc_test_support.h"

namespace e6test {
namespace {

struct QueryShape {
  const char* sql;
  int rows;
};
// One batch, and several (the emulator runs with 1000-row batches).
constexpr std::array<QueryShape, 2> kQueries = {{{"SELECT r_name FROM region", 5},
                                                 {"SELECT * FROM bench.rows_3200_l", 3200}}};

struct Slot {
  std::unique_ptr<Statement> statement;
  bool holds_query = false;  // the model: the engine has a query for this statement
  bool cursor_open = false;  // ODBC's view (stays open after SQL_NO_DATA until closed)
  bool prepared = false;     // SQLPrepare was the last way a text was given
  int prepared_rows = 0;
  int rows_left = 0;
};

class CleanupTest : public OwnEmulatorTest, public ::testing::WithParamInterface<unsigned> {};

TEST_P(CleanupTest, RandomCallSequencesLeaveExactlyTheModelsQueriesOpen) {
  Start({"--batch-rows", "1000"});
  std::mt19937 random(GetParam());
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  constexpr int kConnections = 2;
  constexpr int kSlots = 3;
  std::array<std::unique_ptr<Connection>, kConnections> connections;
  std::array<std::array<Slot, kSlots>, kConnections> slots;
  const auto connect = [&](int c) {
    connections[c] = std::make_unique<Connection>();
    ASSERT_EQ(connections[c]->Open(ConnectionString()), SQL_SUCCESS) << connections[c]->Error();
  };
  for (int c = 0; c < kConnections; ++c) connect(c);
  const auto model_open = [&] {
    int open = 0;
    for (const auto& row : slots) {
      for (const Slot& slot : row) open += slot.holds_query ? 1 : 0;
    }
    return open;
  };

  for (int step = 0; step < 160; ++step) {
    const int c = pick(kConnections);
    Slot& slot = slots[c][pick(kSlots)];
    if (!slot.statement) slot.statement = std::make_unique<Statement>(*connections[c]);
    SQLHSTMT h = slot.statement->get();
    std::string what;
    switch (pick(9)) {
      case 0:  // SQLExecDirect
        if (slot.cursor_open) continue;
        {
          const QueryShape& q = kQueries[pick(2)];
          what = std::string("exec ") + q.sql;
          ASSERT_EQ(slot.statement->Execute(q.sql), SQL_SUCCESS) << slot.statement->Error();
          slot = Slot{std::move(slot.statement), true, true, false, 0, q.rows};
        }
        break;
      case 1:  // SQLPrepare
        if (slot.cursor_open) continue;
        {
          const QueryShape& q = kQueries[pick(2)];
          what = std::string("prepare ") + q.sql;
          ASSERT_EQ(SQLPrepare(h, reinterpret_cast<SQLCHAR*>(const_cast<char*>(q.sql)), SQL_NTS), SQL_SUCCESS)
              << slot.statement->Error();
          slot = Slot{std::move(slot.statement), true, false, true, q.rows, 0};
        }
        break;
      case 2:  // SQLExecute of the prepared text (prepares again if it ran before)
        if (slot.cursor_open || !slot.prepared) continue;
        what = "execute";
        ASSERT_EQ(SQLExecute(h), SQL_SUCCESS) << slot.statement->Error();
        slot.holds_query = slot.cursor_open = true;
        slot.rows_left = slot.prepared_rows;
        break;
      case 3:  // a few SQLFetch calls
      case 4:
        if (!slot.cursor_open) continue;
        what = "fetch";
        for (int n = 1 + pick(1200); n > 0; --n) {
          const SQLRETURN rc = SQLFetch(h);
          if (slot.rows_left > 0) {
            ASSERT_EQ(rc, SQL_SUCCESS) << slot.statement->Error();
            --slot.rows_left;
          } else {
            ASSERT_EQ(rc, SQL_NO_DATA) << slot.statement->Error();
            slot.holds_query = false;  // the driver clears as soon as the end is seen
            break;
          }
        }
        break;
      case 5:  // SQLCloseCursor
        if (!slot.cursor_open) continue;
        what = "close cursor";
        ASSERT_EQ(SQLCloseCursor(h), SQL_SUCCESS) << slot.statement->Error();
        slot.holds_query = slot.cursor_open = false;
        break;
      case 6:  // SQLFreeStmt(SQL_CLOSE) or SQLCancel on an idle statement: both close the cursor
        what = "free stmt close / cancel";
        ASSERT_EQ(pick(2) == 0 ? SQLFreeStmt(h, SQL_CLOSE) : SQLCancel(h), SQL_SUCCESS) << slot.statement->Error();
        if (slot.cursor_open) slot.holds_query = slot.cursor_open = false;
        break;
      case 7:  // free the statement
        what = "free statement";
        slot = Slot{};
        break;
      case 8:  // SQLDisconnect with whatever is open (it frees the statements), then connect again
        if (pick(4) != 0) continue;
        what = "disconnect";
        ASSERT_EQ(SQLDisconnect(connections[c]->dbc()), SQL_SUCCESS) << connections[c]->Error();
        for (Slot& s : slots[c]) {
          s.holds_query = false;
          s.cursor_open = false;
        }
        ASSERT_EQ(emulator().OpenQueries(), model_open()) << "seed " << GetParam() << ", step " << step << ": " << what;
        for (Slot& s : slots[c]) {
          if (s.statement) s.statement->Abandon();  // the driver manager freed it with the connection
          s = Slot{};
        }
        connect(c);
        break;
    }
    ASSERT_EQ(emulator().OpenQueries(), model_open()) << "seed " << GetParam() << ", step " << step << ": " << what;
  }
  for (auto& row : slots) {
    for (Slot& slot : row) slot = Slot{};
  }
  EXPECT_EQ(emulator().OpenQueries(), 0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, CleanupTest, ::testing::Values(1u, 2u, 3u, 4u));

using ExitCleanupTest = OwnEmulatorTest;

TEST_F(ExitCleanupTest, AProcessExitingWithOpenHandlesClearsItsServerQuery) {
  Start({"--batch-rows", "1000"});
  const std::string command = std::string("'") + E6_EXIT_WITHOUT_CLEANUP_PATH + "' '" + ConnectionString() +
                              "' 'SELECT * FROM bench.rows_5000_l'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_EQ(Calls("QueryEngineService/executeStatementV2"), 1) << "the client did run its query";
  EXPECT_EQ(AwaitNoOpenQueries(), 0);
}

}  // namespace
}  // namespace e6test
