// The emulator answering the protocol's open questions (spec §13) each way the
// driver must cope with, checked on the bytes and fields sent: the metadata row
// count (§13.6), zero-row Chunks between batches (§13.13), DATETIME columns as
// TIMESTAMP vectors (§13.3) and DECIMAL128 data without `scale` (§13.4).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "raw_client.h"

namespace e6emu {
namespace {

using testing::Bounded;
using testing::Hex;

class OpenQuestionsTest : public ::testing::Test {
 protected:
  void Start(EmulatorOptions options) {
    emulator_ = std::make_unique<Emulator>(std::move(options));
    const int port = emulator_->Start("127.0.0.1:0");
    auto channel = testing::OwnChannel(port);
    engine_ = QueryEngineService::NewStub(channel);
    control_ = EmulatorControl::NewStub(channel);
    ASSERT_TRUE(testing::Authenticate(*engine_, session_).ok());
  }
  void SetUp() override {
    EmulatorOptions options;
    options.batch_rows = 2;
    Start(options);
  }
  void Configure(const ConfigureRequest& request) { ASSERT_TRUE(testing::Configure(*control_, request).ok()); }

  std::string Metadata(const std::string& query) {
    GetResultMetadataRequest request;
    request.set_sessionid(session_);
    request.set_queryid(query);
    GetResultMetadataResponse response;
    EXPECT_TRUE(engine_->getResultMetadata(Bounded().get(), request, &response).ok());
    return response.resultmetadata();
  }
  // Every resultBatch of `query`, raw, up to the empty one (not included).
  std::vector<std::string> Batches(const std::string& query) {
    std::vector<std::string> batches;
    for (int i = 0; i < 1000; ++i) {
      std::string batch;
      if (!testing::NextBatch(*engine_, session_, query, batch).ok() || batch.empty()) break;
      batches.push_back(std::move(batch));
    }
    return batches;
  }
  std::string Run(const std::string& sql) { return testing::PrepareAndExecute(*engine_, session_, sql); }

  std::unique_ptr<Emulator> emulator_;
  std::unique_ptr<QueryEngineService::Stub> engine_;
  std::unique_ptr<EmulatorControl::Stub> control_;
  std::string session_;
};

TEST_F(OpenQuestionsTest, MetadataRowCountIsTotalUnknownOrZero) {
  const std::string query = Run("SELECT r_regionkey FROM tpch.region");  // 5 rows
  EXPECT_EQ(Hex(Metadata(query).substr(0, 8)), "0000000000000005") << "default: the total";
  ConfigureRequest unknown;
  unknown.set_metadata_row_count(ConfigureRequest::ROW_COUNT_UNKNOWN);
  Configure(unknown);
  const std::string metadata = Metadata(query);
  EXPECT_EQ(Hex(metadata.substr(0, 8)), "ffffffffffffffff");
  // The rest of the block is untouched: 1 field, "r_regionkey", "LONG", "", "".
  EXPECT_EQ(Hex(metadata.substr(8)), "00000001" "000b725f726567696f6e6b6579" "00044c4f4e47" "0000" "0000");
  ConfigureRequest zero;
  zero.set_metadata_row_count(ConfigureRequest::ROW_COUNT_ZERO);
  Configure(zero);
  EXPECT_EQ(Hex(Metadata(query).substr(0, 8)), "0000000000000000");
  // status still reports the real count.
  StatusRequest request;
  request.set_sessionid(session_);
  request.set_queryid(query);
  StatusResponse status;
  ASSERT_TRUE(engine_->status(Bounded().get(), request, &status).ok());
  EXPECT_EQ(status.rowcount(), 5);
}

TEST_F(OpenQuestionsTest, ZeroRowChunksBetweenRealBatches) {
  ConfigureRequest every_batch;
  every_batch.set_empty_chunks_every(1);
  Configure(every_batch);
  const std::vector<std::string> batches = Batches(Run("SELECT r_regionkey FROM tpch.region"));
  std::vector<int32_t> sizes;
  int64_t sum = 0;
  for (const std::string& batch : batches) {
    const e6x::vectors::Chunk chunk = testing::Decode(batch);
    sizes.push_back(chunk.size);
    for (const int64_t key : chunk.vectors.at(0).data.int64Data.data) sum += key;
  }
  // 5 rows in batches of 2: a zero-row Chunk after each real batch while rows remain.
  EXPECT_EQ(sizes, (std::vector<int32_t>{2, 0, 2, 0, 1}));
  EXPECT_EQ(sum, 0 + 1 + 2 + 3 + 4);
  // The zero-row Chunk, byte for byte: size 0, one LONG vector of size 0, nullSet [],
  // int64Data [], isConstantVector false.
  ASSERT_EQ(batches.size(), 5u);
  EXPECT_EQ(Hex(batches[1]),
            "0800010000000"  "0"                         // Chunk.size = 0
            "0f00020c00000001"                           // vectors: list<struct>, 1 element
            "08000100000000" "08000200000006"            // Vector.size = 0, vectorType = LONG (6)
            "0f0003" "0200000000"                        // nullSet: list<bool>, empty
            "0c0004" "0c0003" "0f0001" "0a00000000" "00" "00"  // data.int64Data.data: list<i64>, empty
            "02000500"                                   // isConstantVector = false
            "00"                                         // end of Vector
            "00");                                       // end of Chunk

  ConfigureRequest every_second;
  every_second.set_empty_chunks_every(2);
  Configure(every_second);
  std::vector<int32_t> second_sizes;
  for (const std::string& batch : Batches(Run("SELECT n_nationkey FROM tpch.nation WHERE n_nationkey < 9"))) {
    second_sizes.push_back(testing::Decode(batch).size);
  }
  EXPECT_EQ(second_sizes, (std::vector<int32_t>{2, 2, 0, 2, 2, 0, 1}));
}

TEST_F(OpenQuestionsTest, DatetimeColumnsAsTimestampVectors) {
  ConfigureRequest timestamp;
  timestamp.set_datetime_as_timestamp(true);
  Configure(timestamp);
  const std::string query = Run("SELECT datetime_col, date_col FROM types.all_types WHERE id = 1");
  const std::string metadata = Metadata(query);
  // Column 1 is named TIMESTAMP now; the DATE column keeps its name.
  EXPECT_NE(Hex(metadata).find("0009" + Hex("TIMESTAMP")), std::string::npos) << Hex(metadata);
  EXPECT_EQ(Hex(metadata).find(Hex("DATETIME")), std::string::npos);
  EXPECT_NE(Hex(metadata).find("0004" + Hex("DATE")), std::string::npos);
  const std::vector<std::string> batches = Batches(query);
  ASSERT_EQ(batches.size(), 1u);
  const e6x::vectors::Chunk chunk = testing::Decode(batches[0]);
  ASSERT_EQ(chunk.vectors.size(), 2u);
  EXPECT_EQ(static_cast<int>(chunk.vectors[0].vectorType), 10);  // TIMESTAMP
  EXPECT_TRUE(chunk.vectors[0].data.__isset.timeData);
  // 2026-02-12 00:00:00.123456 UTC = 20496 days after the epoch, plus 123456 µs.
  EXPECT_EQ(chunk.vectors[0].data.timeData.data, (std::vector<int64_t>{20496LL * 86400 * 1000000 + 123456}));
  EXPECT_EQ(static_cast<int>(chunk.vectors[1].vectorType), 8) << "DATE stays DATE";
  // On the wire: the first Vector's vectorType field (i32, id 2) carries 10.
  EXPECT_NE(Hex(batches[0]).find("080002" "0000000a"), std::string::npos);
}

TEST_F(OpenQuestionsTest, Decimal128WithoutScale) {
  const std::string sql = "SELECT small_decimal_col FROM types.all_types WHERE id = 1";  // 1234567.89, scale 2
  const std::vector<std::string> with_scale = Batches(Run(sql));
  ConfigureRequest no_scale;
  no_scale.set_decimal_without_scale(true);
  Configure(no_scale);
  const std::vector<std::string> without_scale = Batches(Run(sql));
  ASSERT_EQ(with_scale.size(), 1u);
  ASSERT_EQ(without_scale.size(), 1u);
  // Unscaled 123456789 = 0x075BCD15 as 16 bytes of big-endian two's complement.
  const std::string value_hex = "000000000000000000000000075bcd15";
  const std::string list_hex = "0f0001" "0b00000001" "00000010" + value_hex;  // data: list<binary>, 1 element
  const std::string scale_hex = "080002" "00000002";                          // scale: i32, id 2, = 2
  EXPECT_NE(Hex(with_scale[0]).find(list_hex + scale_hex + "00"), std::string::npos) << Hex(with_scale[0]);
  EXPECT_NE(Hex(without_scale[0]).find(list_hex + "00"), std::string::npos) << Hex(without_scale[0]);
  EXPECT_EQ(Hex(without_scale[0]).find(list_hex + scale_hex), std::string::npos);
  EXPECT_EQ(without_scale[0].size() + 7, with_scale[0].size()) << "only the 7 bytes of the scale field are gone";
  const e6x::vectors::Chunk chunk = testing::Decode(without_scale[0]);
  EXPECT_EQ(chunk.vectors.at(0).vectorType, e6x::vectors::VectorType::DECIMAL128);
  EXPECT_FALSE(chunk.vectors.at(0).data.decimal128Data.__isset.scale);
}

TEST_F(OpenQuestionsTest, StartupOptionsDoTheSame) {
  EmulatorOptions options;
  options.batch_rows = 2;
  options.quirks.metadata_row_count = MetadataRowCount::kUnknown;
  options.quirks.datetime_as_timestamp = true;
  options.empty_chunks_every = 1;
  Start(options);
  const std::string query = Run("SELECT datetime_col FROM types.all_types WHERE id < 4");
  EXPECT_EQ(Hex(Metadata(query).substr(0, 8)), "ffffffffffffffff");
  std::vector<int32_t> sizes;
  std::vector<int> types;
  for (const std::string& batch : Batches(query)) {
    const e6x::vectors::Chunk chunk = testing::Decode(batch);
    sizes.push_back(chunk.size);
    types.push_back(static_cast<int>(chunk.vectors.at(0).vectorType));
  }
  EXPECT_EQ(sizes, (std::vector<int32_t>{2, 0, 1}));
  EXPECT_EQ(types, (std::vector<int>{10, 10, 10}));
}

}  // namespace
}  // namespace e6emu
