#!/usr/bin/env bash
# README command 2: install what is missing, build, run the whole test suite:
# every ctest suite, then the threaded unit suites under ThreadSanitizer.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j 2 --timeout 600
"$root/scripts/tsan.sh"
