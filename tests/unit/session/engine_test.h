// The fixture shared by the Session and Query tests: a FakeEngine served on
// loopback, a private StrategyCache (never ForProcess()) and settings that
// point at the fake.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "common/driver_error.h"
#include "fake_engine.h"
#include "session/session_settings.h"
#include "session/strategy_cache.h"

namespace e6odbc::session::fake {

class EngineTest : public ::testing::Test {
 protected:
  SessionSettings Settings() const {
    SessionSettings settings;
    settings.host = "127.0.0.1";
    settings.port = server_.port();
    settings.user = "me@example.com";
    settings.password = "s3cret-token";
    settings.database = "sales";
    return settings;
  }

  FakeEngine engine_;
  FakeServer server_{engine_};
  StrategyCache strategies_;
};

// Runs `f`; returns "ok" or the SQLSTATE it threw, and stores the message.
inline std::string StateOf(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
    return "ok";
  } catch (const DriverError& error) {
    if (message) *message = error.what();
    return error.sqlstate();
  }
}

inline grpc::Status Mismatch456() {
  return grpc::Status(grpc::StatusCode::UNKNOWN, "Received http2 header with status: 456");
}

inline grpc::Status AccessDenied() {
  return grpc::Status(grpc::StatusCode::INTERNAL, "Access denied: session expired");
}

}  // namespace e6odbc::session::fake
