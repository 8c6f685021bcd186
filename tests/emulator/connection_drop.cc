#include "connection_drop.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

namespace e6emu {
namespace {

struct HostPort {
  std::string host;  // numeric, as inet_ntop writes it
  int port = 0;
  bool operator==(const HostPort& other) const { return host == other.host && port == other.port; }
};

// "ipv4:1.2.3.4:5", "ipv6:[::1]:5" or "ipv6:%5B::1%5D:5" -> {host, port}.
std::optional<HostPort> ParsePeer(const std::string& peer) {
  std::string rest;
  if (peer.rfind("ipv4:", 0) == 0 || peer.rfind("ipv6:", 0) == 0) {
    rest = peer.substr(5);
  } else {
    return std::nullopt;  // unix sockets and the like
  }
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  HostPort out;
  out.port = std::atoi(rest.c_str() + colon + 1);
  std::string host = rest.substr(0, colon);
  for (const char* bracket : {"%5B", "%5b", "["}) {
    if (host.rfind(bracket, 0) == 0) host.erase(0, std::char_traits<char>::length(bracket));
  }
  for (const char* bracket : {"%5D", "%5d", "]"}) {
    const size_t length = std::char_traits<char>::length(bracket);
    if (host.size() >= length && host.compare(host.size() - length, length, bracket) == 0) {
      host.erase(host.size() - length);
    }
  }
  out.host = host;
  return out;
}

std::optional<HostPort> RemoteEnd(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return std::nullopt;
  char text[INET6_ADDRSTRLEN] = {};
  HostPort out;
  if (address.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    out.port = ntohs(v4->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    out.port = ntohs(v6->sin6_port);
  } else {
    return std::nullopt;
  }
  out.host = text;
  // An IPv4 client of a dual-stack listener: gRPC names it in IPv4 form.
  if (out.host.rfind("::ffff:", 0) == 0 && out.host.find('.') != std::string::npos) out.host.erase(0, 7);
  return out;
}

}  // namespace

int ShutdownPeerSockets(const std::string& peer) {
  const std::optional<HostPort> wanted = ParsePeer(peer);
  if (!wanted) return 0;
  int dropped = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    std::error_code ignored;
    if (std::filesystem::read_symlink(entry.path(), ignored).string().rfind("socket:", 0) != 0) continue;
    const int fd = std::atoi(entry.path().filename().c_str());
    const std::optional<HostPort> remote = RemoteEnd(fd);
    if (remote && *remote == *wanted && shutdown(fd, SHUT_RDWR) == 0) ++dropped;
  }
  return dropped;
}

}  // namespace e6emu
