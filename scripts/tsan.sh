#!/usr/bin/env bash
# ThreadSanitizer run of the unit tests that exercise threads: session_tests
# (the shared StrategyCache, concurrent sessions and queries, SQLCancel) and
# convert_tests (the process-wide time-zone cache). Builds only those targets,
# with -fsanitize=thread -O1 -g, into its own build dir, and exits non-zero on
# the first race (or on any failing test). Not part of scripts/test.sh.
#   scripts/tsan.sh                                   # build + run
#   scripts/tsan.sh --gtest_filter='Concurrency*'     # extra args go to each test binary
#   E6_TSAN_BUILD_DIR=/tmp/b scripts/tsan.sh          # another build dir (default ./build-tsan)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${E6_TSAN_BUILD_DIR:-$root/build-tsan}
jobs=${E6_TSAN_JOBS:-2}
tests=(session_tests convert_tests)

cmake -S "$root" -B "$build" -DE6_SANITIZE=thread -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS_DEBUG="-O1 -g" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" > /dev/null
targets=()
for t in "${tests[@]}"; do targets+=(--target "$t"); done
cmake --build "$build" -j "$jobs" "${targets[@]}"

# halt_on_error: stop at the first report, with a non-zero exit status (66),
# so that a race is never lost in a passing run's output.
# second_deadlock_stack: both stacks of a lock-order inversion.
# The suppressions cover only the uninstrumented Debian gRPC/absl libraries
# (see the file for why); never the driver's own code.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 exitcode=66 suppressions=$root/tests/tsan.supp ${TSAN_OPTIONS:-}"

for t in "${tests[@]}"; do
  binary=$(find "$build/tests/unit" -type f -name "$t" -perm -u+x | head -n 1)
  echo "== $t (ThreadSanitizer)"
  "$binary" "$@"
done
echo "== ThreadSanitizer: no race reported"
