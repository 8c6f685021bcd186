#include "session/channel.h"

#include "session/strategy_cache.h"

namespace e6odbc::session {

std::shared_ptr<grpc::Channel> CreateEngineChannel(const SessionSettings& settings) {
  grpc::ChannelArguments args;
  // Spec §10.2 defaults, except that the receive limit is unlimited: result
  // batches routinely exceed gRPC's 4 MiB default.
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(300 * 1024 * 1024);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 900000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  args.SetInt(GRPC_ARG_HTTP2_MIN_SENT_PING_INTERVAL_WITHOUT_DATA_MS, 15000);
  args.SetInt(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 15000);
  std::shared_ptr<grpc::ChannelCredentials> credentials =
      settings.secure ? grpc::SslCredentials(grpc::SslCredentialsOptions{settings.ca_pem, "", ""})
                      : grpc::InsecureChannelCredentials();
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
