#include "session/channel.h"

#include <grpcpp/security/tls_certificate_verifier.h>
#include <grpcpp/security/tls_credentials_options.h>

#include "session/strategy_cache.h"

namespace e6odbc::session {

std::shared_ptr<grpc::Channel> CreateEngineChannel(const SessionSettings& settings) {
  // Spec §10.2 defaults, except that the receive limit is unlimited: result
  // batches routinely exceed gRPC's 4 MiB default. Keepalive pings keep a
  // stream alive through long planning and slow consumers.
  std::map<std::string, int64_t> options = {
      {"keepalive_time_ms", 30000},
      {"keepalive_timeout_ms", 900000},
      {"keepalive_permit_without_calls", 1},
      {"max_receive_message_length", -1},
      {"max_send_message_length", 300 * 1024 * 1024},
      {"http2.max_pings_without_data", 0},
      {"http2.min_time_between_pings_ms", 15000},
      {"http2.min_ping_interval_without_data_ms", 15000},
  };
  for (const auto& [name, value] : settings.channel_options) options[name] = value;
  grpc::ChannelArguments args;
  for (const auto& [name, value] : options) args.SetInt("grpc." + name, static_cast<int>(value));
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (settings.secure && settings.verify_server) {
    credentials = grpc::SslCredentials(grpc::SslCredentialsOptions{settings.ca_pem, "", ""});
  } else if (settings.secure) {
    // Encrypted but unauthenticated: only on explicit request (SSL_SKIP_VERIFY).
    grpc::experimental::TlsChannelCredentialsOptions tls;
    tls.set_verify_server_certs(false);
    tls.set_check_call_host(false);
    tls.set_certificate_verifier(std::make_shared<grpc::experimental::NoOpCertificateVerifier>());
    credentials = grpc::experimental::TlsCredentials(tls);
  }
  return grpc::CreateCustomChannel(settings.host + ":" + std::to_string(settings.port), credentials, args);
}

std::unique_ptr<grpc::ClientContext> MakeContext(const CallHeaders& headers, std::chrono::milliseconds timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!headers.cluster_name.empty()) context->AddMetadata("cluster-name", headers.cluster_name);
  // Only "blue" / "green" ever go out (spec §9.1), whatever the caller holds.
  if (headers.strategy) {
    if (const auto colour = StrategyCache::Normalize(*headers.strategy)) context->AddMetadata("strategy", *colour);
  }
  if (!headers.planner_ip.empty()) context->AddMetadata("plannerip", headers.planner_ip);
  if (timeout.count() > 0) context->set_deadline(std::chrono::system_clock::now() + timeout);
  return context;
}

EngineStub::EngineStub(const SessionSettings& settings)
    : channel_(CreateEngineChannel(settings)), stub_(QueryEngineService::NewStub(channel_)) {}

}  // namespace e6odbc::session
