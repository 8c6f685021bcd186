#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need, by name, and
# only those that are missing (apt-get update runs once, only if needed).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  protobuf-compiler protobuf-compiler-grpc libprotobuf-dev libgrpc++-dev
  libssl-dev openssl
  unixodbc unixodbc-dev odbcinst
  libgtest-dev libgmock-dev
  libsqlite3-dev
  tzdata
  python3 python3-pyodbc
  libthrift-dev thrift-compiler libboost-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
