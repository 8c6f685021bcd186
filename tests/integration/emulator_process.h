// EmulatorProcess: runs the e6data-emulator binary on a free loopback port for
// the duration of a test program, and asks its control service for counters.
#pragma once

#include <sys/types.h>

#include <filesystem>

#include "emulator_control.pb.h"
#include <string>
#include <vector>

namespace e6test {

class EmulatorProcess {
 public:
  // Starts `binary` with --listen 127.0.0.1:0 --port-file <dir>/port plus
  // `extra_args`, and waits (up to 20 s) until it listens. Throws on failure.
  EmulatorProcess(const std::string& binary, const std::filesystem::path& dir,
                  const std::vector<std::string>& extra_args = {});
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  int port() const { return port_; }
  // Kills the process at once (SIGKILL): a server dying mid-query.
  void Kill();
  // Queries prepared or executed and not yet cleared, per the emulator.
  int OpenQueries() const;
  // EmulatorControl.stats / .configure (see docs/emulator.md).
  StatsResponse Stats() const;
  void Configure(const ConfigureRequest& request) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace e6test
