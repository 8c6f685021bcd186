// The e6data-emulator executable as the integration tests and scripts use
// it: flags, the one "listening on" line, the port file, exit codes and a
// clean exit on SIGTERM.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "emulator.h"
#include "raw_client.h"

extern char** environ;

namespace e6emu {
namespace {

// A child process running the emulator with stdout on a pipe (stderr
// discarded). Kills and reaps the child if the test did not.
class Child {
 public:
  explicit Child(const std::vector<std::string>& flags) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> args = {E6_EMULATOR_BINARY};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, E6_EMULATOR_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    out_ = fds[0];
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool started() const { return pid_ > 0; }

  // Everything written to stdout up to the first newline (or EOF), waiting
  // at most `timeout`; nullopt on timeout.
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd wait_for{out_, POLLIN, 0};
      if (poll(&wait_for, 1, static_cast<int>(left.count())) <= 0) continue;
      char c = 0;
      const ssize_t n = read(out_, &c, 1);
      if (n <= 0 || c == '\n') return line;
      line += c;
    }
  }

  // Sends `signal` (0 = none) and waits up to `timeout` for the exit status;
  // nullopt if the child is still running or did not exit normally.
  std::optional<int> Stop(int signal, std::chrono::milliseconds timeout) {
    if (signal != 0) kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return std::nullopt;
      }
      usleep(10000);
    }
    return std::nullopt;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

constexpr std::chrono::seconds kStartup(30);  // generous: the machine is shared

TEST(Cli, ServesWritesThePortFileAndStopsCleanlyOnSigterm) {
  const auto dir = std::filesystem::temp_directory_path() / ("e6emu-cli-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string port_file = (dir / "port").string();
  Child child({"--listen", "127.0.0.1:0", "--port-file", port_file, "--user", "alice", "--token", "t0k",
               "--batch-rows", "3", "--auth-failure", "access-denied"});
  ASSERT_TRUE(child.started());
  const std::optional<std::string> line = child.ReadLine(kStartup);
  ASSERT_TRUE(line.has_value());
  const std::string prefix = "listening on 127.0.0.1:";
  ASSERT_EQ(line->rfind(prefix, 0), 0u) << *line;
  const std::string port = line->substr(prefix.size());
  ASSERT_GT(std::stoi(port), 0);
  std::string written;
  std::ifstream(port_file) >> written;
  EXPECT_EQ(written, port);
  EXPECT_FALSE(std::filesystem::exists(port_file + ".tmp"));

  auto engine = QueryEngineService::NewStub(
      grpc::CreateChannel("127.0.0.1:" + port, grpc::InsecureChannelCredentials()));
  AuthenticateRequest auth;
  auth.set_user("alice");
  auth.set_password("demo-token");  // the default token no longer works
  AuthenticateResponse session;
  {
    grpc::ClientContext context;
    const grpc::Status status = engine->authenticate(&context, auth, &session);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
    EXPECT_NE(status.error_message().find("Access denied"), std::string::npos);
  }
  auth.set_password("t0k");
  {
    grpc::ClientContext context;
    ASSERT_TRUE(engine->authenticate(&context, auth, &session).ok());
  }
  PrepareStatementResponse prepared;
  {
    grpc::ClientContext context;
    PrepareStatementRequest request;
    request.set_sessionid(session.sessionid());
    request.set_querystring("SELECT * FROM tpch.region");
    ASSERT_TRUE(engine->prepareStatement(&context, request, &prepared).ok());
  }
  {
    grpc::ClientContext context;
    ExecuteStatementRequest request;
    request.set_sessionid(session.sessionid());
    request.set_queryid(prepared.queryid());
    ExecuteStatementResponse response;
    ASSERT_TRUE(engine->executeStatement(&context, request, &response).ok());
  }
  {
    grpc::ClientContext context;
    GetNextResultBatchRequest request;
    request.set_sessionid(session.sessionid());
    request.set_queryid(prepared.queryid());
    GetNextResultBatchResponse response;
    ASSERT_TRUE(engine->getNextResultBatch(&context, request, &response).ok());
    // Chunk.size is the first field: 08 0001 <i32 BE>; --batch-rows 3 of region's 5 rows.
    ASSERT_GE(response.resultbatch().size(), 7u);
    EXPECT_EQ(response.resultbatch().substr(0, 7), std::string("\x08\x00\x01\x00\x00\x00\x03", 7));
  }

  EXPECT_EQ(child.Stop(SIGTERM, std::chrono::seconds(10)), std::optional<int>(0));
  EXPECT_EQ(child.ReadLine(std::chrono::seconds(1)), std::optional<std::string>("")) << "exactly one line";
  std::filesystem::remove_all(dir);
}

TEST(Cli, SigintStopsItToo) {
  Child child({});
  ASSERT_TRUE(child.ReadLine(kStartup).has_value());
  EXPECT_EQ(child.Stop(SIGINT, std::chrono::seconds(10)), std::optional<int>(0));
}

TEST(Cli, HelpNamesEveryFlag) {
  Child child({"--help"});
  std::string text;
  while (const std::optional<std::string> line = child.ReadLine(std::chrono::seconds(10))) {
    if (line->empty()) break;
    text += *line + "\n";
  }
  for (const char* flag : {"--listen", "--port-file", "--user", "--token", "--batch-rows", "--auth-failure",
                           "empty-session", "access-denied", "unauthenticated", "--strategy",
                           "--reject-missing-strategy", "--tls-cert", "--tls-key", "--load-sqlite", "--load-csv",
                           "--refuse-pings", "--metadata-row-count", "--empty-chunks-every", "--datetime-as-timestamp",
                           "--decimal-without-scale", "--help"}) {
    EXPECT_NE(text.find(flag), std::string::npos) << flag;
  }
  EXPECT_EQ(child.Stop(0, std::chrono::seconds(10)), std::optional<int>(0));
}

TEST(Cli, BadFlagsExitWithStatus2) {
  for (const std::vector<std::string>& flags : std::vector<std::vector<std::string>>{
           {"--frobnicate"}, {"--auth-failure", "sometimes"}, {"--batch-rows", "0"}, {"--batch-rows", "12x"},
           {"--listen"}, {"--metadata-row-count", "sometimes"}, {"--empty-chunks-every", "-1"},
           {"--empty-chunks-every", "often"}}) {
    Child child(flags);
    EXPECT_EQ(child.Stop(0, std::chrono::seconds(10)), std::optional<int>(2)) << flags[0];
  }
}

// The spec §13 flags reach the wire (each alternative is checked in detail in
// open_questions_test.cc); --refuse-pings does not get in the way of plain calls.
TEST(Cli, OpenQuestionFlagsChangeWhatIsSent) {
  Child child({"--batch-rows", "2", "--metadata-row-count", "zero", "--empty-chunks-every", "1",
               "--datetime-as-timestamp", "--decimal-without-scale", "--refuse-pings"});
  const std::optional<std::string> line = child.ReadLine(kStartup);
  ASSERT_TRUE(line.has_value());
  const int port = std::atoi(line->substr(line->rfind(':') + 1).c_str());
  auto engine = QueryEngineService::NewStub(testing::OwnChannel(port));
  std::string session;
  ASSERT_TRUE(testing::Authenticate(*engine, session).ok());
  const std::string query =
      testing::PrepareAndExecute(*engine, session, "SELECT datetime_col, small_decimal_col FROM types.all_types WHERE id < 4");
  ASSERT_FALSE(query.empty());
  GetResultMetadataRequest request;
  request.set_sessionid(session);
  request.set_queryid(query);
  GetResultMetadataResponse metadata;
  ASSERT_TRUE(engine->getResultMetadata(testing::Bounded().get(), request, &metadata).ok());
  EXPECT_EQ(metadata.resultmetadata().substr(0, 8), std::string(8, '\0'));
  std::vector<int32_t> sizes;
  for (int i = 0; i < 10; ++i) {
    std::string batch;
    ASSERT_TRUE(testing::NextBatch(*engine, session, query, batch).ok());
    if (batch.empty()) break;
    const e6x::vectors::Chunk chunk = testing::Decode(batch);
    sizes.push_back(chunk.size);
    EXPECT_EQ(static_cast<int>(chunk.vectors.at(0).vectorType), 10);
    EXPECT_FALSE(chunk.vectors.at(1).data.decimal128Data.__isset.scale);
  }
  EXPECT_EQ(sizes, (std::vector<int32_t>{2, 0, 1}));
  EXPECT_EQ(child.Stop(SIGTERM, std::chrono::seconds(10)), std::optional<int>(0));
}

// The dropped-connection fault in the executable, as the integration tests use it.
TEST(Cli, DropsTheCallersConnectionMidStream) {
  Child child({"--batch-rows", "100"});
  const std::optional<std::string> line = child.ReadLine(kStartup);
  ASSERT_TRUE(line.has_value());
  const int port = std::atoi(line->substr(line->rfind(':') + 1).c_str());
  auto engine = QueryEngineService::NewStub(testing::OwnChannel(port));
  auto control = EmulatorControl::NewStub(testing::OwnChannel(port));
  std::string session;
  ASSERT_TRUE(testing::Authenticate(*engine, session).ok());
  const std::string query = testing::PrepareAndExecute(*engine, session, "SELECT * FROM tpch.nation, tpch.region");
  ConfigureRequest drop;
  drop.set_drop_method("QueryEngineService/getNextResultBatch");
  drop.set_drop_nth(1);
  ASSERT_TRUE(testing::Configure(*control, drop).ok());
  std::string batch;
  EXPECT_EQ(testing::NextBatch(*engine, session, query, batch).error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(testing::NextBatch(*engine, session, query, batch).ok()) << "reconnected; the batch was not consumed";
  EXPECT_EQ(testing::Decode(batch).size, 100);
  EXPECT_EQ(child.Stop(SIGTERM, std::chrono::seconds(10)), std::optional<int>(0));
}

TEST(Cli, AnAddressInUseIsAnError) {
  Emulator holder{EmulatorOptions()};
  const int port = holder.Start("127.0.0.1:0");
  Child child({"--listen", "127.0.0.1:" + std::to_string(port)});
  EXPECT_EQ(child.Stop(0, kStartup), std::optional<int>(1));
}

}  // namespace
}  // namespace e6emu
