#!/usr/bin/env bash
# Batched remote joins benchmark (not a test): 100 orders each joined to its customer in a remote
# user service, in the two shapes Junction can send the join in —
#   alias: one request with 100 aliased `user(id:)` fields (Hasura's shape), relationship `user`;
#   list:  one `users(ids: [...])` call (the `batch` extension), relationship `user_batch`
# — against a remote (junction.test.remote.ItemWorkUserService) whose `user(id:)` and `users(ids:)`
# do the same work per user (a lookup, plus ITEM_WORK_US of CPU). For each mode: Junction's req/s and
# each process's CPU µs per request, the remote alone answering that mode's call, and the ceiling
# 1 / (1/sql + 1/remote): the SQL under `pgbench -M prepared` and the call on the remote alone, one
# after the other with no Junction. The ratio the issue asks for is to the list call's ceiling. The
# 1-minute load average is printed on every row (the machine may be shared). Prints a Markdown table.
# List mode needs a Junction that accepts `batch` in a remote relationship; without it only the
# alias rows and the ceilings are printed.
#
#   bench/run-join-batch.sh   # DURATION=10 WARMUP=3 ORDERS=100000 CONCURRENCY="16 64" ITEM_WORK_US=0
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16 64}"
THREADS="${THREADS:-2}"
LAYOUTS="${LAYOUTS:-split shared}"
ITEM_WORK_US="${ITEM_WORK_US:-0}"
MODES="${MODES:-alias list}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir

start_postgres "$work" "$PGPORT"

test_classpath

start_remote ItemWorkUserService 10000 "$ITEM_WORK_US"
start_junction -- --pg-connections "${PG_CONNECTIONS:-16}"

meta() { curl -s "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d "$1"; }
meta @"$here/metadata.json" >/dev/null
meta "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"http://127.0.0.1:$RPORT/graphql\"}}}" >/dev/null
meta '{"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "user", "definition": {"to_remote_schema":
  {"remote_schema": "users", "lhs_fields": ["customer_id"], "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}}' >/dev/null
# list mode: the same relationship, fetched with one users(ids:) call matched back by id
batch_answer="$(meta '{"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "user_batch", "definition": {"to_remote_schema":
  {"remote_schema": "users", "lhs_fields": ["customer_id"], "remote_field": {"user": {"arguments": {"id": "$customer_id"}}},
   "batch": {"field": "users", "argument": "ids", "key": "id"}}}}}')"
if [ "$batch_answer" != '{"message":"success"}' ]; then
  echo "== this Junction does not take \`batch\` ($batch_answer): list mode left out" >&2
  MODES="${MODES//list/}"
fi

body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
lua() { printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' "$1" > "$2"; }
join_query() { # mode -> the GraphQL query through Junction
  local field=user; [ "$1" = list ] && field=user_batch
  echo "{ orders(limit: 100, order_by: {id: asc}) { id total $field { id name email } } }"
}
for mode in alias list; do lua "$(body "$(join_query "$mode")")" "$work/join-$mode.lua"; done

# the remote alone: the call each mode makes for that query (the 100 orders' distinct customers)
python3 - "$DB" "$work" <<'PY'
import json, subprocess, sys
db, work = sys.argv[1:]
ids = subprocess.check_output(["psql", "-X", "-At", db, "-c", "select customer_id from orders order by id limit 100"]).decode().split()
seen = list(dict.fromkeys(ids))
calls = {
    "alias": "query { " + " ".join(f"r0_{n}: user(id: {i}) {{id name email}}" for n, i in enumerate(seen)) + " }",
    "list": "query { users(ids: [" + ", ".join(seen) + "]) {id name email} }",
}
for mode, q in calls.items():
    with open(f"{work}/remote-{mode}.lua", "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[' + json.dumps({"query": q}) + ']==]\n')
print(len(seen), "distinct customers", file=sys.stderr)
PY

# the SQL alone: what explain says Junction runs for the root field (its one parameter is the limit, 100)
curl -sf "http://127.0.0.1:$JPORT/v1/graphql/explain" -H 'content-type: application/json' \
  -d "{\"query\": $(body "$(join_query alias)")}" | python3 -c '
import json, re, sys
field = json.load(sys.stdin)[0]
sql = re.sub(r"\$(\d+)", "100", field["sql"])
print("select json_build_object(\x27" + field["field"] + "\x27, (" + sql + "))::text;")' > "$work/join.sql"

# each mode answers the same, and makes one remote request per query
reference=""
for mode in $MODES; do
  before="$(curl -sf "http://127.0.0.1:$RPORT/count")"
  answer="$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' -d "$(body "$(join_query "$mode")")" | sed 's/user_batch/user/g')"
  after="$(curl -sf "http://127.0.0.1:$RPORT/count")"
  case "$answer" in *'"errors"'*|'') echo "$mode: failed: $answer" >&2; exit 1;; esac
  [ -z "$reference" ] && reference="$answer"
  [ "$answer" = "$reference" ] || { echo "$mode: another answer than alias mode" >&2; exit 1; }
  echo "== $mode: $((after - before)) remote request(s) for one query" >&2
done

load() { awk '{print $1}' /proc/loadavg; }
warm() { # url lua concurrency
  $CLIENT wrk -t"$THREADS" -c"$3" -d"${WARMUP}s" -s "$2" "$1" >/dev/null 2>&1 || true
}
measure() { # url lua concurrency -> "rps p50 p99 requests non-2xx"
  $CLIENT wrk -t"$THREADS" -c"$3" -d"${DURATION}s" --latency -s "$2" "$1" > "$work/wrk.out"
  wrk_stats "$work/wrk.out"
}
run_pgbench() { # sql concurrency -> tps
  $CLIENT pgbench -n -M prepared -T "$DURATION" -c "$2" -j "$THREADS" -f "$1" "$DB" 2>/dev/null | awk '/^tps/ {print $3; exit}'
}

echo
echo "| layout | c | mode | load | Junction req/s | p50 | p99 | non-2xx | CPU µs/req Junction + remote + PostgreSQL | SQL alone (pgbench tps) | this call on the remote alone (req/s, remote CPU µs/req) | ceiling (this call) | list-call ceiling | Junction ÷ list-call ceiling |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
# JIT warm-up of Junction and the remote on all cores first
CLIENT=""
for call in alias list; do
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-20}s" -s "$work/remote-$call.lua" "http://127.0.0.1:$RPORT/graphql" >/dev/null 2>&1 || true
done
for mode in $MODES; do
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-20}s" -s "$work/join-$mode.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
done
for layout in $LAYOUTS; do
  apply_layout "$layout" "$(postmaster_pid "$work") $remote_pid" "$junction_pid"
  for c in $CONCURRENCY; do
    declare -A remote_rps=() remote_cpu=()
    for call in alias list; do
      warm "http://127.0.0.1:$RPORT/graphql" "$work/remote-$call.lua" "$c"
      r0=$(cpu_ticks "$remote_pid")
      read -r rrps _ _ rn _ < <(measure "http://127.0.0.1:$RPORT/graphql" "$work/remote-$call.lua" "$c")
      r1=$(cpu_ticks "$remote_pid")
      remote_rps[$call]="$rrps"; remote_cpu[$call]="$(per_request $((r1 - r0)) "$rn")"
    done
    sql_load="$(load)"
    stps="$(run_pgbench "$work/join.sql" "$c")"
    echo "== $layout c$c: pgbench $stps tps (load $sql_load); remote alone: alias ${remote_rps[alias]} req/s, list ${remote_rps[list]} req/s" >&2
    for mode in $MODES; do
      warm "http://127.0.0.1:$JPORT/v1/graphql" "$work/join-$mode.lua" "$c"
      at="$(load)"
      j0=$(cpu_ticks "$junction_pid"); r0=$(cpu_ticks "$remote_pid"); p0=$(cpu_ticks "$(postmaster_pid "$work")")
      read -r jrps jp50 jp99 jn bad < <(measure "http://127.0.0.1:$JPORT/v1/graphql" "$work/join-$mode.lua" "$c")
      j1=$(cpu_ticks "$junction_pid"); r1=$(cpu_ticks "$remote_pid"); p1=$(cpu_ticks "$(postmaster_pid "$work")")
      cpu="$(per_request $((j1 - j0)) "$jn") + $(per_request $((r1 - r0)) "$jn") + $(per_request $((p1 - p0)) "$jn")"
      python3 - "$layout" "$c" "$mode" "$at" "$jrps" "$jp50" "$jp99" "$bad" "$cpu" "$stps" "${remote_rps[$mode]}" "${remote_cpu[$mode]}" "${remote_rps[list]}" <<'PY'
import sys
layout, c, mode, load, j, p50, p99, bad, cpu, s, r, rcpu, rl = sys.argv[1:]
j, s, r, rl = float(j), float(s), float(r), float(rl)
ceiling = 1 / (1 / s + 1 / r)
list_ceiling = 1 / (1 / s + 1 / rl)
print(f"| {layout} | {c} | {mode} | {load} | {j:.0f} | {p50} | {p99} | {bad} | {cpu} | {s:.0f} | {r:.0f} ({rcpu} µs) | {ceiling:.0f} | {list_ceiling:.0f} | {j / list_ceiling:.2f}× |")
PY
    done
  done
done
