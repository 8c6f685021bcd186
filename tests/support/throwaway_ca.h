// A throwaway certificate authority and a server certificate it signed, made
// with the openssl command-line tool, for TLS tests on 127.0.0.1. The server
// certificate names IP 127.0.0.1 and DNS localhost; nothing is kept after the test.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace e6test {

struct ThrowawayCa {
  std::filesystem::path ca_pem;
  std::filesystem::path server_pem;
  std::filesystem::path server_key;
};

inline ThrowawayCa MakeThrowawayCa(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const auto run = [&](const std::string& command) {
    if (std::system(("cd '" + dir.string() + "' && " + command + " > /dev/null 2>&1").c_str()) != 0) {
      throw std::runtime_error("certificate generation failed: " + command);
    }
  };
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  run("openssl req -x509 " + key + " -keyout ca.key -out ca.pem -days 2 -subj '/CN=e6data ODBC test CA'");
  run("openssl req " + key + " -keyout server.key -out server.csr -subj '/CN=127.0.0.1'");
  std::ofstream(dir / "san.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
  run("openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
      "-extfile san.ext");
  return {dir / "ca.pem", dir / "server.pem", dir / "server.key"};
}

}  // namespace e6test
