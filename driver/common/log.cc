#include "common/log.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "common/driver_error.h"
#include "common/text.h"

namespace e6odbc {

std::optional<LogLevel> ParseLogLevel(std::string_view text) {
  const std::string v = ToLower(Trim(text));
  if (v == "off" || v == "0") return LogLevel::kOff;
  if (v == "error" || v == "1") return LogLevel::kError;
  if (v == "warning" || v == "warn" || v == "2") return LogLevel::kWarning;
  if (v == "info" || v == "3") return LogLevel::kInfo;
  if (v == "debug" || v == "4") return LogLevel::kDebug;
  return std::nullopt;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kOff: return "OFF";
    case LogLevel::kError: return "ERROR";
    case LogLevel::kWarning: return "WARNING";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kDebug: return "DEBUG";
  }
  return "?";
}

Logger::Logger(LogLevel level, const std::string& path) : level_(level) {
  if (level_ == LogLevel::kOff) return;
  if (path.empty()) {
    fd_ = STDERR_FILENO;
    return;
  }
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) throw DriverError("HY000", "cannot open the driver log '" + path + "': " + std::strerror(errno));
  owns_fd_ = true;
}

Logger::~Logger() {
  if (owns_fd_) ::close(fd_);
}

void Logger::Write(LogLevel level, std::string_view message) const noexcept {
  if (!enabled(level) || fd_ < 0) return;
  try {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[40];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
    std::string line = std::string(stamp) + "." + std::to_string(1000 + millis).substr(1) + "Z [" +
                       std::to_string(::getpid()) + ":" + std::to_string(::syscall(SYS_gettid)) + "] " +
                       std::string(LogLevelName(level)) + " " + std::string(message) + "\n";
    // One write per line: O_APPEND keeps lines of concurrent writers whole.
    [[maybe_unused]] const ssize_t written = ::write(fd_, line.data(), line.size());
  } catch (...) {
    // Logging never fails the operation it describes.
  }
}

}  // namespace e6odbc
