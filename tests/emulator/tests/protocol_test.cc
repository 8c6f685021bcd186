// The emulator's protocol contract through a raw gRPC client: every cell of
// types.all_types decoded with the generated Thrift types, the result
// metadata block, error codes for unknown ids, catalogs and schemas, status,
// sessionId in responses, and concurrent queries.
#include <gtest/gtest.h>
#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/transport/TBufferTransports.h>

#include <cfloat>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "emulator.h"
#include "raw_client.h"

namespace e6emu {
namespace {

namespace vec = e6x::vectors;
using testing::Hex;

vec::Chunk DecodeChunk(std::string bytes) {
  auto buffer = std::make_shared<apache::thrift::transport::TMemoryBuffer>(reinterpret_cast<uint8_t*>(bytes.data()),
                                                                            static_cast<uint32_t>(bytes.size()));
  apache::thrift::protocol::TBinaryProtocol protocol(buffer);
  vec::Chunk chunk;
  chunk.read(&protocol);
  return chunk;
}

// The metadata block of spec §4, decoded independently of the encoder.
struct Metadata {
  int64_t rows = 0;
  std::vector<std::string> names;
  std::vector<std::string> types;
};

Metadata DecodeMetadata(const std::string& bytes) {
  Metadata out;
  size_t at = 0;
  const auto take = [&](size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(bytes.at(at++));
    return v;
  };
  const auto utf = [&] {
    const size_t length = take(2);
    std::string s = bytes.substr(at, length);
    at += length;
    return s;
  };
  out.rows = static_cast<int64_t>(take(8));
  const uint64_t fields = take(4);
  for (uint64_t i = 0; i < fields; ++i) {
    out.names.push_back(utf());
    out.types.push_back(utf());
    EXPECT_EQ(utf(), "") << "zone";
    EXPECT_EQ(utf(), "") << "format";
  }
  EXPECT_EQ(at, bytes.size());
  return out;
}

class ProtocolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EmulatorOptions options;
    options.batch_rows = 4;  // all_types (6 rows) comes in two batches
    emulator_ = std::make_unique<Emulator>(options);
    const int port = emulator_->Start("127.0.0.1:0");
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials());
    engine_ = QueryEngineService::NewStub(channel_);
    control_ = EmulatorControl::NewStub(channel_);
    grpc::ClientContext context;
    AuthenticateRequest request;
    request.set_user("demo@e6data.local");
    request.set_password("demo-token");
    AuthenticateResponse response;
    ASSERT_TRUE(engine_->authenticate(&context, request, &response).ok());
    session_ = response.sessionid();
    ASSERT_FALSE(session_.empty());
  }

  // prepareStatementV2 in catalog `emulator`; the status lands in last_.
  std::string Prepare(const std::string& sql, const std::string& schema = "",
                      const std::string& catalog = "emulator") {
    grpc::ClientContext context;
    PrepareStatementV2Request request;
    request.set_sessionid(session_);
    request.set_catalog(catalog);
    request.set_schema(schema);
    request.set_querystring(sql);
    PrepareStatementResponse response;
    last_ = engine_->prepareStatementV2(&context, request, &response);
    if (last_.ok()) {
      EXPECT_EQ(response.sessionid(), session_);
    }
    return response.queryid();
  }

  grpc::Status Execute(const std::string& query) {
    grpc::ClientContext context;
    ExecuteStatementV2Request request;
    request.set_sessionid(session_);
    request.set_queryid(query);
    ExecuteStatementResponse response;
    const grpc::Status status = engine_->executeStatementV2(&context, request, &response);
    if (status.ok()) {
      EXPECT_EQ(response.sessionid(), session_);
    }
    return status;
  }

  Metadata GetMetadata(const std::string& query) {
    grpc::ClientContext context;
    GetResultMetadataRequest request;
    request.set_sessionid(session_);
    request.set_queryid(query);
    GetResultMetadataResponse response;
    last_ = engine_->getResultMetadata(&context, request, &response);
    EXPECT_TRUE(last_.ok()) << last_.error_message();
    EXPECT_EQ(response.sessionid(), session_);
    return DecodeMetadata(response.resultmetadata());
  }

  // Every batch of `query` until the empty one.
  std::vector<vec::Chunk> FetchAll(const std::string& query) {
    std::vector<vec::Chunk> chunks;
    for (;;) {
      grpc::ClientContext context;
      GetNextResultBatchRequest request;
      request.set_sessionid(session_);
      request.set_queryid(query);
      GetNextResultBatchResponse response;
      const grpc::Status status = engine_->getNextResultBatch(&context, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      EXPECT_EQ(response.sessionid(), session_);
      if (!status.ok() || response.resultbatch().empty()) return chunks;
      chunks.push_back(DecodeChunk(response.resultbatch()));
    }
  }

  std::unique_ptr<Emulator> emulator_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<QueryEngineService::Stub> engine_;
  std::unique_ptr<EmulatorControl::Stub> control_;
  std::string session_;
  grpc::Status last_;
};

TEST_F(ProtocolTest, AllTypesMetadataNamesEveryVectorType) {
  const std::string query = Prepare("SELECT * FROM types.all_types ORDER BY id");
  ASSERT_TRUE(last_.ok()) << last_.error_message();
  ASSERT_TRUE(Execute(query).ok());
  const Metadata metadata = GetMetadata(query);
  EXPECT_EQ(metadata.rows, 6);
  EXPECT_EQ(metadata.names,
            (std::vector<std::string>{"id", "long_col", "int_col", "double_col", "float_col", "bool_col", "string_col",
                                      "binary_col", "date_col", "datetime_col", "tstz_col", "decimal_col",
                                      "small_decimal_col"}));
  EXPECT_EQ(metadata.types,
            (std::vector<std::string>{"INTEGER", "LONG", "INTEGER", "DOUBLE", "FLOAT", "BOOLEAN", "STRING", "BINARY",
                                      "DATE", "DATETIME", "TIMESTAMP_TZ", "DECIMAL128", "DECIMAL128"}));
}

TEST_F(ProtocolTest, AllTypesCellsDecodeExactly) {
  const std::string query = Prepare("SELECT * FROM types.all_types ORDER BY id");
  ASSERT_TRUE(last_.ok()) << last_.error_message();
  ASSERT_TRUE(Execute(query).ok());
  const std::vector<vec::Chunk> chunks = FetchAll(query);
  ASSERT_EQ(chunks.size(), 2u);
  ASSERT_EQ(chunks[0].size, 4);
  ASSERT_EQ(chunks[1].size, 2);
  // Join the two batches column by column so rows index 0..5 (= id 1..6).
  std::vector<vec::Vector> columns = chunks[0].vectors;
  ASSERT_EQ(columns.size(), 13u);
  for (size_t c = 0; c < columns.size(); ++c) {
    const vec::Vector& more = chunks[1].vectors.at(c);
    EXPECT_FALSE(columns[c].isConstantVector) << "table columns are never constant, column " << c;
    EXPECT_EQ(columns[c].size, 4);
    EXPECT_EQ(more.size, 2);
    EXPECT_EQ(more.vectorType, columns[c].vectorType);
    columns[c].nullSet.insert(columns[c].nullSet.end(), more.nullSet.begin(), more.nullSet.end());
    auto& d = columns[c].data;
    const auto& m = more.data;
    d.int32Data.data.insert(d.int32Data.data.end(), m.int32Data.data.begin(), m.int32Data.data.end());
    d.int64Data.data.insert(d.int64Data.data.end(), m.int64Data.data.begin(), m.int64Data.data.end());
    d.float64Data.data.insert(d.float64Data.data.end(), m.float64Data.data.begin(), m.float64Data.data.end());
    d.float32Data.data.insert(d.float32Data.data.end(), m.float32Data.data.begin(), m.float32Data.data.end());
    d.boolData.data.insert(d.boolData.data.end(), m.boolData.data.begin(), m.boolData.data.end());
    d.varcharData.data.insert(d.varcharData.data.end(), m.varcharData.data.begin(), m.varcharData.data.end());
    d.dateData.data.insert(d.dateData.data.end(), m.dateData.data.begin(), m.dateData.data.end());
    d.timeData.data.insert(d.timeData.data.end(), m.timeData.data.begin(), m.timeData.data.end());
    d.timeData.zoneData.insert(d.timeData.zoneData.end(), m.timeData.zoneData.begin(), m.timeData.zoneData.end());
    d.decimal128Data.data.insert(d.decimal128Data.data.end(), m.decimal128Data.data.begin(),
                                 m.decimal128Data.data.end());
  }
  // Row id 2 is NULL everywhere but id; nothing else is NULL.
  for (size_t c = 1; c < columns.size(); ++c) {
    EXPECT_EQ(columns[c].nullSet, (std::vector<bool>{false, true, false, false, false, false})) << "column " << c;
  }

  EXPECT_TRUE(columns[0].data.__isset.int32Data);
  EXPECT_EQ(columns[0].data.int32Data.data, (std::vector<int32_t>{1, 2, 3, 4, 5, 6}));

  constexpr int64_t kLongMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kLongMax = std::numeric_limits<int64_t>::max();
  EXPECT_TRUE(columns[1].data.__isset.int64Data);
  EXPECT_EQ(columns[1].data.int64Data.data, (std::vector<int64_t>{42, 0, kLongMin, kLongMax, 0, -1}));

  constexpr int32_t kIntMin = std::numeric_limits<int32_t>::min();
  constexpr int32_t kIntMax = std::numeric_limits<int32_t>::max();
  EXPECT_EQ(columns[2].data.int32Data.data, (std::vector<int32_t>{7, 0, kIntMin, kIntMax, 0, -1}));

  EXPECT_TRUE(columns[3].data.__isset.float64Data);
  EXPECT_EQ(columns[3].data.float64Data.data,
            (std::vector<double>{3.5, 0, -DBL_MAX, DBL_MAX, 0, std::numeric_limits<double>::denorm_min()}));

  EXPECT_TRUE(columns[4].data.__isset.float32Data) << "FLOAT travels in float32Data";
  EXPECT_EQ(columns[4].data.float32Data.data,
            (std::vector<double>{1.25, 0, -FLT_MAX, FLT_MAX, 0, static_cast<double>(0.1f)}));

  EXPECT_TRUE(columns[5].data.__isset.boolData);
  EXPECT_EQ(columns[5].data.boolData.data, (std::vector<bool>{true, false, false, true, false, true}));

  EXPECT_TRUE(columns[6].data.__isset.varcharData);
  EXPECT_EQ(columns[6].data.varcharData.data,
            (std::vector<std::string>{"hello", "", "", "Gr\xC3\xBC\xC3\x9F" "e \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xF0\x9F\x98\x80",
                                      "a;b{c}'d\"", " spaced "}));

  EXPECT_TRUE(columns[7].data.__isset.varcharData) << "BINARY travels in varcharData";
  EXPECT_EQ(columns[7].data.varcharData.data,
            (std::vector<std::string>{std::string("\x00\xFF\x10", 3), "", "", "\xDE\xAD\xBE\xEF", std::string(1, '\0'),
                                      "A"}));

  EXPECT_TRUE(columns[8].data.__isset.dateData);
  EXPECT_EQ(columns[8].data.dateData.data,
            (std::vector<int64_t>{1770854400000000, 0, -86400000000, 253402214400000000, 0, -2209075200000000}));

  EXPECT_TRUE(columns[9].data.__isset.timeData);
  EXPECT_EQ(columns[9].data.timeData.data,
            (std::vector<int64_t>{1770854400123456, 0, -1, 253402300799999999, 0, -11670953103500000}));

  EXPECT_TRUE(columns[10].data.__isset.timeData);
  EXPECT_EQ(columns[10].data.timeData.data,
            (std::vector<int64_t>{1770854400000000, 0, -1, 1770854400000000, 0, 1717243200000000}));
  EXPECT_EQ(columns[10].data.timeData.zoneData,
            (std::vector<std::string>{"+05:30", "", "-08:00", "Z", "Asia/Kolkata", "America/New_York"}));

  EXPECT_TRUE(columns[11].data.__isset.decimal128Data);
  EXPECT_EQ(columns[11].data.decimal128Data.scale, 10);
  std::vector<std::string> decimals;
  for (const std::string& bytes : columns[11].data.decimal128Data.data) decimals.push_back(Hex(bytes));
  EXPECT_EQ(decimals, (std::vector<std::string>{"000000018ee90ff6c373e0ee0c04d515", "00000000000000000000000000000000",
                                                "b4c4b357a5793b85f675ddc000000001", "4b3b4ca85a86c47a098a223fffffffff",
                                                "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"}));

  EXPECT_EQ(columns[12].data.decimal128Data.scale, 2);
  decimals.clear();
  for (const std::string& bytes : columns[12].data.decimal128Data.data) decimals.push_back(Hex(bytes));
  EXPECT_EQ(decimals, (std::vector<std::string>{"000000000000000000000000075bcd15", "00000000000000000000000000000000",
                                                "ffffffffffffffffffffffffc4653601", "0000000000000000000000003b9ac9ff",
                                                "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"}));
}

TEST_F(ProtocolTest, UnknownQueryIdsAreNotFoundNamingTheId) {
  ASSERT_FALSE(Execute("query-404").ok());
  EXPECT_EQ(Execute("query-404").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(Execute("query-404").error_message().find("query-404"), std::string::npos);
  {
    grpc::ClientContext context;
    GetResultMetadataRequest request;
    request.set_sessionid(session_);
    request.set_queryid("query-404");
    GetResultMetadataResponse response;
    EXPECT_EQ(engine_->getResultMetadata(&context, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
  }
  {
    grpc::ClientContext context;
    GetNextResultBatchRequest request;
    request.set_sessionid(session_);
    request.set_queryid("query-404");
    GetNextResultBatchResponse response;
    const grpc::Status status = engine_->getNextResultBatch(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_NE(status.error_message().find("query-404"), std::string::npos);
  }
  {
    grpc::ClientContext context;
    StatusRequest request;
    request.set_sessionid(session_);
    request.set_queryid("query-404");
    StatusResponse response;
    EXPECT_EQ(engine_->status(&context, request, &response).error_code(), grpc::StatusCode::NOT_FOUND);
  }
}

TEST_F(ProtocolTest, AClearedQueryIsGone) {
  const std::string query = Prepare("SELECT * FROM tpch.region");
  ASSERT_TRUE(Execute(query).ok());
  grpc::ClientContext context;
  ClearRequest request;
  request.set_sessionid(session_);
  request.set_queryid(query);
  ClearResponse response;
  ASSERT_TRUE(engine_->clear(&context, request, &response).ok());
  EXPECT_EQ(response.sessionid(), session_);
  EXPECT_EQ(Execute(query).error_code(), grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext again;
  CancelQueryRequest cancel;
  cancel.set_sessionid(session_);
  cancel.set_queryid(query);
  CancelQueryResponse cancelled;
  EXPECT_TRUE(engine_->cancelQuery(&again, cancel, &cancelled).ok()) << "cancel after clear is fine";
}

TEST_F(ProtocolTest, UnknownSessionsAreAccessDeniedEverywhere) {
  const std::string query = Prepare("SELECT 1");
  ASSERT_TRUE(last_.ok());
  session_ = "session-404";
  EXPECT_EQ(Execute(query).error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(Execute(query).error_message().find("Access denied"), std::string::npos);
  Prepare("SELECT 1");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INTERNAL);
  grpc::ClientContext context;
  GetSchemaNamesV2Request request;
  request.set_sessionid(session_);
  request.set_catalog("emulator");
  GetSchemaNamesResponse response;
  const grpc::Status status = engine_->getSchemaNamesV2(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_NE(status.error_message().find("Access denied"), std::string::npos);
}

TEST_F(ProtocolTest, PrepareV2ChecksCatalogAndSchema) {
  Prepare("SELECT 1", "", "hive");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(last_.error_message().find("hive"), std::string::npos) << last_.error_message();
  Prepare("SELECT 1", "sales");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(last_.error_message().find("sales"), std::string::npos) << last_.error_message();
  Prepare("SELECT * FROM no_such_table", "tpch");
  EXPECT_EQ(last_.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(last_.error_message().find("no_such_table"), std::string::npos) << last_.error_message();
  // Table names are unique across schemas, so unqualified names resolve.
  const std::string query = Prepare("SELECT COUNT(*) FROM all_types", "types");
  ASSERT_TRUE(last_.ok()) << last_.error_message();
  ASSERT_TRUE(Execute(query).ok());
  EXPECT_EQ(GetMetadata(query).types, std::vector<std::string>{"LONG"});
  const std::vector<vec::Chunk> chunks = FetchAll(query);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_EQ(chunks[0].vectors.at(0).data.numericConstantData.data, 6) << "one computed row: a constant vector";
}

TEST_F(ProtocolTest, StatusReportsCompletionAndRowCount) {
  const std::string query = Prepare("SELECT * FROM tpch.nation");
  const auto status_of = [&] {
    grpc::ClientContext context;
    StatusRequest request;
    request.set_sessionid(session_);
    request.set_queryid(query);
    StatusResponse response;
    EXPECT_TRUE(engine_->status(&context, request, &response).ok());
    EXPECT_EQ(response.sessionid(), session_);
    return std::make_pair(response.status(), response.rowcount());
  };
  EXPECT_EQ(status_of(), std::make_pair(false, int64_t{0}));
  ASSERT_TRUE(Execute(query).ok());
  EXPECT_EQ(status_of(), std::make_pair(true, int64_t{25}));
}

TEST_F(ProtocolTest, CatalogCallsListAndNameWhatIsMissing) {
  {
    grpc::ClientContext context;
    GetTablesV2Request request;
    request.set_sessionid(session_);
    request.set_catalog("emulator");
    request.set_schema("tpch");
    GetTablesResponse response;
    ASSERT_TRUE(engine_->getTablesV2(&context, request, &response).ok());
    EXPECT_EQ(std::vector<std::string>(response.tables().begin(), response.tables().end()),
              (std::vector<std::string>{"customer", "lineitem", "nation", "orders", "region"}));
    EXPECT_EQ(response.sessionid(), session_);
  }
  {
    grpc::ClientContext context;
    GetTablesV2Request request;
    request.set_sessionid(session_);
    request.set_catalog("emulator");
    request.set_schema("nowhere");
    GetTablesResponse response;
    const grpc::Status status = engine_->getTablesV2(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("nowhere"), std::string::npos);
  }
  {
    grpc::ClientContext context;
    GetSchemaNamesV2Request request;
    request.set_sessionid(session_);
    request.set_catalog("other");
    GetSchemaNamesResponse response;
    const grpc::Status status = engine_->getSchemaNamesV2(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("other"), std::string::npos);
  }
  {
    grpc::ClientContext context;
    GetColumnsV2Request request;
    request.set_sessionid(session_);
    request.set_catalog("emulator");
    request.set_schema("types");
    request.set_table("all_types");
    GetColumnsResponse response;
    ASSERT_TRUE(engine_->getColumnsV2(&context, request, &response).ok());
    std::vector<std::string> types;
    for (const GFieldInfo& field : response.fieldinfo()) types.push_back(field.fieldtype());
    EXPECT_EQ(types, (std::vector<std::string>{"int", "bigint", "int", "double", "float", "boolean", "string", "binary",
                                               "date", "timestamp", "timestamp_tz", "decimal(38,10)", "decimal(9,2)"}));
  }
  {
    grpc::ClientContext context;
    GetColumnsV2Request request;
    request.set_sessionid(session_);
    request.set_catalog("emulator");
    request.set_schema("types");
    request.set_table("lineitem");  // exists, but in another schema
    GetColumnsResponse response;
    const grpc::Status status = engine_->getColumnsV2(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("lineitem"), std::string::npos);
  }
}

TEST_F(ProtocolTest, ConcurrentQueriesEachGetTheirOwnRows) {
  constexpr int kThreads = 4;
  std::vector<int64_t> rows(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t, &rows] {
      auto engine = QueryEngineService::NewStub(channel_);
      const std::string sql = "SELECT n_nationkey FROM tpch.nation WHERE n_nationkey < " + std::to_string(5 * (t + 1));
      grpc::ClientContext c1;
      PrepareStatementRequest prepare;
      prepare.set_sessionid(session_);
      prepare.set_querystring(sql);
      PrepareStatementResponse prepared;
      if (!engine->prepareStatement(&c1, prepare, &prepared).ok()) return;
      grpc::ClientContext c2;
      ExecuteStatementRequest execute;
      execute.set_sessionid(session_);
      execute.set_queryid(prepared.queryid());
      ExecuteStatementResponse executed;
      if (!engine->executeStatement(&c2, execute, &executed).ok()) return;
      for (;;) {
        grpc::ClientContext c3;
        GetNextResultBatchRequest next;
        next.set_sessionid(session_);
        next.set_queryid(prepared.queryid());
        GetNextResultBatchResponse batch;
        if (!engine->getNextResultBatch(&c3, next, &batch).ok() || batch.resultbatch().empty()) break;
        rows[static_cast<size_t>(t)] += DecodeChunk(batch.resultbatch()).size;
      }
      grpc::ClientContext c4;
      ClearOrCancelQueryRequest clear;
      clear.set_sessionid(session_);
      clear.set_queryid(prepared.queryid());
      ClearOrCancelQueryResponse cleared;
      engine->clearOrCancelQuery(&c4, clear, &cleared);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(rows, (std::vector<int64_t>{5, 10, 15, 20}));
  grpc::ClientContext context;
  StatsResponse stats;
  ASSERT_TRUE(control_->stats(&context, StatsRequest(), &stats).ok());
  EXPECT_EQ(stats.open_queries(), 0);
  EXPECT_EQ(stats.sessions(), 1);
  EXPECT_EQ(stats.calls_by_method().at("QueryEngineService/prepareStatement"), kThreads);
  EXPECT_EQ(stats.calls_by_method().at("QueryEngineService/clearOrCancelQuery"), kThreads);
}

}  // namespace
}  // namespace e6emu
