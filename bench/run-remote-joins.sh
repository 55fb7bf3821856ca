#!/usr/bin/env bash
# Remote joins benchmark (not a test): orders (100 rows) each joined to its customer in a remote
# GraphQL user service, through Junction, against the ceiling of the same work done without it:
# the SQL alone under `pgbench -M prepared`, plus the one batched call on the remote alone
# (ceiling = 1 / (1/sql + 1/remote)), in each of LAYOUTS (see lib.sh; in `split` PostgreSQL and the
# remote share core 0, so the ceiling formula is that core's capacity for both parts). Also checks
# that products → items → order → remote user makes exactly one remote request per query. Prints a
# Markdown table.
#
#   bench/run-remote-joins.sh        # DURATION=10 WARMUP=3 ORDERS=100000 CONCURRENCY="16 64"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16 64}"
THREADS="${THREADS:-2}"
LAYOUTS="${LAYOUTS:-split shared}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir

start_postgres "$work" "$PGPORT"

test_classpath

start_remote UserService 0 10000
start_junction -- --pg-connections "${PG_CONNECTIONS:-16}"

meta() { curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d "$1" >/dev/null; }
meta @"$here/metadata.json"
meta "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"http://127.0.0.1:$RPORT/graphql\"}}}"
meta '{"type": "pg_create_object_relationship", "args": {"table": "order_items", "name": "order",
  "using": {"foreign_key_constraint_on": "order_id"}}}'
meta '{"type": "pg_create_array_relationship", "args": {"table": "products", "name": "order_items",
  "using": {"foreign_key_constraint_on": {"table": "order_items", "columns": ["product_id"]}}}}'
meta '{"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "user", "definition": {"to_remote_schema":
  {"remote_schema": "users", "lhs_fields": ["customer_id"], "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}}'

JOIN_QUERY='{ orders(limit: 100, order_by: {id: asc}) { id total user { id name email } } }'
body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
lua() { printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' "$1" > "$2"; }
lua "$(body "$JOIN_QUERY")" "$work/join.lua"

# the remote alone: the same batched request Junction sends for that query (one alias per distinct customer)
remote_query="$(python3 - "$DB" <<'PY'
import subprocess, sys
ids = subprocess.check_output(["psql", "-X", "-At", sys.argv[1], "-c",
    "select customer_id from orders order by id limit 100"]).decode().split()
seen = []
for i in ids:
    if i not in seen:
        seen.append(i)
print("query { " + " ".join(f"r0_{n}: user(id: {i}) {{id name email}}" for n, i in enumerate(seen)) + " }")
PY
)"
lua "$(body "$remote_query")" "$work/remote.lua"

# the SQL alone: what explain says Junction runs for the root field (its one parameter is the limit, 100)
curl -sf "http://127.0.0.1:$JPORT/v1/graphql/explain" -H 'content-type: application/json' \
  -d "{\"query\": $(body "$JOIN_QUERY")}" | python3 -c '
import json, re, sys
field = json.load(sys.stdin)[0]
sql = re.sub(r"\$(\d+)", "100", field["sql"])
print("select json_build_object(\x27" + field["field"] + "\x27, (" + sql + "))::text;")' > "$work/join.sql"

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
echo "| layout | concurrency | Junction req/s | p50 | p99 | CPU µs/req Junction + remote + PostgreSQL | SQL alone (pgbench tps) | remote alone (req/s) | ceiling | Junction ÷ ceiling |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# JIT warm-up of Junction and the remote on all cores first: on one core the compilers would still be
# busy during the first layout's runs
CLIENT=""
wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-30}s" -s "$work/join.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
for layout in $LAYOUTS; do
  apply_layout "$layout" "$(postmaster_pid "$work") $remote_pid" "$junction_pid"
  $CLIENT wrk -t"$THREADS" -c16 -d5s -s "$work/join.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  for c in $CONCURRENCY; do
    warm "http://127.0.0.1:$JPORT/v1/graphql" "$work/join.lua" "$c"
    j0=$(cpu_ticks "$junction_pid"); r0=$(cpu_ticks "$remote_pid"); p0=$(cpu_ticks "$(postmaster_pid "$work")")
    read -r jrps jp50 jp99 jn _ < <(measure "http://127.0.0.1:$JPORT/v1/graphql" "$work/join.lua" "$c")
    j1=$(cpu_ticks "$junction_pid"); r1=$(cpu_ticks "$remote_pid"); p1=$(cpu_ticks "$(postmaster_pid "$work")")
    cpu="$(per_request $((j1 - j0)) "$jn") + $(per_request $((r1 - r0)) "$jn") + $(per_request $((p1 - p0)) "$jn")"
    warm "http://127.0.0.1:$RPORT/graphql" "$work/remote.lua" "$c"
    read -r rrps _ < <(measure "http://127.0.0.1:$RPORT/graphql" "$work/remote.lua" "$c")
    stps="$(run_pgbench "$work/join.sql" "$c")"
    python3 - "$layout" "$c" "$jrps" "$jp50" "$jp99" "$cpu" "$stps" "$rrps" <<'PY'
import sys
layout, c, j, p50, p99, cpu, s, r = sys.argv[1:]
j, s, r = float(j), float(s), float(r)
ceiling = 1 / (1 / s + 1 / r)
print(f"| {layout} | c{c} | {j:.0f} | {p50} | {p99} | {cpu} | {s:.0f} | {r:.0f} | {ceiling:.0f} | {j / ceiling:.2f}× |")
PY
  done
done

# exactly one remote request for a query that reaches the remote through three levels of joins
before="$(curl -sf "http://127.0.0.1:$RPORT/count" || echo -1)"
curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' \
  -d "$(body '{ products(limit: 20, order_by: {id: asc}) { id order_items(limit: 5) { order { id user { name } } } } }')" >/dev/null || true
after="$(curl -sf "http://127.0.0.1:$RPORT/count" || echo -1)"
echo
echo "products → items → order → remote user: $((after - before)) remote request(s) for one query"
