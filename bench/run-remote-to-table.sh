#!/usr/bin/env bash
# Remote schema → table benchmark (not a test), issue 22: a remote root field answering 100 users,
# each joined to the database by a `create_remote_schema_remote_relationship` (`to_source`):
#   object: `{ users(ids: [100 ids]) { id name customer { id name email } } }`, User.id → customers.id
#   array:  `{ users(ids: [...]) { id name orders(order_by: {id: asc}, limit: 5) { id total } } }`,
#           User.id → orders.customer_id
#   nested: `{ users(ids: [...]) { id orders(order_by: {id: asc}, limit: 2) { id user { id customer { name } } } } }`
#           remote → table → remote (the orders' `user`, a table → remote relationship) → table
# against a remote (junction.test.remote.ItemWorkUserService) on its own. For each query: the SQL
# statements and remote requests one query makes (PostgreSQL's `log_statement = all` during one
# query; the remote's request counter), then Junction's req/s and each process's CPU µs per request,
# the remote alone answering the root field, the first level's SQL alone under `pgbench -M prepared`
# (the statement PostgreSQL logged, its parameters inlined), and the ceiling 1 / (1/sql + 1/remote):
# the two one after the other with no Junction (for object and array, the whole work of the query;
# nested has a second level, left out of the ceiling, so its row has no ratio). Prints a Markdown table; the 1-minute load average on
# every row (the machine may be shared).
#
#   bench/run-remote-to-table.sh   # DURATION=10 WARMUP=3 ORDERS=100000 CONCURRENCY="16 64" QUERIES="object array nested"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16 64}"
THREADS="${THREADS:-2}"
LAYOUTS="${LAYOUTS:-split shared}"
QUERIES="${QUERIES:-object array nested}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir

start_postgres "$work" "$PGPORT"

test_classpath

start_remote ItemWorkUserService 10000 0
start_junction -- --pg-connections "${PG_CONNECTIONS:-16}"

meta() { # fails the run unless the metadata call succeeds
  local answer
  answer="$(curl -s "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d "$1")"
  case "$answer" in *'"success"'*) case "$answer" in *'"code"'*) ;; *) return 0;; esac;; esac
  echo "metadata call failed: $answer" >&2; exit 1
}
meta @"$here/metadata.json"
meta "{\"type\": \"add_remote_schema\", \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"http://127.0.0.1:$RPORT/graphql\"}}}"
meta '{"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User", "name": "customer",
  "definition": {"to_source": {"source": "default", "table": "customers", "relationship_type": "object", "field_mapping": {"id": "id"}}}}}'
meta '{"type": "create_remote_schema_remote_relationship", "args": {"remote_schema": "users", "type_name": "User", "name": "orders",
  "definition": {"to_source": {"source": "default", "table": "orders", "relationship_type": "array", "field_mapping": {"id": "customer_id"}}}}}'
meta '{"type": "pg_create_remote_relationship", "args": {"table": "orders", "name": "user", "definition": {"to_remote_schema":
  {"remote_schema": "users", "lhs_fields": ["customer_id"], "remote_field": {"user": {"arguments": {"id": "$customer_id"}}}}}}}'

ids="$(python3 -c 'print(", ".join(str(i * 97 % 10000 + 1) for i in range(100)))')"
query() { # name -> the GraphQL query through Junction
  case "$1" in
    object) echo "{ users(ids: [$ids]) { id name customer { id name email } } }";;
    array) echo "{ users(ids: [$ids]) { id name orders(order_by: {id: asc}, limit: 5) { id total } } }";;
    nested) echo "{ users(ids: [$ids]) { id orders(order_by: {id: asc}, limit: 2) { id user { id customer { name } } } } }";;
  esac
}
body() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
lua() { printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' "$1" > "$2"; }
for q in $QUERIES; do lua "$(body "$(query "$q")")" "$work/junction-$q.lua"; done
# the remote alone: the root field as Junction forwards it (with the join field it adds)
lua "$(body "{ users(ids: [$ids]) { id name } }")" "$work/remote.lua"

psql_c() { psql -X -q -At "$DB" -c "$1"; }
# one query of each kind with every statement logged: the statements per request, and the first
# level's statement (parameters inlined) for pgbench
declare -A statements=() requests=()
for q in $QUERIES; do
  psql_c "alter system set log_statement = 'all'" && psql_c "select pg_reload_conf()" >/dev/null
  sleep 0.3
  mark="$(wc -c < "$work/pg.log")"
  before="$(curl -sf "http://127.0.0.1:$RPORT/count")"
  answer="$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' -d "$(body "$(query "$q")")")"
  after="$(curl -sf "http://127.0.0.1:$RPORT/count")"
  sleep 0.3
  psql_c "alter system reset log_statement" && psql_c "select pg_reload_conf()" >/dev/null
  case "$answer" in *'"errors"'*|'') echo "$q: failed: $answer" >&2; exit 1;; esac
  statements[$q]="$(tail -c +"$((mark + 1))" "$work/pg.log" | python3 -c '
import re, sys
log = sys.stdin.read()
# the extended protocol logs "execute <name>: SQL" then "DETAIL:  parameters: $1 = '\''…'\'', …"
found = re.findall(r"LOG:  execute [^:]*: (.*?)\n(?:[^\n]*DETAIL:  parameters: (.*?)\n)?", log)
# left out: the statements of this script and the background metadata poll of the engine (hdb_catalog)
found = [(sql, params) for sql, params in found
         if "pg_reload_conf" not in sql and "log_statement" not in sql and "hdb_catalog" not in sql]
for sql, params in found:
    print("   ", sql[:100] + "…", file=sys.stderr)
sql, params = found[0]
for name, value in reversed(re.findall(r"(\$\d+) = (\x27(?:[^\x27]|\x27\x27)*\x27|NULL)", params)):
    sql = sql.replace(name, value)
with open(sys.argv[1], "w") as out:
    out.write(sql + ";\n")
print(len(found))' "$work/sql-$q.sql")"
  requests[$q]="$((after - before))"
  echo "== $q: ${statements[$q]} SQL statement(s), ${requests[$q]} remote request(s) for one query; answer $(echo "$answer" | wc -c) bytes" >&2
done

load() { awk '{print $1}' /proc/loadavg; }
warm() { $CLIENT wrk -t"$THREADS" -c"$3" -d"${WARMUP}s" -s "$2" "$1" >/dev/null 2>&1 || true; }
measure() { # url lua concurrency -> "rps p50 p99 requests non-2xx"
  $CLIENT wrk -t"$THREADS" -c"$3" -d"${DURATION}s" --latency -s "$2" "$1" > "$work/wrk.out"
  wrk_stats "$work/wrk.out"
}
run_pgbench() { $CLIENT pgbench -n -M prepared -T "$DURATION" -c "$2" -j "$THREADS" -f "$1" "$DB" 2>/dev/null | awk '/^tps/ {print $3; exit}'; }

echo
echo "| layout | c | query | load | SQL statements / remote requests per query | Junction req/s | p50 | p99 | non-2xx | CPU µs/req Junction + remote + PostgreSQL | first level's SQL alone (pgbench tps) | remote root field alone (req/s) | ceiling | Junction ÷ ceiling |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
CLIENT=""
wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-20}s" -s "$work/remote.lua" "http://127.0.0.1:$RPORT/graphql" >/dev/null 2>&1 || true
for q in $QUERIES; do
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-20}s" -s "$work/junction-$q.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
done
for layout in $LAYOUTS; do
  apply_layout "$layout" "$(postmaster_pid "$work") $remote_pid" "$junction_pid"
  for c in $CONCURRENCY; do
    warm "http://127.0.0.1:$RPORT/graphql" "$work/remote.lua" "$c"
    read -r rrps _ _ _ _ < <(measure "http://127.0.0.1:$RPORT/graphql" "$work/remote.lua" "$c")
    for q in $QUERIES; do
      stps="$(run_pgbench "$work/sql-$q.sql" "$c")"
      warm "http://127.0.0.1:$JPORT/v1/graphql" "$work/junction-$q.lua" "$c"
      at="$(load)"
      j0=$(cpu_ticks "$junction_pid"); r0=$(cpu_ticks "$remote_pid"); p0=$(cpu_ticks "$(postmaster_pid "$work")")
      read -r jrps jp50 jp99 jn bad < <(measure "http://127.0.0.1:$JPORT/v1/graphql" "$work/junction-$q.lua" "$c")
      j1=$(cpu_ticks "$junction_pid"); r1=$(cpu_ticks "$remote_pid"); p1=$(cpu_ticks "$(postmaster_pid "$work")")
      cpu="$(per_request $((j1 - j0)) "$jn") + $(per_request $((r1 - r0)) "$jn") + $(per_request $((p1 - p0)) "$jn")"
      python3 - "$layout" "$c" "$q" "$at" "${statements[$q]} / ${requests[$q]}" "$jrps" "$jp50" "$jp99" "$bad" "$cpu" "$stps" "$rrps" <<'PY'
import sys
layout, c, q, load, counts, j, p50, p99, bad, cpu, s, r = sys.argv[1:]
j, s, r = float(j), float(s), float(r)
ceiling = 1 / (1 / s + 1 / r)
# nested has a second level (a remote call and a statement) that the ceiling leaves out: no ratio
ratio = f"{j / ceiling:.2f}×" if q != "nested" else "— (two levels)"
print(f"| {layout} | {c} | {q} | {load} | {counts} | {j:.0f} | {p50} | {p99} | {bad} | {cpu} | {s:.0f} | {r:.0f} | {ceiling:.0f} | {ratio} |")
PY
    done
  done
done
