#include "session/engine_call.h"

#include <thread>

namespace e6odbc::session {
namespace {

// Spec §8.5: the reference pauses before re-authenticating an expired session.
constexpr std::chrono::milliseconds kAccessDeniedPause{200};

}  // namespace

namespace {

bool Cancelled(const grpc::Status& status, const CallControl& control) noexcept {
  return status.error_code() == grpc::StatusCode::CANCELLED && control.cancelled();
}

bool TimedOut(const grpc::Status& status, const Deadline& used) noexcept {
  return status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED && !used.unlimited();
}

}  // namespace

bool IsInterruption(const grpc::Status& status, const CallControl& control, const Deadline& used) noexcept {
  return Cancelled(status, control) || TimedOut(status, used);
}

DriverError CallError(const grpc::Status& status, const CallControl& control, const Deadline& used, const char* rpc,
                      std::string_view subject) {
  const int native = static_cast<int>(status.error_code());
  if (Cancelled(status, control)) {
    return DriverError("HY008", std::string("operation cancelled (SQLCancel) during e6data ") + rpc + std::string(subject),
                       native);
  }
  if (TimedOut(status, used)) {
    return DriverError(used.sqlstate, "timeout expired: " + used.reason + " ran out during e6data " + rpc +
                                          std::string(subject), native);
  }
  DriverError error = ToDriverError(status, rpc, Phase::kQuery);
  return DriverError(error.sqlstate(), error.what() + std::string(subject), error.native());
}

bool IsRecoverable(const grpc::Status& status, bool may_resume) noexcept {
  return IsStrategyMismatch(status, /*any_code=*/true) || IsAccessDenied(status) ||
         (IsClusterSuspended(status) && may_resume);
}

void PrepareRerun(Session& session, const grpc::Status& status, const Deadline& resume_bound, bool& may_resume,
                  const char* rpc) {
  if (IsStrategyMismatch(status, /*any_code=*/true)) {
    session.strategies().Clear();  // T10: detect the colour again
  } else if (IsClusterSuspended(status)) {
    may_resume = false;
    session.settings().log->Write(LogLevel::kInfo, std::string("the cluster is suspended (") + rpc +
                                                       "): resuming it (AUTO_RESUME)");
    session.ResumeCluster(resume_bound);
  } else {
    std::this_thread::sleep_for(kAccessDeniedPause);
  }
}

}  // namespace e6odbc::session
