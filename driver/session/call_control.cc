#include "session/call_control.h"

#include <grpcpp/client_context.h>

#include <algorithm>

namespace e6odbc::session {

Deadline Deadline::After(std::chrono::milliseconds timeout, const char* sqlstate, std::string reason) {
  Deadline deadline;
  if (timeout.count() > 0) deadline.at = std::chrono::steady_clock::now() + timeout;
  deadline.sqlstate = sqlstate;
  deadline.reason = std::move(reason);
  return deadline;
}

std::chrono::milliseconds Deadline::Remaining() const noexcept {
  if (unlimited()) return std::chrono::milliseconds(0);
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at - std::chrono::steady_clock::now());
  return std::max(left, std::chrono::milliseconds(1));
}

void CallControl::Begin(std::chrono::seconds timeout) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (depth_++ > 0) return;
  cancelled_ = false;
  deadline_ = Deadline::After(timeout, "HYT00",
                              "the query timeout (SQL_ATTR_QUERY_TIMEOUT) of " + std::to_string(timeout.count()) + " s");
}

void CallControl::End() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (depth_ > 0 && --depth_ == 0) {
    cancelled_ = false;
    deadline_ = Deadline();
  }
}

void CallControl::Cancel() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  if (depth_ == 0) return;
  cancelled_ = true;
  if (in_flight_ != nullptr) in_flight_->TryCancel();
}

bool CallControl::cancelled() const noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  return cancelled_;
}

Deadline CallControl::deadline() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return deadline_;
}

bool CallControl::Track(grpc::ClientContext& context) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cancelled_) return false;
  in_flight_ = &context;
  return true;
}

void CallControl::Untrack() noexcept {
  std::lock_guard<std::mutex> lock(mutex_);
  in_flight_ = nullptr;
}

}  // namespace e6odbc::session
