// Logger: the driver log. One per connection, shared by its session and
// queries; lines go to a file (appended, one write per line so that several
// connections and processes can share it) or to stderr. Levels: off, error,
// warning, info (connections, queries, strategy and resume progress), debug
// (every engine call with its duration). Callers never pass secrets: no
// password, token or connection string is ever logged. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace e6odbc {

enum class LogLevel { kOff = 0, kError = 1, kWarning = 2, kInfo = 3, kDebug = 4 };

// "off", "error", "warning" (or "warn"), "info", "debug", or 0..4; nullopt otherwise.
std::optional<LogLevel> ParseLogLevel(std::string_view text);
std::string_view LogLevelName(LogLevel level);

class Logger {
 public:
  // A logger that writes nothing.
  Logger() = default;
  // Appends to `path` (created if needed; stderr when empty). An unopenable
  // file throws DriverError HY000 naming it.
  Logger(LogLevel level, const std::string& path);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  bool enabled(LogLevel level) const noexcept { return level != LogLevel::kOff && level <= level_; }
  // One line: UTC time with milliseconds, pid, thread, level, `message`.
  void Write(LogLevel level, std::string_view message) const noexcept;

 private:
  LogLevel level_ = LogLevel::kOff;
  int fd_ = -1;
  bool owns_fd_ = false;
};

}  // namespace e6odbc
