#!/usr/bin/env bash
# The bank API under load, on loopback only; the fuzzing run against openapi.yaml is Benchmarks/fuzz_api.sh.
#
#   swift build -c release --product greenalloc && swift build -c release --product greenalloc-server
#   Benchmarks/serve_api.sh
#
# Copies Scenarios/shandong into a temporary workspace, publishes the baseline (solving it), makes a token
# for B01 and an office account, starts greenalloc-server on a free port, then runs wrk (Debian's `wrk`),
# DURATION seconds (default 10), 2 threads, CONNECTIONS connections (default 16), against
# GET /api/v1/banks/B01/list with B01's token and against the reference /healthz (no database):
#   1. with the server idle;
#   2. while the server solves the baseline as office jobs, one after the other (posted through the office's
#      form, the next when the last has finished), for the whole of the load.
# Prints wrk's latency distribution (p50, p75, p90, p99) and requests/s of each, the number of accesses the
# log holds against the number of requests wrk counted, and the machine's load. Settings: BIN (default
# .build/release), DURATION, CONNECTIONS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${BIN:-$root/.build/release}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
work=$(mktemp -d)
server_pid=""
solver_pid=""
cleanup() {
    touch "$work/stop"
    if [ -n "$solver_pid" ]; then wait "$solver_pid" 2>/dev/null || true; fi
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
. "$here/serve_common.sh"

make_workspace load load-password-1
start_server load load-password-1
echo "server: $base; machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
form=$(curl -s -b "$cookie" "$base/office" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)

# Solves the baseline as office jobs, one after the other, until $work/stop exists.
solve_loop() {
    local job
    while [ ! -e "$work/stop" ]; do
        job=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$cookie" --data "csrf=$form&scenario=baseline-2022.yaml" "$base/office/solve")
        [ -n "$job" ] || { echo "no job was queued" >&2; return; }
        while [ ! -e "$work/stop" ] && curl -s -b "$cookie" "$job" | grep -q 'http-equiv="refresh"'; do sleep 0.2; done
        echo x >> "$work/solves"
    done
}

run_wrk() {
    for path in /api/v1/banks/B01/list /healthz; do
        echo "== wrk $path (${duration}s, 2 threads, $connections connections)"
        wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$base$path" \
            | sed -n '/Latency Distribution/,/Requests\/sec/p'
    done
}

echo "=== 1. the server idle"
run_wrk
echo "=== 2. while the server solves the baseline as office jobs"
solve_loop &
solver_pid=$!
sleep 1
run_wrk
touch "$work/stop"
wait "$solver_pid" 2>/dev/null || true
solver_pid=""
echo "solves finished during the load: $(wc -l < "$work/solves" 2>/dev/null || echo 0)"
stop_server
echo "accesses logged: $(sqlite3 "$work/ws/.greenalloc/history.sqlite" 'SELECT count(*) FROM bank_access' 2>/dev/null || echo '(sqlite3 not installed)')"
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
