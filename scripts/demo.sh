#!/usr/bin/env bash
# README command 1: install what is missing, build, start the engine emulator
# with its sample data, register the driver and the DSN `e6data-sample`, and
# run a few queries through isql. The emulator keeps running afterwards so you
# can go on with `isql -v e6data-sample`; the script prints how to stop it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${E6_DEMO_PORT:-50051}
state="$root/.demo"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" e6dataodbc e6data-emulator

mkdir -p "$state"
if [ -f "$state/emulator.pid" ] && kill -0 "$(cat "$state/emulator.pid")" 2> /dev/null; then
  kill "$(cat "$state/emulator.pid")" && sleep 0.5
fi
rm -f "$state/port"
"$root/build/tests/emulator/e6data-emulator" --listen "127.0.0.1:$port" --port-file "$state/port" \
  > "$state/emulator.log" 2>&1 &
echo $! > "$state/emulator.pid"
for _ in $(seq 100); do
  [ -s "$state/port" ] && break
  kill -0 "$(cat "$state/emulator.pid")" 2> /dev/null || { cat "$state/emulator.log"; exit 1; }
  sleep 0.1
done
[ -s "$state/port" ] || { echo "demo: the emulator did not start"; cat "$state/emulator.log"; exit 1; }
echo "demo: $(head -n 1 "$state/emulator.log")"

"$root/odbcinst/register.sh" install --build "$root/build" --port "$port"

run() {
  echo
  echo "isql> $1"
  # -m40: strings report a 65535-character column size; keep the table narrow.
  echo "$1" | isql -v -b -m40 e6data-sample
}
run "help region"  # isql's help calls SQLColumns: browsing the catalog, as BI tools do
run "SELECT r_regionkey, r_name FROM tpch.region ORDER BY r_regionkey"
run "SELECT l_returnflag, l_linestatus, COUNT(*) AS line_count, SUM(l_quantity) AS quantity FROM tpch.lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2"
run "SELECT id, long_col, string_col, date_col, decimal_col FROM types.all_types ORDER BY id"

echo
echo "demo: the emulator is still running (pid $(cat "$state/emulator.pid")) on 127.0.0.1:$port;"
echo "      try: isql -v e6data-sample     stop it with: kill \$(cat $state/emulator.pid)"
