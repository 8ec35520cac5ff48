#!/usr/bin/env bash
# The bank API under load and under fuzzing, on loopback only (see Benchmarks/README.md).
#
#   swift build -c release --product greenalloc && swift build -c release --product greenalloc-server
#   Benchmarks/serve_api.sh
#
# Copies Scenarios/shandong into a temporary workspace, publishes the baseline (solving it), makes a token
# for B01, starts greenalloc-server on a free port, then:
#   1. wrk (Debian's `wrk`), DURATION seconds (default 10), 2 threads, CONNECTIONS connections (default 16):
#      GET /api/v1/banks/B01/list with B01's token, and the reference /healthz (no database) in the same run,
#      optionally while a solve of the baseline runs beside it (WITH_SOLVE=1, the default);
#   2. schemathesis (PyPI) against openapi.yaml with B01's token: MAX_EXAMPLES (default 100) per operation,
#      seed 1, all checks; its summary is printed.
# Prints wrk's latency distribution (p50, p75, p90, p99) for both endpoints and the schemathesis summary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${BIN:-$root/.build/release}
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
examples=${MAX_EXAMPLES:-100}
work=$(mktemp -d)
server_pid=""
solve_pid=""
cleanup() {
    [ -n "$solve_pid" ] && kill "$solve_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cp -r "$root/Scenarios/shandong" "$work/ws"
rm -rf "$work/ws/.greenalloc"
"$bin/greenalloc" publish "$work/ws/baseline-2022.yaml" --workspace "$work/ws" >&2
token=$("$bin/greenalloc" bank-token create B01 --workspace "$work/ws" | tail -n 1)

"$bin/greenalloc-server" --workspace "$work/ws" --port 0 > "$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/server.out" && break; sleep 0.1; done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out")
echo "server: $base (load: $(cut -d' ' -f1-3 /proc/loadavg))"

if [ "${WITH_SOLVE:-1}" = 1 ]; then
    "$bin/greenalloc" solve "$work/ws/baseline-2022.yaml" --no-history --format json > /dev/null 2>&1 &
    solve_pid=$!
    echo "a solve of the baseline runs beside the load (pid $solve_pid)"
fi

for path in /api/v1/banks/B01/list /healthz; do
    echo "== wrk $path (${duration}s, 2 threads, $connections connections)"
    wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$base$path" \
        | sed -n '/Latency Distribution/,/Requests\/sec/p'
done
[ -n "$solve_pid" ] && kill "$solve_pid" 2>/dev/null || true
solve_pid=""

echo "== schemathesis ($examples examples per operation)"
(cd "$work" && schemathesis run "$root/openapi.yaml" --url "$base" -H "Authorization: Bearer $token" \
    --max-examples "$examples" --seed 1 --checks all 2>&1 | tail -n 150) || true
echo "server log: $(wc -l < "$work/server.out") lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
