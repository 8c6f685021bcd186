#include "session/cluster_resume.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "cluster.grpc.pb.h"
#include "common/driver_error.h"
#include "session/channel.h"
#include "session/status_map.h"

namespace e6odbc::session {
namespace {

constexpr std::chrono::milliseconds kFirstPause{250};
constexpr std::chrono::milliseconds kLongestPause{5000};  // the reference polls every 5 s

class ClusterClient {
 public:
  ClusterClient(const SessionSettings& settings, std::string colour, const Deadline& budget)
      : settings_(settings),
        colour_(std::move(colour)),
        budget_(budget),
        stub_(ClusterService::NewStub(CreateEngineChannel(settings))) {}

  // ClusterService.status: the reported status, or nullopt after an RPC error (kept in `error`).
  std::optional<std::string> Status(grpc::Status& error) {
    ClusterStatusRequest request;
    request.set_user(settings_.user);
    request.set_password(settings_.password);
    ClusterStatusResponse response;
    error = Send([&](grpc::ClientContext& context) { return stub_->status(&context, request, &response); });
    if (!error.ok()) return std::nullopt;
    return response.status();
  }

  grpc::Status Resume() {
    ResumeRequest request;
    request.set_user(settings_.user);
    request.set_password(settings_.password);
    ResumeResponse response;  // its status is ignored, as the reference does
    return Send([&](grpc::ClientContext& context) { return stub_->resume(&context, request, &response); });
  }

 private:
  // One call with the current colour; on a 456 answer once more with the other colour (§8.3).
  template <typename Invoke>
  grpc::Status Send(Invoke&& invoke) {
    grpc::Status status = SendWith(colour_, invoke);
    if (IsStrategyMismatch(status) && !switched_) {
      switched_ = true;
      const std::string other = colour_ == "blue" ? "green" : "blue";
      status = SendWith(other, invoke);
      if (status.ok()) colour_ = other;
    }
    return status;
  }
  template <typename Invoke>
  grpc::Status SendWith(const std::string& colour, Invoke& invoke) {
    auto context = MakeContext(CallHeaders{settings_.cluster_name, colour, ""}, budget_.Remaining());
    return invoke(*context);
  }

  const SessionSettings& settings_;
  std::string colour_;
  const Deadline& budget_;
  bool switched_ = false;
  std::unique_ptr<ClusterService::Stub> stub_;
};

std::mutex& ResumeLock() {
  static std::mutex lock;  // process-wide by design: one resume at a time (spec §8.3)
  return lock;
}

}  // namespace

void ResumeCluster(const SessionSettings& settings, const std::string& colour, const Deadline& budget) {
  const std::string endpoint = settings.host + ":" + std::to_string(settings.port);
  const auto fail = [&](const std::string& why, const char* sqlstate = "08001") {
    return DriverError(sqlstate, "the e6data cluster at " + endpoint + " is suspended and could not be resumed: " + why);
  };
  std::unique_lock<std::mutex> serialised(ResumeLock(), std::defer_lock);
  while (!serialised.try_lock()) {  // wait for another connection's resume, within our budget
    if (!budget.unlimited() && std::chrono::steady_clock::now() >= budget.at) throw fail(budget.reason + " ran out", budget.sqlstate);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const Logger& log = *settings.log;
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::to_string(
               std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()) +
           " ms";
  };
  ClusterClient cluster(settings, colour, budget);
  grpc::Status error;
  std::optional<std::string> status = cluster.Status(error);
  if (!status) throw fail(DescribeStatus(error, "ClusterService.status"));
  log.Write(LogLevel::kInfo, "auto-resume: cluster status '" + *status + "'");
  if (*status == "active") return;  // woken meanwhile, perhaps by another connection
  if (*status == "suspended") {
    if (const grpc::Status resumed = cluster.Resume(); !resumed.ok()) {
      throw fail(DescribeStatus(resumed, "ClusterService.resume"));
    }
    log.Write(LogLevel::kInfo, "auto-resume: resume requested");
  } else if (*status != "resuming") {
    throw fail("ClusterService.status reported '" + *status + "'");
  }
  std::chrono::milliseconds pause = kFirstPause;
  std::string last = *status;
  for (;;) {
    if (!budget.unlimited()) {
      const auto left = budget.at - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) {
        throw fail(budget.reason + " ran out while the cluster was '" + last + "'", budget.sqlstate);
      }
      pause = std::min(pause, std::chrono::duration_cast<std::chrono::milliseconds>(left));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
    status = cluster.Status(error);
    if (!status) {  // transient while the cluster wakes up: keep polling (§8.3 step 3)
      last = DescribeStatus(error, "ClusterService.status");
      log.Write(LogLevel::kInfo, "auto-resume: " + last + " after " + elapsed() + "; polling again");
      continue;
    }
    log.Write(LogLevel::kInfo, "auto-resume: cluster status '" + *status + "' after " + elapsed());
    if (*status == "active") return;
    if (*status == "failed") throw fail("ClusterService.status reported 'failed'");
    last = *status;
  }
}

}  // namespace e6odbc::session
