// Dropping one client's connection from inside a call handler: the fault
// "connection lost mid-stream". gRPC does not expose a call's socket, so the
// emulator finds it by the peer address gRPC reports and shuts it down.
#pragma once

#include <string>

namespace e6emu {

// Shuts down (SHUT_RDWR) every socket of this process whose remote end is
// `peer`, in gRPC's form ("ipv4:127.0.0.1:40312", "ipv6:[::1]:40312").
// Works for plaintext and TLS alike: it cuts TCP below both. Returns the
// number of sockets shut down (0 if the peer is not a TCP address).
int ShutdownPeerSockets(const std::string& peer);

}  // namespace e6emu
