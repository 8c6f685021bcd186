#include "session/strategy_cache.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace e6odbc::session
