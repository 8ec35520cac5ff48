# Sourced by Benchmarks/serve_api.sh and Benchmarks/fuzz_api.sh: a temporary served workspace on loopback.
# Needs $root, $bin and $work set; sets $token (bank B01), $base (the server's address), $server_pid and
# $cookie (an office session of the account USER with PASSWORD).

# Copies Scenarios/shandong, publishes the baseline (solving it), makes B01's token and an office account.
make_workspace() {
    cp -r "$root/Scenarios/shandong" "$work/ws"
    rm -rf "$work/ws/.greenalloc"
    "$bin/greenalloc" publish "$work/ws/baseline-2022.yaml" --workspace "$work/ws" > /dev/null 2>&1
    token=$("$bin/greenalloc" bank-token create B01 --workspace "$work/ws" | tail -n 1)
    echo "$2" | "$bin/greenalloc" user create "$1" --role planner --workspace "$work/ws" > /dev/null
}

# Starts greenalloc-server on a free loopback port and signs the office account in through its form.
start_server() {
    "$bin/greenalloc-server" --workspace "$work/ws" --host 127.0.0.1 --port 0 > "$work/server.out" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do grep -q "listening on" "$work/server.out" && break; sleep 0.1; done
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out")
    local csrf
    csrf=$(curl -s -D - -o /dev/null "$base/office/sign-in" | sed -n 's/.*greenalloc_csrf=\([^;]*\).*/\1/p' | tr -d '\r')
    cookie="greenalloc_session=$(curl -s -D - -o /dev/null -b "greenalloc_csrf=$csrf" --data "csrf=$csrf&name=$1&password=$2" \
        "$base/office/sign-in" | sed -n 's/.*greenalloc_session=\([^;]*\).*/\1/p' | tr -d '\r')"
    [ "$cookie" != "greenalloc_session=" ] || { echo "no office session" >&2; return 1; }
}

stop_server() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    server_pid=""
}
