#include "session/strategy_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace e6odbc::session {
namespace {

TEST(StrategyCache, NormalizesAndIgnoresOtherValues) {
  EXPECT_EQ(StrategyCache::Normalize(" Blue "), "blue");
  EXPECT_EQ(StrategyCache::Normalize("GREEN"), "green");
  EXPECT_EQ(StrategyCache::Normalize("red"), std::nullopt);
  EXPECT_EQ(StrategyCache::Normalize(""), std::nullopt);
}

TEST(StrategyCache, PinnedQueriesKeepTheirColourUntilUnpinned) {
  StrategyCache cache;
  cache.SetActive("blue");
  cache.Pin("q1");
  cache.Announce("green");  // T5: pending while q1 is in flight
  EXPECT_EQ(cache.active(), "blue");
  EXPECT_EQ(cache.pending(), "green");
  EXPECT_EQ(cache.ForQuery("q1"), "blue");
  cache.Unpin("q1");  // T7: nothing pinned -> apply
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.pending(), std::nullopt);
  EXPECT_EQ(cache.ForQuery("q1"), "green");
}

TEST(StrategyCache, AnnouncingTheActiveColourOrJunkChangesNothing) {
  StrategyCache cache;
  cache.SetActive("green");
  cache.Announce("GREEN");
  cache.Announce("purple");
  cache.Announce("");
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.pending(), std::nullopt);
}

TEST(StrategyCache, ClearForgetsActiveAndPendingButKeepsPins) {
  StrategyCache cache;
  cache.SetActive("blue");
  cache.Pin("q");
  cache.Announce("green");
  cache.Clear();
  EXPECT_EQ(cache.active(), std::nullopt);
  EXPECT_EQ(cache.pending(), std::nullopt);
  EXPECT_EQ(cache.ForQuery("q"), "blue");
}

TEST(StrategyCache, PendingWaitsForEveryPinnedQuery) {
  StrategyCache cache;
  cache.SetActive("blue");
  cache.Pin("q1");
  cache.Pin("q2");
  cache.Announce("green");
  cache.Unpin("q1");
  EXPECT_EQ(cache.active(), "blue") << "q2 is still in flight";
  cache.Unpin("unknown");
  EXPECT_EQ(cache.active(), "blue");
  cache.Unpin("q2");
  EXPECT_EQ(cache.active(), "green");
}

TEST(StrategyCache, AnnouncementWithNothingInFlightAppliesAtOnce) {
  StrategyCache cache;
  cache.SetActive("blue");
  cache.Announce("green");
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.pending(), std::nullopt);
}

TEST(StrategyCache, NothingIsPinnedWhileNoColourIsKnown) {
  StrategyCache cache;
  cache.Pin("q1");
  EXPECT_EQ(cache.ForQuery("q1"), std::nullopt);
  cache.SetActive("green");
  EXPECT_EQ(cache.ForQuery("q1"), "green") << "an unpinned query follows active";
}

TEST(StrategyCache, SetActiveDropsPendingAndIgnoresJunk) {
  StrategyCache cache;
  cache.SetActive("blue");
  cache.Pin("q");
  cache.Announce("green");
  cache.SetActive("Green");
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.pending(), std::nullopt);
  cache.SetActive("purple");  // never stored (spec §9.1)
  EXPECT_EQ(cache.active(), "green");
}

TEST(StrategyCache, GenerationCountsSwitchesOnly) {
  StrategyCache cache;
  EXPECT_EQ(cache.generation(), 0u);
  cache.SetActive("blue");  // first detection
  cache.SetActive("blue");  // the same colour again
  EXPECT_EQ(cache.generation(), 0u);
  cache.Announce("green");  // nothing pinned: applied at once
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.generation(), 1u);
  cache.Pin("q");
  cache.Announce("blue");
  EXPECT_EQ(cache.generation(), 1u) << "pending while q runs";
  cache.Unpin("q");
  EXPECT_EQ(cache.active(), "blue");
  EXPECT_EQ(cache.generation(), 2u);
  cache.Clear();  // a 456, then detection finds green: a switch as well
  cache.SetActive("green");
  EXPECT_EQ(cache.generation(), 3u);
  cache.Clear();  // and finding the same colour again is not
  cache.SetActive("green");
  EXPECT_EQ(cache.generation(), 3u);
}

TEST(StrategyCache, ActiveAgesOnlyWhenAskedTo) {
  StrategyCache cache;
  cache.SetActive("green");
  EXPECT_EQ(cache.ActiveNoOlderThan(std::chrono::seconds(0)), "green");
  EXPECT_EQ(cache.ActiveNoOlderThan(std::chrono::seconds(300)), "green");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(cache.ActiveNoOlderThan(std::chrono::seconds(1)), std::nullopt);
  EXPECT_EQ(cache.active(), "green") << "ageing is a view, not a change";
}

TEST(StrategyCache, ConcurrentPinsAndUnpinsLeaveNoPinBehind) {
  StrategyCache cache;
  cache.SetActive("blue");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string id = std::to_string(t) + "-" + std::to_string(i);
        cache.Pin(id);
        cache.Announce(i % 2 ? "green" : "blue");
        EXPECT_TRUE(cache.ForQuery(id).has_value());
        cache.Unpin(id);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  cache.Announce("green");  // with no pins left, any announcement applies at once
  EXPECT_EQ(cache.active(), "green");
  EXPECT_EQ(cache.pending(), std::nullopt);
}

}  // namespace
}  // namespace e6odbc::session
