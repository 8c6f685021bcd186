#!/usr/bin/env bash
# Registers (or removes) the e6data driver and the sample DSN with unixODBC.
#
#   odbcinst/register.sh install   [--build DIR] [--host H] [--port N]
#   odbcinst/register.sh uninstall
#
# The driver goes into odbcinst.ini and the DSN `e6data-sample` into the system
# odbc.ini, wherever unixODBC keeps them (`odbcinst -j` shows the paths;
# ODBCSYSINI overrides them, which is how the tests use a private copy).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
action=${1:-}
shift || true
build_dir="$here/../build"
host=127.0.0.1
port=50051
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build_dir=$2; shift 2 ;;
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "register.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

case "$action" in
  install)
    driver_ini="$build_dir/odbcinst/odbcinst.ini"
    if [ ! -f "$driver_ini" ]; then
      echo "register.sh: $driver_ini not found; build the project first" >&2
      exit 1
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    sed -e "s/^HOST *=.*/HOST         = $host/" -e "s/^PORT *=.*/PORT         = $port/" \
      "$here/odbc.ini.sample" > "$tmp/odbc.ini"
    # -u first so re-running replaces instead of stacking usage counts.
    odbcinst -u -d -n e6data > /dev/null 2>&1 || true
    odbcinst -u -s -l -n e6data-sample > /dev/null 2>&1 || true
    odbcinst -i -d -f "$driver_ini"
    odbcinst -i -s -l -f "$tmp/odbc.ini"
    echo "registered driver 'e6data' and DSN 'e6data-sample' ($host:$port)"
    ;;
  uninstall)
    odbcinst -u -s -l -n e6data-sample || true
    odbcinst -u -d -n e6data || true
    echo "removed driver 'e6data' and DSN 'e6data-sample'"
    ;;
  *)
    echo "usage: $0 install [--build DIR] [--host H] [--port N] | uninstall" >&2
    exit 2
    ;;
esac
