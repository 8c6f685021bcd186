// The emulated engine: sessions, queries and the SQLite database behind
// them, plus the QueryEngineService, ClusterService and EmulatorControl gRPC
// services over that state. All state sits behind one mutex: the sync gRPC
// server calls handlers from many threads.
#pragma once

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "cluster.grpc.pb.h"
#include "e6x_engine.grpc.pb.h"
#include "emulator_control.grpc.pb.h"
#include "result_set.h"
#include "wire_quirks.h"

namespace e6emu {

// How wrong credentials are answered (protocol spec §8.4, §13.7 leave it open).
enum class AuthFailure { kEmptySession, kAccessDenied, kUnauthenticated };

struct EmulatorOptions {
  std::string user = "demo@e6data.local";
  std::string token = "demo-token";
  size_t batch_rows = 8192;
  AuthFailure auth_failure = AuthFailure::kEmptySession;
  std::string strategy;                  // blue-green colour served; "" accepts any `strategy` header
  bool reject_missing_strategy = false;  // no `strategy` header -> the 456 signal
  // TLS: serve with this certificate chain and private key (PEM contents); empty = plaintext.
  std::string tls_certificate_pem;
  std::string tls_private_key_pem;
  // User data beside the sample data: (path, schema) pairs; "" schema = the file's name.
  std::vector<std::pair<std::string, std::string>> sqlite_files;
  std::vector<std::pair<std::string, std::string>> csv_directories;
  // Strict server keepalive policy: pings only during calls, at most one per 5 minutes,
  // GOAWAY "too_many_pings" after 2 strikes (gRPC's own defaults). Off: pings always welcome.
  bool refuse_pings = false;
  // Open questions of spec §13, answered one way or the other (docs/emulator.md).
  WireQuirks quirks;            // §13.3, §13.4, §13.6
  int empty_chunks_every = 0;   // §13.13: a zero-row Chunk after every N real batches (0 = never)
  // §13.11: how getCataloges answers ordinary clients: OK (the catalog list),
  // UNIMPLEMENTED or PERMISSION_DENIED.
  grpc::StatusCode catalog_list = grpc::StatusCode::OK;
};

struct EngineState;

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options);  // loads the sample data
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // Starts serving on `address` ("127.0.0.1:0" picks a port). Returns the port.
  int Start(const std::string& address);
  void Shutdown();
  void Wait();

 private:
  class EngineService;
  class ClusterServiceImpl;
  class ControlService;

  std::unique_ptr<EngineState> state_;
  std::unique_ptr<EngineService> engine_;
  std::unique_ptr<ClusterServiceImpl> cluster_;
  std::unique_ptr<ControlService> control_;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace e6emu
