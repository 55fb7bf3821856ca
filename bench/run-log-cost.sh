#!/usr/bin/env bash
# The cost of the http-log line per request: the same by-pk query under wrk against one engine with
# http-log on (stdout to /dev/null) and one with it off, alternated ROUNDS times; prints req/s and p50.
# Also the engine's CPU time per request (from /proc/PID/stat), which a busy machine disturbs less than req/s.
# Usage: bench/run-log-cost.sh [seconds per run, default 10] [rounds, default 3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/lib.sh"
need_jdk
secs="${1:-10}"; rounds="${2:-3}"
work="$(mktemp -d)"; pg_port="$(free_port)"; on_port="$(free_port)"; off_port="$(free_port)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
jar="$here/../target/junction.jar"
[ -f "$jar" ] || "$here/../junction" build
# the first engine starts the embedded PostgreSQL; the second shares it (SWAP=1: the one with http-log off starts it)
url="postgres://postgres:postgres@localhost:$pg_port/postgres"
first=(--port "$on_port"); second=(--port "$off_port" --enabled-log-types startup)
if [ "${SWAP:-0}" = 1 ]; then first=(--port "$off_port" --enabled-log-types startup); second=(--port "$on_port"); fi
java -jar "$jar" serve "${first[@]}" --pg-port "$pg_port" --data-dir "$work" > /dev/null 2>"$work/first.err" & pids+=($!)
until curl -sf "localhost:${first[1]}/healthz" >/dev/null; do sleep 0.5; done
java -jar "$jar" serve "${second[@]}" --database-url "$url" > /dev/null 2>"$work/second.err" & pids+=($!)
until curl -sf "localhost:${second[1]}/healthz" >/dev/null; do sleep 0.5; done
on_pid=${pids[0]}; off_pid=${pids[1]}
if [ "${SWAP:-0}" = 1 ]; then on_pid=${pids[1]}; off_pid=${pids[0]}; fi
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
curl -sf "localhost:$on_port/v2/query" -d '{"type": "run_sql", "args": {"sql": "create table if not exists notes (id int primary key, body text); insert into notes values (1, '"'"'hello'"'"') on conflict do nothing"}}' >/dev/null
curl -sf "localhost:$on_port/v1/metadata" -d '{"type": "pg_track_table", "args": {"table": "notes"}}' >/dev/null || true
sleep 1
cat > "$work/q.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query": "query Note { notes_by_pk(id: 1) { body } }", "operationName": "Note"}'
LUA
for port in $on_port $off_port; do wrk -t1 -c8 -d10s -s "$work/q.lua" "http://127.0.0.1:$port/v1/graphql" >/dev/null; done # warm-up
for r in $(seq "$rounds"); do
  for mode in on off; do
    port=$on_port; pid=$on_pid; [ $mode = off ] && port=$off_port && pid=$off_pid
    before=$(cpu_ticks "$pid")
    wrk -t1 -c8 -d"${secs}s" --latency -s "$work/q.lua" "http://127.0.0.1:$port/v1/graphql" > "$work/wrk.txt"
    after=$(cpu_ticks "$pid")
    echo "round $r http-log $mode: $(wrk_stats "$work/wrk.txt" | awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
      '{printf "%s req/s, p50 %s, p99 %s, non-2xx %s, engine CPU %.1f us/request\n", $1, $2, $3, $5, t / hz * 1e6 / $4}')"
  done
done
