#include "emulator_process.h"

#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "emulator_control.grpc.pb.h"

extern char** environ;

namespace e6test {

EmulatorProcess::EmulatorProcess(const std::string& binary, const std::filesystem::path& dir,
                                 const std::vector<std::string>& extra_args) {
  const std::filesystem::path port_file = dir / "emulator.port";
  const std::filesystem::path log_file = dir / "emulator.log";
  std::filesystem::remove(port_file);
  std::vector<std::string> args = {binary, "--listen", "127.0.0.1:0", "--port-file", port_file.string()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start the emulator " + binary);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    if (in >> port_ && port_ > 0) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("the emulator exited at start-up; see " + log_file.string());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("the emulator did not start listening within 20 s");
}

void EmulatorProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

EmulatorProcess::~EmulatorProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 250 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (waitpid(pid_, &status, WNOHANG) == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

namespace {

std::unique_ptr<EmulatorControl::Stub> Control(int port) {
  return EmulatorControl::NewStub(
      grpc::CreateChannel("127.0.0.1:" + std::to_string(port), grpc::InsecureChannelCredentials()));
}

}  // namespace

StatsResponse EmulatorProcess::Stats() const {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  StatsResponse response;
  const grpc::Status status = Control(port_)->stats(&context, StatsRequest(), &response);
  if (!status.ok()) throw std::runtime_error("EmulatorControl.stats failed: " + status.error_message());
  return response;
}

void EmulatorProcess::Configure(const ConfigureRequest& request) const {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  ConfigureResponse response;
  const grpc::Status status = Control(port_)->configure(&context, request, &response);
  if (!status.ok()) throw std::runtime_error("EmulatorControl.configure failed: " + status.error_message());
}

int EmulatorProcess::OpenQueries() const { return Stats().open_queries(); }

}  // namespace e6test
