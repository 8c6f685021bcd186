// The `bench` schema's generated rows, every column letter, across batch
// boundaries and NULL rows, against the formulas docs/emulator.md gives.
#include <gtest/gtest.h>

#include <string>

#include "raw_client.h"

namespace e6emu {
namespace {

// 16-byte big-endian two's complement of a small value.
std::string Decimal16(int64_t unscaled) {
  std::string bytes(16, unscaled < 0 ? '\xff' : '\0');
  for (int i = 0; i < 8; ++i) bytes[static_cast<size_t>(15 - i)] = static_cast<char>((static_cast<uint64_t>(unscaled) >> (8 * i)) & 0xff);
  return bytes;
}

TEST(BenchSchema, EveryColumnLetterFollowsItsFormula) {
  EmulatorOptions options;
  options.batch_rows = 100;
  Emulator emulator(options);
  auto engine = QueryEngineService::NewStub(testing::OwnChannel(emulator.Start("127.0.0.1:0")));
  std::string session;
  ASSERT_TRUE(testing::Authenticate(*engine, session).ok());
  const std::string query = testing::PrepareAndExecute(*engine, session, "select * from BENCH.rows_205_lidstmb ;");
  ASSERT_FALSE(query.empty());
  constexpr int64_t kNewYear2026 = 20454LL * 86400 * 1000000;  // days from 1970-01-01 to 2026-01-01
  int64_t row = 0;
  std::vector<int32_t> sizes;
  for (int i = 0; i < 10; ++i) {
    std::string bytes;
    ASSERT_TRUE(testing::NextBatch(*engine, session, query, bytes).ok());
    if (bytes.empty()) break;
    const e6x::vectors::Chunk chunk = testing::Decode(bytes);
    sizes.push_back(chunk.size);
    ASSERT_EQ(chunk.vectors.size(), 7u);
    for (int32_t r = 0; r < chunk.size; ++r, ++row) {
      SCOPED_TRACE("row " + std::to_string(row));
      const auto at = static_cast<size_t>(r);
      const bool null_row = row % 101 == 0;
      EXPECT_FALSE(chunk.vectors[0].nullSet[at]) << "the first column is never NULL";
      for (size_t c = 1; c < 7; ++c) EXPECT_EQ(chunk.vectors[c].nullSet[at], null_row) << c;
      EXPECT_EQ(chunk.vectors[0].data.int64Data.data[at], row * 7);
      if (null_row) continue;
      EXPECT_EQ(chunk.vectors[1].data.int32Data.data[at], row % 1000000);
      EXPECT_EQ(chunk.vectors[2].data.float64Data.data[at], static_cast<double>(row) / 2);
      EXPECT_EQ(chunk.vectors[3].data.varcharData.data[at], "row-" + std::to_string(row));
      EXPECT_EQ(chunk.vectors[4].data.timeData.data[at], kNewYear2026 + row * 1000001);
      EXPECT_EQ(chunk.vectors[5].data.decimal128Data.data[at], Decimal16(row * 101 - 5000));
      EXPECT_EQ(chunk.vectors[6].data.boolData.data[at], row % 2 == 1);
    }
    EXPECT_EQ(chunk.vectors[5].data.decimal128Data.scale, 2);
    EXPECT_EQ(chunk.vectors[4].vectorType, e6x::vectors::VectorType::DATETIME);
  }
  EXPECT_EQ(sizes, (std::vector<int32_t>{100, 100, 5}));
}

}  // namespace
}  // namespace e6emu
