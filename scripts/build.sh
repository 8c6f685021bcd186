#!/usr/bin/env bash
# Configures and builds everything (driver, emulator, tests) into ./build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_type=${E6_BUILD_TYPE:-RelWithDebInfo}
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE="$build_type" > /dev/null
cmake --build "$root/build" -j "$(nproc)"
