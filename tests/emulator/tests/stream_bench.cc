// emulator_stream_bench: how fast the emulator streams a result to a client
// that only receives it (no decoding), so that the figure is the emulator's
// and gRPC's, not a decoder's. Prints one line per run and the median.
//
//   emulator_stream_bench [--port N] [--query SQL] [--repeat N]
//
// Without --port it starts an emulator in-process on a free port (client and
// server then share the process; CPU figures are for both).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "raw_client.h"

namespace {

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Run {
  double wall = 0;
  double cpu = 0;
  int64_t rows = 0;
  int64_t bytes = 0;
  int64_t batches = 0;
};

int64_t BigEndian64(const std::string& bytes) {
  uint64_t value = 0;
  for (size_t i = 0; i < 8 && i < bytes.size(); ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return static_cast<int64_t>(value);
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0;
  std::string sql = "SELECT * FROM bench.rows_1000000";
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--port") == 0) port = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--query") == 0) sql = argv[i + 1];
    else if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    else {
      std::cerr << "usage: emulator_stream_bench [--port N] [--query SQL] [--repeat N]\n";
      return 2;
    }
  }
  std::unique_ptr<e6emu::Emulator> in_process;
  if (port == 0) {
    in_process = std::make_unique<e6emu::Emulator>(e6emu::EmulatorOptions());
    port = in_process->Start("127.0.0.1:0");
  }
  namespace t = e6emu::testing;
  auto engine = QueryEngineService::NewStub(t::OwnChannel(port));
  std::string session;
  if (!t::Authenticate(*engine, session).ok()) {
    std::cerr << "cannot authenticate on port " << port << "\n";
    return 1;
  }
  std::vector<Run> runs;
  for (int r = 0; r < repeat; ++r) {
    Run run;
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuSeconds();
    const std::string query = t::PrepareAndExecute(*engine, session, sql);
    if (query.empty()) {
      std::cerr << "cannot run " << sql << "\n";
      return 1;
    }
    GetResultMetadataRequest metadata_request;
    metadata_request.set_sessionid(session);
    metadata_request.set_queryid(query);
    GetResultMetadataResponse metadata;
    engine->getResultMetadata(t::Bounded().get(), metadata_request, &metadata);
    run.rows = BigEndian64(metadata.resultmetadata());  // the total, by default
    for (;;) {
      std::string batch;
      if (!t::NextBatch(*engine, session, query, batch).ok()) {
        std::cerr << "getNextResultBatch failed\n";
        return 1;
      }
      if (batch.empty()) break;
      run.bytes += static_cast<int64_t>(batch.size());
      ++run.batches;
    }
    t::Clear(*engine, session, query);
    run.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.cpu = CpuSeconds() - cpu_start;
    std::printf("run %d: %lld rows, %lld batches, %.1f MiB in %.3f s wall (%.0f rows/s, %.1f MiB/s), %.3f s CPU%s\n",
                r + 1, static_cast<long long>(run.rows), static_cast<long long>(run.batches),
                static_cast<double>(run.bytes) / 1048576.0, run.wall, static_cast<double>(run.rows) / run.wall,
                static_cast<double>(run.bytes) / 1048576.0 / run.wall, run.cpu,
                in_process ? " (client and emulator)" : " (client)");
    runs.push_back(run);
  }
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.wall < b.wall; });
  const Run& median = runs[runs.size() / 2];
  std::printf("median: %.3f s wall, %.0f rows/s\n", median.wall, static_cast<double>(median.rows) / median.wall);
  return 0;
}
