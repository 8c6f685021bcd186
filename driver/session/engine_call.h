// Sending one engine call and judging its failure — shared by Query (the
// per-query calls) and CatalogCalls (catalog browsing): the deadline, the
// registration with SQLCancel, the debug log line, and the recovery of spec
// §8.5 for calls that may be rerun from scratch. gRPC-facing: session/ only.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/driver_error.h"
#include "common/log.h"
#include "session/call_control.h"
#include "session/channel.h"
#include "session/session.h"
#include "session/status_map.h"

namespace e6odbc::session {

// Sends one call: the headers, the earliest applicable deadline (`limit`, the
// operation's, the connection's), and registration with `control` so that
// SQLCancel can interrupt it. `invoke(context)` performs the RPC. The deadline
// used is stored in `used` (it explains a DEADLINE_EXCEEDED). `subject` names
// the query in the log line ("" for none).
template <typename Invoke>
grpc::Status SendEngineCall(Session& session, CallControl& control, const char* rpc, std::string_view subject,
                            const CallHeaders& headers, const Deadline& limit, Deadline& used, Invoke&& invoke) {
  used = Deadline::Earliest(Deadline::Earliest(limit, control.deadline()), session.RequestDeadline());
  auto context = MakeContext(headers, used.Remaining());
  if (!control.Track(*context)) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled before the call was sent");
  const auto started = std::chrono::steady_clock::now();
  grpc::Status status = invoke(*context);
  control.Untrack();
  const Logger& log = *session.settings().log;
  if (log.enabled(LogLevel::kDebug)) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    log.Write(LogLevel::kDebug, std::string("e6data ") + rpc + std::string(subject) + " on " +
                                    headers.strategy.value_or("(no strategy)") + ": " + std::to_string(ms) + " ms, " +
                                    (status.ok() ? std::string("OK") : DescribeStatus(status, rpc)));
  }
  return status;
}

// Whether a failed call ended because the caller gave up: SQLCancel, or the
// deadline `used` ran out. The engine should then be told (cancelQuery).
bool IsInterruption(const grpc::Status& status, const CallControl& control, const Deadline& used) noexcept;

// The error the application sees for a failed call of `rpc` after connecting:
// HY008 when cancelled, the binding deadline's SQLSTATE (HYT00/HYT01) when it
// ran out, else ToDriverError(). `subject` (" [query id …]") ends the message.
DriverError CallError(const grpc::Status& status, const CallControl& control, const Deadline& used, const char* rpc,
                      std::string_view subject);

// Spec §8.5: a call that can be rerun is tried five times in all.
inline constexpr int kMaxRerunAttempts = 5;

// Spec §8.5 for calls that can be rerun from the start: a wrong strategy
// (456), an expired session and — once, when AUTO_RESUME is on — a suspended
// cluster. `may_resume` is cleared once a resume was used.
bool IsRecoverable(const grpc::Status& status, bool may_resume) noexcept;
// Does what `status` needs before the call is rerun on a new session: forgets
// the strategy (re-detected on re-authentication), resumes the cluster within
// `resume_bound`, or pauses before renewing an expired session. The caller
// then re-authenticates. Throws as Session::ResumeCluster().
void PrepareRerun(Session& session, const grpc::Status& status, const Deadline& resume_bound, bool& may_resume,
                  const char* rpc);

}  // namespace e6odbc::session
