// ClusterService through a raw gRPC client: the blue-green gate applies to it
// as to QueryEngineService, it keeps answering while the cluster is suspended,
// and its own `suspend` suspends the emulated cluster.
#include <gtest/gtest.h>

#include <thread>

#include "raw_client.h"

namespace e6emu {
namespace {

using testing::Bounded;

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    emulator_ = std::make_unique<Emulator>(EmulatorOptions());
    const int port = emulator_->Start("127.0.0.1:0");
    auto channel = testing::OwnChannel(port);
    cluster_ = ClusterService::NewStub(channel);
    engine_ = QueryEngineService::NewStub(channel);
    control_ = EmulatorControl::NewStub(channel);
  }

  grpc::Status Status(const std::string& strategy, std::string& answer) {
    auto context = Bounded();
    if (!strategy.empty()) context->AddMetadata("strategy", strategy);
    ClusterStatusRequest request;
    request.set_user("demo@e6data.local");
    request.set_password("demo-token");
    ClusterStatusResponse response;
    const grpc::Status status = cluster_->status(context.get(), request, &response);
    answer = response.status();
    return status;
  }
  std::string StatusNow() {
    std::string answer;
    EXPECT_TRUE(Status("", answer).ok());
    return answer;
  }

  std::unique_ptr<Emulator> emulator_;
  std::unique_ptr<ClusterService::Stub> cluster_;
  std::unique_ptr<QueryEngineService::Stub> engine_;
  std::unique_ptr<EmulatorControl::Stub> control_;
};

TEST_F(ClusterTest, WrongStrategyGetsThe456SignalOnEveryClusterCall) {
  ConfigureRequest serve_green;
  serve_green.set_strategy("green");
  ASSERT_TRUE(testing::Configure(*control_, serve_green).ok());
  std::string answer;
  const grpc::Status blue = Status("blue", answer);
  EXPECT_EQ(blue.error_code(), grpc::StatusCode::UNKNOWN);
  EXPECT_NE(blue.error_message().find("status: 456"), std::string::npos) << blue.error_message();
  ASSERT_TRUE(Status("green", answer).ok());
  EXPECT_EQ(answer, "active");
  EXPECT_TRUE(Status("", answer).ok()) << "a missing header is accepted by default";

  for (const char* method : {"resume", "suspend"}) {
    auto context = Bounded();
    context->AddMetadata("strategy", "blue");
    grpc::Status status;
    if (std::string(method) == "resume") {
      ResumeResponse response;
      status = cluster_->resume(context.get(), ResumeRequest(), &response);
    } else {
      SuspendResponse response;
      status = cluster_->suspend(context.get(), SuspendRequest(), &response);
    }
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNKNOWN) << method;
    EXPECT_NE(status.error_message().find("status: 456"), std::string::npos) << method;
  }
  EXPECT_EQ(StatusNow(), "active") << "a refused suspend changed nothing";

  ConfigureRequest strict;
  strict.set_reject_missing_strategy(true);
  ASSERT_TRUE(testing::Configure(*control_, strict).ok());
  EXPECT_EQ(Status("", answer).error_code(), grpc::StatusCode::UNKNOWN);
  const StatsResponse stats = testing::Stats(*control_);
  EXPECT_EQ(stats.strategy_headers().at("blue"), 3);
  EXPECT_EQ(stats.calls_by_method().at("ClusterService/status"), 5);
}

TEST_F(ClusterTest, SuspendSuspendsAndStatusKeepsAnsweringThroughResume) {
  ConfigureRequest slow_resume;
  slow_resume.set_resume_ms(300);
  ASSERT_TRUE(testing::Configure(*control_, slow_resume).ok());
  std::string session;
  ASSERT_TRUE(testing::Authenticate(*engine_, session).ok());

  SuspendResponse suspended;
  ASSERT_TRUE(cluster_->suspend(Bounded().get(), SuspendRequest(), &suspended).ok());
  EXPECT_EQ(suspended.status(), "suspended");
  EXPECT_EQ(StatusNow(), "suspended");
  const grpc::Status refused = testing::Authenticate(*engine_, session);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(refused.error_message().find("status: 503"), std::string::npos);

  ResumeResponse resumed;
  ASSERT_TRUE(cluster_->resume(Bounded().get(), ResumeRequest(), &resumed).ok());
  EXPECT_EQ(resumed.status(), "resuming");
  // Poll as the reference client does (bounded; no timing asserted).
  std::string status = StatusNow();
  for (int i = 0; i < 200 && status == "resuming"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    status = StatusNow();
  }
  EXPECT_EQ(status, "active");
  EXPECT_TRUE(testing::Authenticate(*engine_, session).ok());
  EXPECT_EQ(testing::Stats(*control_).calls_by_method().at("ClusterService/suspend"), 1);
}

TEST_F(ClusterTest, InjectedFailuresReachClusterCallsToo) {
  ConfigureRequest fail;
  fail.set_fail_method("ClusterService/status");
  fail.set_fail_code(static_cast<int>(grpc::StatusCode::INTERNAL));
  fail.set_fail_message("injected");
  ASSERT_TRUE(testing::Configure(*control_, fail).ok());
  std::string answer;
  const grpc::Status failed = Status("", answer);
  EXPECT_EQ(failed.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(failed.error_message(), "injected");
  EXPECT_TRUE(Status("", answer).ok()) << "once only";
}

}  // namespace
}  // namespace e6emu
