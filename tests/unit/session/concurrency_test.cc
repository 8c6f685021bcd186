// Concurrency of the session layer, written to run under ThreadSanitizer
// (scripts/tsan.sh) as well as in the normal build: many sessions and queries
// sharing one StrategyCache while the deployment switches colour mid-stream,
// SQLCancel from another thread, and the StrategyCache hammered directly.
// Outcomes are deterministic whatever the interleaving; no timing is asserted
// (waits are bounded only so that a hang fails instead of blocking ctest).
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "engine_test.h"
#include "session/call_control.h"
#include "session/query.h"
#include "session/session.h"

namespace e6odbc::session::fake {
namespace {

using namespace std::chrono_literals;

constexpr int kSessionThreads = 8;
constexpr int kRounds = 6;
constexpr int kPairsPerRound = 3;  // pairs of queries per thread and round
constexpr int kBatches = 8;          // per query
constexpr int kRowsPerBatch = 4;
constexpr int kRowsPerQuery = kBatches * kRowsPerBatch;

// --- A Thrift Chunk (spec §5) of LONG columns, built byte by byte ---

void PutI32(std::string& out, int32_t value) {
  const auto u = static_cast<uint32_t>(value);
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((u >> shift) & 0xff));
}

void PutI64(std::string& out, int64_t value) {
  const auto u = static_cast<uint64_t>(value);
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((u >> shift) & 0xff));
}

void PutField(std::string& out, int type, int id) {
  out.push_back(static_cast<char>(type));
  out.push_back(0);
  out.push_back(static_cast<char>(id));
}

// `columns` LONG columns, every one holding `values`, none null.
std::string LongChunk(const std::vector<int64_t>& values, int columns) {
  constexpr int kI32 = 8, kI64 = 10, kBool = 2, kStruct = 12, kList = 15, kLong = 6;
  const auto rows = static_cast<int32_t>(values.size());
  std::string out;
  PutField(out, kI32, 1);  // Chunk.size
  PutI32(out, rows);
  PutField(out, kList, 2);  // Chunk.vectors
  out.push_back(static_cast<char>(kStruct));
  PutI32(out, columns);
  for (int c = 0; c < columns; ++c) {
    PutField(out, kI32, 1);  // Vector.size
    PutI32(out, rows);
    PutField(out, kI32, 2);  // Vector.vectorType
    PutI32(out, kLong);
    PutField(out, kList, 3);  // Vector.nullSet
    out.push_back(static_cast<char>(kBool));
    PutI32(out, rows);
    out.append(static_cast<size_t>(rows), '\0');
    PutField(out, kStruct, 4);  // Vector.data
    PutField(out, kStruct, 3);  //   .int64Data
    PutField(out, kList, 1);    //     .data
    out.push_back(static_cast<char>(kI64));
    PutI32(out, rows);
    for (const int64_t v : values) PutI64(out, v);
    out.push_back(0);  // STOP int64Data
    out.push_back(0);  // STOP data
    PutField(out, kBool, 5);  // Vector.isConstantVector
    out.push_back(0);
    out.push_back(0);  // STOP Vector
  }
  out.push_back(0);  // STOP Chunk
  return out;
}

// Batch b holds the rows b*kRowsPerBatch .. b*kRowsPerBatch + kRowsPerBatch - 1,
// in both columns of the m1 metadata: every query must read 0 .. kRowsPerQuery-1 once each.
std::vector<std::string> NumberedBatches() {
  std::vector<std::string> batches;
  for (int b = 0; b < kBatches; ++b) {
    std::vector<int64_t> values;
    for (int r = 0; r < kRowsPerBatch; ++r) values.push_back(b * kRowsPerBatch + r);
    batches.push_back(LongChunk(values, 2));
  }
  return batches;
}

std::string Other(const std::string& colour) { return colour == "blue" ? "green" : "blue"; }

// Counts how often each row number was read; empty when all were read exactly once.
class RowTally {
 public:
  void Add(const wire::ColumnBatch& batch) {
    for (size_t row = 0; row < batch.row_count(); ++row) {
      const int64_t value = batch.columns().at(0).int64_values.at(row);
      if (value < 0 || value >= kRowsPerQuery) {
        ++out_of_range_;
      } else {
        ++seen_[static_cast<size_t>(value)];
      }
    }
  }
  // "" when every row was seen exactly once, else what went wrong.
  std::string Problems() const {
    std::string problems;
    if (out_of_range_ > 0) problems += std::to_string(out_of_range_) + " unknown rows; ";
    for (size_t value = 0; value < seen_.size(); ++value) {
      if (seen_[value] != 1) problems += "row " + std::to_string(value) + " x" + std::to_string(seen_[value]) + "; ";
    }
    return problems;
  }

 private:
  std::vector<int> seen_ = std::vector<int>(kRowsPerQuery, 0);
  int out_of_range_ = 0;
};

class ConcurrencyTest : public EngineTest {
 protected:
  void SetUp() override {
    engine_.ServeBatches(NumberedBatches());
    // Session ids name the colour they were granted on, so that the log tells
    // which deployment every query ran in.
    engine_.OnAuthenticate([n = 0](const std::string& strategy, AuthenticateResponse* response) mutable {
      response->set_sessionid("s-" + strategy + "-" + std::to_string(++n));
      return grpc::Status::OK;
    });
  }
};

// Runs `body` on `threads` threads and waits for all of them, failing (not
// hanging) when they take longer than `bound`.
void RunThreads(int threads, const std::function<void(int)>& body, std::chrono::seconds bound = 300s) {
  std::vector<std::future<void>> done;
  for (int t = 0; t < threads; ++t) done.push_back(std::async(std::launch::async, body, t));
  const auto until = std::chrono::steady_clock::now() + bound;
  for (auto& d : done) {
    if (d.wait_until(until) != std::future_status::ready) {
      // Waiting on (destroying) the futures would block for good: end the run.
      std::cerr << "threads still running " << bound.count() << " s after they started: a hang\n";
      std::abort();
    }
  }
  for (auto& d : done) d.get();
}

// (a) Sessions on many threads prepare, execute, read every batch and close,
// two queries open at a time, while the deployment switches colour. Even
// rounds switch announced, mid-stream: when every thread has read half of its
// second pair of queries, both colours are served and every third batch
// response announces the new one; the old colour retires once all the round's
// queries closed. Odd rounds end with an abrupt switch: only the other colour
// is served from then on, so the next round's first calls get 456 and every
// session detects the colour again (T10, T2 -> T1).
TEST_F(ConcurrencyTest, ColourSwitchesMidStreamLoseAndRepeatNoRow) {
  // The colour served at a round's start; changed only in barrier completions.
  std::string colour = "blue";
  engine_.Accept({colour});
  std::mutex results_mutex;
  std::vector<std::string> failures;  // queries that failed or did not read every row exactly once
  std::vector<std::string> final_sessions(kSessionThreads);
  // Per round: strategies_.active() once all its queries closed, and the colour it should be.
  std::vector<std::pair<std::string, std::string>> after_round;
  const auto start_switch = [&]() noexcept {
    engine_.Accept({colour, Other(colour)});  // the new deployment is up; the old one drains
    engine_.AnnounceOnBatches(Other(colour), 3);
  };
  const auto end_round = [&]() noexcept {
    const bool announced = after_round.size() % 2 == 0;
    after_round.emplace_back(strategies_.active().value_or("(none)"), announced ? Other(colour) : colour);
    colour = Other(colour);
    engine_.AnnounceOnBatches("", 0);
    engine_.Accept({colour});  // announced: the old colour retires; otherwise the abrupt switch
  };
  std::barrier mid_round(kSessionThreads, start_switch);
  std::barrier round_end(kSessionThreads, end_round);
  std::barrier final_barrier(kSessionThreads);

  const auto record = [&](const std::string& what) {
    std::lock_guard lock(results_mutex);
    failures.push_back(what);
  };
  // Prepares, executes and reads one query to the end; returns the session it ran in.
  const auto run_one = [&](Session& session, const std::string& name) {
    auto query = session.NewQuery();
    RowTally rows;
    query->Prepare("select 1");
    query->Execute();
    while (const std::optional<wire::ColumnBatch> batch = query->NextBatch()) rows.Add(*batch);
    if (const std::string p = rows.Problems(); !p.empty()) record(name + ": " + p);
    for (const RecordedCall& call : engine_.Log()) {
      if (call.method == "executeStatement" && call.query_id == query->query_id()) return call.session_id;
    }
    return std::string("(no execute seen)");
  };

  const auto worker = [&](int t) {
    Session session(Settings(), strategies_);
    for (int round = 0; round < kRounds; ++round) {
      for (int i = 0; i < kPairsPerRound; ++i) {
        const std::string name = "thread " + std::to_string(t) + " round " + std::to_string(round) + " pair " +
                                 std::to_string(i);
        bool switch_here = round % 2 == 0 && i == 1;
        const auto mid_stream = [&] {
          if (!switch_here) return;
          switch_here = false;
          mid_round.arrive_and_wait();
        };
        // Two queries in flight on the same connection, read alternately.
        auto first = session.NewQuery();
        auto second = session.NewQuery();
        RowTally first_rows, second_rows;
        try {
          first->Prepare("select a from t");
          second->Prepare("select b from t");
          first->Execute();
          second->Execute();
          bool first_open = true, second_open = true;
          for (int step = 0; first_open || second_open; ++step) {
            if (step == kBatches / 2) mid_stream();
            if (first_open) {
              if (const auto batch = first->NextBatch()) {
                first_rows.Add(*batch);
              } else {
                first_open = false;
                first->Close();
              }
            }
            if (second_open) {
              if (const auto batch = second->NextBatch()) {
                second_rows.Add(*batch);
              } else {
                second_open = false;
              }
            }
          }
          second.reset();  // closed by the destructor
          if (const std::string p = first_rows.Problems(); !p.empty()) record(name + " first: " + p);
          if (const std::string p = second_rows.Problems(); !p.empty()) record(name + " second: " + p);
        } catch (const DriverError& error) {
          record(name + ": " + error.sqlstate() + " " + error.what());
        }
        mid_stream();  // a failed pair must not keep the other threads waiting
      }
      round_end.arrive_and_wait();
    }
    // After the last (abrupt) switch, a first query may still run in the
    // session of before: another thread may have cleared the cache, and a
    // call without a strategy header is served. Once every thread ran one,
    // the new colour has been detected (someone got the 456 and completed
    // T10), so the second query must run in a session granted on it (T8).
    const std::string final_name = "thread " + std::to_string(t) + " final query ";
    try {
      run_one(session, final_name + "1");
    } catch (const DriverError& error) {
      record(final_name + "1: " + error.sqlstate() + " " + error.what());
    }
    final_barrier.arrive_and_wait();
    try {
      const std::string last = run_one(session, final_name + "2");
      std::lock_guard lock(results_mutex);
      final_sessions[static_cast<size_t>(t)] = last;
    } catch (const DriverError& error) {
      record(final_name + "2: " + error.sqlstate() + " " + error.what());
    }
  };
  RunThreads(kSessionThreads, worker);

  std::string all_failures;
  for (const std::string& f : failures) all_failures += "\n  " + f;
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures:" << all_failures;
  // After an announced switch, the last query to close applied it (T7): no
  // pin was left behind. After an abrupt one, detection found the new colour.
  ASSERT_EQ(after_round.size(), static_cast<size_t>(kRounds));
  for (size_t round = 0; round < after_round.size(); ++round) {
    EXPECT_EQ(after_round[round].first, after_round[round].second) << "after round " << round;
  }
  const std::string final_colour = colour;
  for (int t = 0; t < kSessionThreads; ++t) {
    EXPECT_EQ(final_sessions[static_cast<size_t>(t)].rfind("s-" + final_colour + "-", 0), 0u)
        << "thread " << t << " ran its last query in session " << final_sessions[static_cast<size_t>(t)];
  }
  EXPECT_EQ(strategies_.active(), final_colour);
  // Nothing is pinned any more: an announcement applies at once.
  strategies_.Announce(Other(final_colour));
  EXPECT_EQ(strategies_.active(), Other(final_colour));
  EXPECT_EQ(strategies_.pending(), std::nullopt);
  // Pinning (T6) keeps every per-query call on its prepare's colour.
  std::string changes;
  for (const auto& [change, count] : engine_.ColourChangesWithinQueries()) {
    changes += " " + change + " x" + std::to_string(count) + ";";
  }
  EXPECT_EQ(changes, "") << "per-query calls sent on another colour than their prepare";
}

// Waits (bounded) until the fake has received `n` calls of `method`.
void AwaitCalls(const FakeEngine& engine, const std::string& method, int n) {
  const auto until = std::chrono::steady_clock::now() + 60s;
  while (engine.Calls(method) < n && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
  ASSERT_GE(engine.Calls(method), n) << method << " never arrived";
}

// Found by the stress test above: a query must be pinned to the colour its
// prepare was sent with, not the one active when the response arrives, or a
// switch that another connection applies meanwhile sends its execute,
// batches and clear to a deployment that never saw the query.
TEST_F(ConcurrencyTest, AQueryStaysOnTheColourItWasPreparedWith) {
  strategies_.SetActive("blue");
  engine_.Delay("prepareStatement", 2000ms);  // room for the switch below; a bound, not an assertion
  Session session(Settings(), strategies_);
  session.EnsureAuthenticated();
  auto query = session.NewQuery();
  auto prepared = std::async(std::launch::async, [&] { query->Prepare("select 1"); });
  AwaitCalls(engine_, "prepareStatement", 1);
  strategies_.Announce("green");  // another connection's response: nothing pinned, so applied at once (T5/T7)
  prepared.get();
  query->Execute();
  EXPECT_EQ(engine_.Last("prepareStatement").strategy, "blue");
  EXPECT_EQ(engine_.Last("executeStatement").strategy, "blue");
}

// Likewise: a prepare answered while another connection has cleared the
// cache (a 456, T10) must still pin its colour, or the query would follow
// whatever colour is active next - mid-stream too, where a refused batch
// loses the result.
TEST_F(ConcurrencyTest, AQueryPreparedWhileTheCacheIsClearedKeepsItsColour) {
  strategies_.SetActive("blue");
  engine_.Delay("prepareStatement", 2000ms);
  Session session(Settings(), strategies_);
  session.EnsureAuthenticated();
  auto query = session.NewQuery();
  auto prepared = std::async(std::launch::async, [&] { query->Prepare("select 1"); });
  AwaitCalls(engine_, "prepareStatement", 1);
  strategies_.Clear();  // another connection got 456 and detects again
  prepared.get();
  query->Execute();
  strategies_.SetActive("green");  // ... and found green
  ASSERT_TRUE(query->NextBatch().has_value());
  EXPECT_EQ(engine_.Last("prepareStatement").strategy, "blue");
  EXPECT_EQ(engine_.Last("executeStatement").strategy, "blue");
  EXPECT_EQ(engine_.Last("getNextResultBatch").strategy, "blue");
}

// (b) SQLCancel: while one thread waits in executeStatement (the fake holds
// it far longer than the bound below), another cancels the operation. The
// wait ends with HY008, the engine is told (cancelQuery) and the query is
// unpinned. The canceller does not wait for the call to be in flight: it
// cancels over and over, so that every point of Begin / Track / the call is hit.
TEST_F(ConcurrencyTest, CancelFromAnotherThreadEndsExecuteWithHY008) {
  constexpr int kRepeats = 25;
  engine_.Delay("executeStatement", 600s);
  strategies_.SetActive("blue");
  Session session(Settings(), strategies_);
  for (int i = 0; i < kRepeats; ++i) {
    auto query = session.NewQuery();
    query->Prepare("select 1");
    std::atomic<bool> done{false};
    auto running = std::async(std::launch::async, [&] {
      Operation operation(query->control(), 0s);
      const std::string state = StateOf([&] { query->Execute(); });
      done = true;
      return state;
    });
    const auto until = std::chrono::steady_clock::now() + 60s;
    while (!done && std::chrono::steady_clock::now() < until) {
      query->control().Cancel();
      std::this_thread::sleep_for(std::chrono::milliseconds(i % 3));
    }
    ASSERT_EQ(running.wait_for(10s), std::future_status::ready) << "repeat " << i << ": the cancel was lost";
    EXPECT_EQ(running.get(), "HY008") << "repeat " << i;
    EXPECT_EQ(query->query_id(), "") << "the cancelled query is dropped";
  }
  // Whether the call was in flight or not sent yet, the engine is told once per query.
  EXPECT_EQ(engine_.Calls("cancelQuery"), kRepeats);
  EXPECT_LE(engine_.Calls("executeStatement"), kRepeats);
  // No pin left: an announcement applies at once.
  strategies_.Announce("green");
  EXPECT_EQ(strategies_.active(), "green");
}

// (b) The same for a fetch: the executing thread reads a batch the fake holds
// back; the cancel interrupts it, and the result is then marked incomplete.
TEST_F(ConcurrencyTest, CancelFromAnotherThreadEndsAFetchWithHY008) {
  constexpr int kRepeats = 10;
  engine_.Delay("getNextResultBatch", 600s);
  Session session(Settings(), strategies_);
  for (int i = 0; i < kRepeats; ++i) {
    auto query = session.NewQuery();
    query->Prepare("select 1");
    query->Execute();
    const int batches_before = engine_.Calls("getNextResultBatch");
    auto running = std::async(std::launch::async, [&] {
      Operation operation(query->control(), 0s);
      return StateOf([&] { query->NextBatch(); });
    });
    // This time the cancel waits until the fake holds the call.
    const auto until = std::chrono::steady_clock::now() + 60s;
    while (engine_.Calls("getNextResultBatch") == batches_before && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(1ms);
    }
    query->control().Cancel();
    ASSERT_EQ(running.wait_for(30s), std::future_status::ready) << "repeat " << i << ": the cancel was lost";
    EXPECT_EQ(running.get(), "HY008") << "repeat " << i;
    EXPECT_EQ(StateOf([&] { query->NextBatch(); }), "HY000") << "a cancelled fetch leaves the result incomplete";
  }
  EXPECT_EQ(engine_.Calls("cancelQuery"), kRepeats);
}

// (c) The StrategyCache alone, from many threads. Phase 1 never clears, so
// every pin holds a colour that must not change until its unpin. Phase 2 adds
// Clear(). Checked at the end, whatever the interleaving: generation only
// grew; colours alternate, so it is even exactly when blue is active again;
// nothing stayed pinned.
TEST(StrategyCacheConcurrency, HammeredFromManyThreadsKeepsItsInvariants) {
  constexpr int kThreads = 12;
  constexpr int kOperations = 3000;
  StrategyCache cache;
  cache.SetActive("blue");  // generation 0 belongs to blue
  const std::vector<std::string> colours = {"blue", "green", "Blue", "GREEN", "purple", ""};
  for (const bool with_clear : {false, true}) {
    std::vector<std::string> problems(kThreads);
    RunThreads(kThreads, [&](int t) {
      std::mt19937 random(static_cast<unsigned>(t * 7919 + (with_clear ? 1 : 0)));
      std::string& problem = problems[static_cast<size_t>(t)];
      std::map<std::string, std::optional<std::string>> pinned;  // this thread's pins and their colours
      uint64_t last_generation = 0;
      for (int i = 0; i < kOperations; ++i) {
        const std::string colour = colours[random() % colours.size()];
        const std::string id = "t" + std::to_string(t) + "-" + std::to_string(random() % 4);
        switch (random() % 9) {
          case 0:
            cache.Pin(id);  // pins again when already pinned: the colour may change here
            pinned[id] = cache.ForQuery(id);
            break;
          case 1:
            cache.Unpin(id);
            pinned.erase(id);
            break;
          case 2:
            cache.Announce(colour);
            break;
          case 3:
            cache.ApplyPending();
            break;
          case 4:
            cache.SetActive(colour);
            break;
          case 5:
            if (with_clear) cache.Clear();
            break;
          case 6: {
            const std::optional<std::string> seen = cache.ForQuery(id);
            if (seen && *seen != "blue" && *seen != "green") problem = "ForQuery gave " + *seen;
            const auto pin = pinned.find(id);
            if (!with_clear && pin != pinned.end() && seen != pin->second) {
              problem = "pin of " + id + " moved from " + pin->second.value_or("none") + " to " +
                        seen.value_or("none");
            }
            break;
          }
          case 7: {
            const uint64_t generation = cache.generation();
            if (generation < last_generation) problem = "generation went back";
            last_generation = generation;
            break;
          }
          default: {
            const std::optional<std::string> active = cache.ActiveNoOlderThan(0s);
            if (!with_clear && !active) problem = "active lost without Clear()";
            if (active && *active != "blue" && *active != "green") problem = "active is " + *active;
            break;
          }
        }
      }
      for (const auto& [id, colour] : pinned) cache.Unpin(id);
    });
    for (int t = 0; t < kThreads; ++t) EXPECT_EQ(problems[static_cast<size_t>(t)], "") << "thread " << t;
  }
  // Single-threaded from here: the state must be consistent.
  cache.SetActive("blue");
  EXPECT_EQ(cache.generation() % 2, 0u) << "every switch alternates the colour, so blue <=> an even count";
  EXPECT_EQ(cache.pending(), std::nullopt);
  cache.Announce("green");
  EXPECT_EQ(cache.active(), "green") << "a pin was left behind";
  EXPECT_EQ(cache.generation() % 2, 1u);
  for (int t = 0; t < kThreads; ++t) {
    for (int n = 0; n < 4; ++n) {
      EXPECT_EQ(cache.ForQuery("t" + std::to_string(t) + "-" + std::to_string(n)), "green");
    }
  }
}

}  // namespace
}  // namespace e6odbc::session::fake
