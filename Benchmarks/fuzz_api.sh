#!/usr/bin/env bash
# Fuzzes the server against openapi.yaml with schemathesis (PyPI: `pip install schemathesis`), on loopback only.
#
#   swift build --product greenalloc && swift build --product greenalloc-server     (or -c release, with BIN=…)
#   Benchmarks/fuzz_api.sh
#
# Copies Scenarios/shandong into a temporary workspace, publishes the baseline (solving it), makes a token for
# B01 and an office account (planner) with a session, starts greenalloc-server on a free port, runs
# schemathesis with B01's token and the office session as the document's security schemes (every check, seed 1, MAX_EXAMPLES per operation,
# default 50, at most MAX_TIME seconds, default 300, each request at most 30 s), then stops the server and
# removes the workspace. Exit code: schemathesis's (0: no failure). Settings: BIN (the folder of the two
# programs, default .build/debug), MAX_EXAMPLES, MAX_TIME, SEED.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=${BIN:-$root/.build/debug}
examples=${MAX_EXAMPLES:-50}
max_time=${MAX_TIME:-300}
seed=${SEED:-1}
work=$(mktemp -d)
server_pid=""
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
. "$here/serve_common.sh"

make_workspace fuzz fuzz-password-1
start_server fuzz fuzz-password-1
echo "server: $base; load: $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
# The credentials go through openapi.yaml's security schemes, so that schemathesis knows when it leaves them out.
cat > "$work/schemathesis.toml" <<TOML
[auth.openapi.bankToken]
bearer = "$token"

[auth.openapi.officeSession]
api_key = "${cookie#greenalloc_session=}"
TOML
(cd "$work" && schemathesis --no-color --config-file "$work/schemathesis.toml" run "$root/openapi.yaml" --url "$base" \
    --checks all --max-examples "$examples" --seed "$seed" --max-time "$max_time" --request-timeout 30 \
    --workers 1 2>&1 | tail -n 120) || status=$?
echo "server: $(grep -c . "$work/server.out") log lines; load: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
