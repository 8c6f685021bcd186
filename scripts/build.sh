#!/usr/bin/env bash
# Configures and builds into ./build: everything (driver, emulator, tests), or
# only the CMake targets given as arguments.
#   scripts/build.sh                          # all
#   scripts/build.sh e6dataodbc e6data-emulator
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_type=${E6_BUILD_TYPE:-RelWithDebInfo}
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE="$build_type" > /dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$root/build" -j "$(nproc)" "${targets[@]}"
