// Many sessions and queries at once: 16 clients, each on its own connection
// with its own session, run queries over different tables and the bench
// schema concurrently, read every batch and compare row counts and sums with
// values computed independently (SQLite over a fresh copy of the sample data,
// closed forms for the bench rows). Afterwards nothing is left open.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "raw_client.h"
#include "sample_data.h"

namespace e6emu {
namespace {

struct Expected {
  std::string sql;  // one LONG column first; its rows are counted and summed
  int64_t rows = 0;
  int64_t sum = 0;
};

struct Observed {
  int64_t rows = 0;
  int64_t sum = 0;
  std::string error;
};

constexpr int kClients = 16;

// `SELECT column rest` and its row count and sum of `column`, straight from SQLite.
Expected FromSqlite(sqlite3* db, const std::string& column, const std::string& rest) {
  Expected out{"SELECT " + column + " " + rest};
  sqlite3_stmt* stmt = nullptr;
  const std::string wrapped = "SELECT count(*), coalesce(sum(" + column + "), 0) " + rest;
  EXPECT_EQ(sqlite3_prepare_v2(db, wrapped.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    out.rows = sqlite3_column_int64(stmt, 0);
    out.sum = sqlite3_column_int64(stmt, 1);
  }
  sqlite3_finalize(stmt);
  return out;
}

// The queries of client `c`: three tables filtered differently per client, and a bench
// table whose first column is row * 7 (never NULL), so its sum is 7 * n (n - 1) / 2.
std::vector<Expected> QueriesOf(sqlite3* db, int c) {
  const std::string k = std::to_string(c);
  const int64_t bench_rows = 20000 + 1000 * c;
  return {
      FromSqlite(db, "l_orderkey", "FROM tpch.lineitem WHERE l_orderkey % 16 = " + k),
      FromSqlite(db, "o_custkey", "FROM tpch.orders WHERE o_orderkey % 16 = " + k),
      FromSqlite(db, "c_custkey", "FROM tpch.customer WHERE c_nationkey <> " + k),
      Expected{"SELECT * FROM bench.rows_" + std::to_string(bench_rows) + "_lds", bench_rows,
               7 * bench_rows * (bench_rows - 1) / 2},
  };
}

Observed RunAndRead(QueryEngineService::Stub& engine, const std::string& session, const std::string& sql) {
  Observed out;
  const std::string query = testing::PrepareAndExecute(engine, session, sql);
  if (query.empty()) {
    out.error = "prepare/execute failed";
    return out;
  }
  for (int batches = 0; batches < 10000; ++batches) {
    std::string bytes;
    const grpc::Status status = testing::NextBatch(engine, session, query, bytes);
    if (!status.ok()) {
      out.error = status.error_message();
      break;
    }
    if (bytes.empty()) break;
    const e6x::vectors::Chunk chunk = testing::Decode(std::move(bytes));
    const e6x::vectors::Vector& first = chunk.vectors.at(0);
    out.rows += chunk.size;
    for (size_t r = 0; r < first.data.int64Data.data.size(); ++r) {
      if (!first.nullSet.at(r)) out.sum += first.data.int64Data.data[r];
    }
  }
  if (!testing::Clear(engine, session, query).ok()) out.error += " clear failed";
  return out;
}

TEST(Concurrency, SixteenClientsQueryAtOnceAndGetExactlyTheirRows) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  LoadSampleData(db);
  std::vector<std::vector<Expected>> expected;
  for (int c = 0; c < kClients; ++c) expected.push_back(QueriesOf(db, c));
  sqlite3_close(db);

  EmulatorOptions options;
  options.batch_rows = 512;  // many batches per query: calls of different clients interleave
  Emulator emulator(options);
  const int port = emulator.Start("127.0.0.1:0");

  std::vector<std::vector<Observed>> observed(kClients);
  std::atomic<int> ready{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto engine = QueryEngineService::NewStub(testing::OwnChannel(port));
      std::string session;
      const bool authenticated = testing::Authenticate(*engine, session).ok();
      ++ready;
      while (ready.load() < kClients) std::this_thread::yield();  // start querying together
      for (const Expected& query : expected[static_cast<size_t>(c)]) {
        observed[static_cast<size_t>(c)].push_back(authenticated ? RunAndRead(*engine, session, query.sql)
                                                                 : Observed{0, 0, "authenticate failed"});
      }
    });
  }
  for (std::thread& client : clients) client.join();

  for (size_t c = 0; c < kClients; ++c) {
    for (size_t q = 0; q < expected[c].size(); ++q) {
      SCOPED_TRACE("client " + std::to_string(c) + ": " + expected[c][q].sql);
      EXPECT_EQ(observed[c][q].error, "");
      EXPECT_GT(expected[c][q].rows, 0);
      EXPECT_EQ(observed[c][q].rows, expected[c][q].rows);
      EXPECT_EQ(observed[c][q].sum, expected[c][q].sum);
    }
  }
  auto control = EmulatorControl::NewStub(testing::OwnChannel(port));
  const StatsResponse stats = testing::Stats(*control);
  EXPECT_EQ(stats.open_queries(), 0);
  EXPECT_EQ(stats.sessions(), kClients);
  EXPECT_EQ(stats.calls_by_method().at("QueryEngineService/prepareStatement"), kClients * 4);
  EXPECT_EQ(stats.calls_by_method().at("QueryEngineService/clearOrCancelQuery"), kClients * 4);
}

}  // namespace
}  // namespace e6emu
