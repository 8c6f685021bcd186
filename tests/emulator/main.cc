// e6data-emulator: a stand-in for an e6data cluster, for tests and demos.
// See docs/emulator.md for the flags, the sample data and the control service.
#include <signal.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>

#include "emulator.h"

namespace {

constexpr const char* kUsage = R"(usage: e6data-emulator [options]
  --listen HOST:PORT      address to serve on (default 127.0.0.1:0; port 0 picks a free port)
  --port-file PATH        write the chosen port to PATH once listening
  --user USER             the accepted user (default demo@e6data.local)
  --token TOKEN           the accepted access token (default demo-token)
  --batch-rows N          rows per result batch (default 8192)
  --auth-failure MODE     answer to wrong credentials: empty-session (default), access-denied, unauthenticated
  --strategy COLOUR       serve as blue or green: another `strategy` header gets the 456 signal
  --reject-missing-strategy  a call without a `strategy` header gets the 456 signal too
  --tls-cert PATH         serve TLS with this PEM certificate (chain); needs --tls-key
  --tls-key PATH          the PEM private key of --tls-cert
  --load-sqlite PATH[=SCHEMA]  serve the tables of an SQLite file as a schema (repeatable)
  --load-csv DIR[=SCHEMA]      serve every DIR/*.csv as a table (header `name:type`; repeatable)
  --refuse-catalog-list CODE  getCataloges fails: unimplemented or denied (spec 13.11)
  --refuse-pings          strict keepalive policy: GOAWAY "too_many_pings" for frequent client pings
  --metadata-row-count MODE  row count in result metadata: total (default), unknown (-1), zero (spec 13.6)
  --empty-chunks-every N  send a zero-row Chunk after every N real batches (spec 13.13; default 0 = never)
  --datetime-as-timestamp DATETIME columns travel as TIMESTAMP (10) vectors (spec 13.3)
  --decimal-without-scale DECIMAL128 vectors carry no `scale` field (spec 13.4)
  --help                  this text
)";

[[noreturn]] void Usage(const std::string& error) {
  std::cerr << "e6data-emulator: " << error << "\n" << kUsage;
  std::exit(2);
}

// The whole of `text` as a decimal number; nullopt for anything else ("", "12x").
std::optional<long> WholeNumber(const std::string& text) {
  char* end = nullptr;
  const long number = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') return std::nullopt;
  return number;
}

}  // namespace

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0";
  std::string port_file;
  e6emu::EmulatorOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--listen") {
      listen = value();
    } else if (arg == "--port-file") {
      port_file = value();
    } else if (arg == "--user") {
      options.user = value();
    } else if (arg == "--token") {
      options.token = value();
    } else if (arg == "--batch-rows") {
      const std::optional<long> rows = WholeNumber(value());
      if (!rows || *rows <= 0) Usage("--batch-rows must be a positive number");
      options.batch_rows = static_cast<size_t>(*rows);
    } else if (arg == "--auth-failure") {
      const std::string mode = value();
      if (mode == "empty-session") options.auth_failure = e6emu::AuthFailure::kEmptySession;
      else if (mode == "access-denied") options.auth_failure = e6emu::AuthFailure::kAccessDenied;
      else if (mode == "unauthenticated") options.auth_failure = e6emu::AuthFailure::kUnauthenticated;
      else Usage("unknown --auth-failure mode '" + mode + "'");
    } else if (arg == "--strategy") {
      options.strategy = value();
      if (options.strategy != "blue" && options.strategy != "green") Usage("--strategy must be blue or green");
    } else if (arg == "--tls-cert" || arg == "--tls-key") {
      const std::string path = value();
      std::ifstream in(path, std::ios::binary);
      if (!in) Usage("cannot read " + path);
      std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      (arg == "--tls-cert" ? options.tls_certificate_pem : options.tls_private_key_pem) = std::move(pem);
    } else if (arg == "--load-sqlite" || arg == "--load-csv") {
      const std::string spec = value();
      const size_t equals = spec.find('=');
      auto entry = std::make_pair(spec.substr(0, equals), equals == std::string::npos ? "" : spec.substr(equals + 1));
      (arg == "--load-sqlite" ? options.sqlite_files : options.csv_directories).push_back(std::move(entry));
    } else if (arg == "--reject-missing-strategy") {
      options.reject_missing_strategy = true;
    } else if (arg == "--refuse-catalog-list") {
      const std::string code = value();
      if (code == "unimplemented") options.catalog_list = grpc::StatusCode::UNIMPLEMENTED;
      else if (code == "denied") options.catalog_list = grpc::StatusCode::PERMISSION_DENIED;
      else Usage("unknown --refuse-catalog-list code '" + code + "' (unimplemented or denied)");
    } else if (arg == "--refuse-pings") {
      options.refuse_pings = true;
    } else if (arg == "--metadata-row-count") {
      const std::string mode = value();
      if (mode == "total") options.quirks.metadata_row_count = e6emu::MetadataRowCount::kTotal;
      else if (mode == "unknown") options.quirks.metadata_row_count = e6emu::MetadataRowCount::kUnknown;
      else if (mode == "zero") options.quirks.metadata_row_count = e6emu::MetadataRowCount::kZero;
      else Usage("unknown --metadata-row-count mode '" + mode + "'");
    } else if (arg == "--empty-chunks-every") {
      const std::optional<long> every = WholeNumber(value());
      if (!every || *every < 0 || *every > 1000000) Usage("--empty-chunks-every must be a number from 0 to 1000000");
      options.empty_chunks_every = static_cast<int>(*every);
    } else if (arg == "--datetime-as-timestamp") {
      options.quirks.datetime_as_timestamp = true;
    } else if (arg == "--decimal-without-scale") {
      options.quirks.decimal_without_scale = true;
    } else {
      Usage("unknown option '" + arg + "'");
    }
  }

  if (options.tls_certificate_pem.empty() != options.tls_private_key_pem.empty()) {
    Usage("--tls-cert and --tls-key go together");
  }

  // Block SIGINT/SIGTERM before gRPC starts its threads; one thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  try {
    e6emu::Emulator emulator(options);
    const int port = emulator.Start(listen);
    const std::string host = listen.substr(0, listen.rfind(':'));
    if (!port_file.empty()) {
      const std::string temporary = port_file + ".tmp";
      std::ofstream(temporary) << port << "\n";
      std::filesystem::rename(temporary, port_file);  // readers never see a partial file
    }
    std::cout << "listening on " << host << ":" << port << std::endl;
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&signals, &signal);
      emulator.Shutdown();
    });
    emulator.Wait();
    waiter.join();
  } catch (const std::exception& error) {
    std::cerr << "e6data-emulator: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
