// CallControl: deadlines and cancellation for the engine calls of one query.
// Each ODBC function that talks to the engine (SQLExecute, SQLFetch, ...) runs
// as one operation: it may carry a deadline (SQL_ATTR_QUERY_TIMEOUT) and may be
// cancelled from another thread (SQLCancel), which interrupts the gRPC call in
// flight. A call's deadline is the earliest of the operation's, the
// connection's per-request timeout and the call's own limit; the one that was
// binding decides the SQLSTATE when it expires (HYT00 or HYT01).
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace grpc {
class ClientContext;
}

namespace e6odbc::session {

using SteadyTime = std::chrono::steady_clock::time_point;

// A point in time by which a call must finish, and what to say when it does not.
struct Deadline {
  SteadyTime at = SteadyTime::max();
  const char* sqlstate = "HYT00";
  std::string reason;  // "the query timeout (SQL_ATTR_QUERY_TIMEOUT) of 5 s"

  bool unlimited() const noexcept { return at == SteadyTime::max(); }
  // No deadline when `timeout` is zero or negative.
  static Deadline After(std::chrono::milliseconds timeout, const char* sqlstate, std::string reason);
  // The earlier of the two (`a` on a tie).
  static const Deadline& Earliest(const Deadline& a, const Deadline& b) noexcept { return b.at < a.at ? b : a; }
  // Time left, at least 1 ms so that an expired deadline still fails the call
  // rather than meaning "none"; zero when unlimited.
  std::chrono::milliseconds Remaining() const noexcept;
};

// Thread-safe: Cancel() comes from another thread than the one running the operation.
class CallControl {
 public:
  // Starts an operation with `timeout` (0 = none); a nested Begin() joins the
  // outer operation and keeps its deadline. A cancellation of an earlier
  // operation does not carry over.
  void Begin(std::chrono::seconds timeout);
  void End() noexcept;

  // Cancels the operation in progress: marks it cancelled and interrupts the
  // call in flight, if any. No effect when no operation runs (ODBC 3: SQLCancel
  // on an idle statement does nothing).
  void Cancel() noexcept;
  bool cancelled() const noexcept;
  Deadline deadline() const;

  // Registers the context of the call about to be sent, so that Cancel() can
  // interrupt it; false (nothing registered) when the operation is already
  // cancelled. The context must stay alive until Untrack().
  bool Track(grpc::ClientContext& context);
  void Untrack() noexcept;

 private:
  mutable std::mutex mutex_;
  int depth_ = 0;
  bool cancelled_ = false;
  Deadline deadline_;
  grpc::ClientContext* in_flight_ = nullptr;  // not owned; see Track()
};

// Begin() / End() as a scope.
class Operation {
 public:
  Operation(CallControl& control, std::chrono::seconds timeout) : control_(control) { control_.Begin(timeout); }
  ~Operation() { control_.End(); }
  Operation(const Operation&) = delete;
  Operation& operator=(const Operation&) = delete;

 private:
  CallControl& control_;
};

}  // namespace e6odbc::session
