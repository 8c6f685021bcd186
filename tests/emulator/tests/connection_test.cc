// Faults below the protocol: a connection dropped in the middle of a result
// stream (plaintext and TLS), and the server's keepalive policy (client pings
// welcome by default, GOAWAY "too_many_pings" with refuse_pings).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "raw_client.h"
#include "throwaway_ca.h"

namespace e6emu {
namespace {

using testing::Bounded;
using testing::OwnChannel;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DropTest : public ::testing::TestWithParam<bool> {  // true: TLS
 protected:
  void SetUp() override {
    EmulatorOptions options;
    options.batch_rows = 1000;
    if (GetParam()) {
      const auto dir = std::filesystem::temp_directory_path() / ("e6emu-drop-" + std::to_string(::getpid()));
      const e6test::ThrowawayCa ca = e6test::MakeThrowawayCa(dir);
      options.tls_certificate_pem = ReadFile(ca.server_pem);
      options.tls_private_key_pem = ReadFile(ca.server_key);
      grpc::SslCredentialsOptions trust;
      trust.pem_root_certs = ReadFile(ca.ca_pem);
      credentials_ = grpc::SslCredentials(trust);
      std::filesystem::remove_all(dir);
    }
    emulator_ = std::make_unique<Emulator>(options);
    port_ = emulator_->Start("127.0.0.1:0");
  }
  std::shared_ptr<grpc::Channel> NewChannel() { return OwnChannel(port_, {}, credentials_); }

  std::unique_ptr<Emulator> emulator_;
  int port_ = 0;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
};

TEST_P(DropTest, SecondBatchCutsThatConnectionOnly) {
  auto victim = QueryEngineService::NewStub(NewChannel());
  auto bystander_channel = NewChannel();
  auto bystander = QueryEngineService::NewStub(bystander_channel);
  auto control = EmulatorControl::NewStub(bystander_channel);

  std::string session;
  ASSERT_TRUE(testing::Authenticate(*victim, session).ok());
  const std::string query = testing::PrepareAndExecute(*victim, session, "SELECT l_orderkey FROM tpch.lineitem");
  ASSERT_FALSE(query.empty());
  std::string bystander_session;
  ASSERT_TRUE(testing::Authenticate(*bystander, bystander_session).ok()) << "the bystander is connected before the drop";

  ConfigureRequest drop;
  drop.set_drop_method("QueryEngineService/getNextResultBatch");
  drop.set_drop_nth(2);
  ASSERT_TRUE(testing::Configure(*control, drop).ok());

  std::string batch;
  ASSERT_TRUE(testing::NextBatch(*victim, session, query, batch).ok());
  EXPECT_EQ(testing::Decode(batch).size, 1000);
  const grpc::Status dropped = testing::NextBatch(*victim, session, query, batch);
  EXPECT_EQ(dropped.error_code(), grpc::StatusCode::UNAVAILABLE) << dropped.error_message();
  EXPECT_TRUE(batch.empty());

  // The bystander's connection survived: same channel, same session, no reconnect needed.
  EXPECT_EQ(bystander_channel->GetState(false), GRPC_CHANNEL_READY);
  std::string again;
  EXPECT_TRUE(testing::Authenticate(*bystander, again).ok());
  // New connections are served, and the dropped query can be released from one.
  auto fresh_channel = NewChannel();
  auto fresh = QueryEngineService::NewStub(fresh_channel);
  EXPECT_EQ(testing::Stats(*control).open_queries(), 1);
  EXPECT_TRUE(testing::Clear(*fresh, session, query).ok());
  const StatsResponse stats = testing::Stats(*control);
  EXPECT_EQ(stats.open_queries(), 0);
  EXPECT_EQ(stats.calls_by_method().at("QueryEngineService/getNextResultBatch"), 2);
  // The fault fired once: the victim's channel reconnects and works again.
  std::string later;
  EXPECT_TRUE(testing::Authenticate(*victim, later).ok());
}

INSTANTIATE_TEST_SUITE_P(PlaintextAndTls, DropTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& param) { return param.param ? "Tls" : "Plaintext"; });

// A client that pings every 100 ms, also without data, with no cap of its own.
grpc::ChannelArguments AggressivePinger() {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 100);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  args.SetInt(GRPC_ARG_HTTP2_MIN_SENT_PING_INTERVAL_WITHOUT_DATA_MS, 100);
  return args;
}

// Authenticates on an aggressively pinging channel while the emulator holds
// the call for 5 s; gRPC 1.51 clients send at most one ping a second, so about 5 pings come in.
grpc::Status SlowCallUnderPings(bool refuse_pings) {
  EmulatorOptions options;
  options.refuse_pings = refuse_pings;
  Emulator emulator(options);
  const int port = emulator.Start("127.0.0.1:0");
  auto control = EmulatorControl::NewStub(OwnChannel(port));
  ConfigureRequest delay;
  delay.set_delay_ms(5000);
  delay.set_delay_method("QueryEngineService/authenticate");
  EXPECT_TRUE(testing::Configure(*control, delay).ok());
  auto engine = QueryEngineService::NewStub(OwnChannel(port, AggressivePinger()));
  std::string session;
  return testing::Authenticate(*engine, session);
}

TEST(Keepalive, FrequentPingsAreWelcomeByDefault) {
  const grpc::Status status = SlowCallUnderPings(false);
  EXPECT_TRUE(status.ok()) << status.error_code() << ": " << status.error_message();
}

TEST(Keepalive, RefusePingsSendsGoawayTooManyPings) {
  const grpc::Status status = SlowCallUnderPings(true);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

}  // namespace
}  // namespace e6emu
