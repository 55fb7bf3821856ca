#!/usr/bin/env bash
# Select permission benchmark (not a test): the by_pk and list queries of run-queries.sh as admin
# and as a role `user` whose select permissions filter on a session variable (orders:
# customer_id > X-Hasura-User-Id, customers: id > X-Hasura-User-Id, sent as 0 so that both see the
# same rows and answers are the same size), on one Junction. The ratio role/admin is what the
# permission filter costs (goal >= 0.9). Prints a Markdown table, then the ratios.
#
# The variants run in ROUNDS alternating rounds (admin, user, admin, user, …), so that JIT warm-up
# and the load of other processes fall on both alike; the ratio is of the summed requests.
#
#   bench/run-permissions.sh         # DURATION=10 WARMUP=3 ORDERS=100000 CONCURRENCY="16" ROUNDS=2
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit

start_postgres "$work" "$PGPORT"

start_junction
metadata() { curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d "$1" >/dev/null; }
metadata @"$here/metadata.json"
metadata '{"type": "bulk", "args": [
  {"type": "pg_create_select_permission", "args": {"table": "orders", "role": "user", "permission": {
    "columns": "*", "filter": {"customer_id": {"_gt": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_select_permission", "args": {"table": "customers", "role": "user", "permission": {
    "columns": ["id", "name"], "filter": {"id": {"_gt": "X-Hasura-User-Id"}}}}}]}'

by_pk='query($id: Int!) { orders_by_pk(id: $id) { id status total placed_on customer { name } } }'
list='{ orders(order_by: {id: desc}, limit: 100) { id status total placed_on } }'
json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

# wrk_script QUERY RANDOM_ID ROLE FILE: POSTs QUERY (with a random $id when RANDOM_ID is set), as ROLE
# (with x-hasura-user-id 0) unless ROLE is admin
wrk_script() {
  local prefix body_expr headers=""
  if [ -n "$2" ]; then
    prefix="{\"query\": $(json_string "$1"), \"variables\": {\"id\": "; body_expr="prefix .. math.random(1, $ORDERS) .. \"}}\""
  else
    prefix="{\"query\": $(json_string "$1")}"; body_expr="prefix"
  fi
  [ "$3" != admin ] && headers="wrk.headers[\"x-hasura-role\"] = \"$3\"
wrk.headers[\"x-hasura-user-id\"] = \"0\""
  cat > "$4" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
$headers
local prefix = $(json_string "$prefix")
request = function()
  return wrk.format(nil, nil, nil, $body_expr)
end
LUA
}

variants=("by_pk|admin|$by_pk|id" "by_pk|user|$by_pk|id" "list|admin|$list|" "list|user|$list|")
i=0
for v in "${variants[@]}"; do
  IFS='|' read -r name role query var <<<"$v"
  headers=(-H 'content-type: application/json')
  [ "$role" != admin ] && headers+=(-H "x-hasura-role: $role" -H 'x-hasura-user-id: 0')
  answer=$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" "${headers[@]}" -d "{\"query\": $(json_string "$query"), \"variables\": {\"id\": 1}}")
  case "$answer" in *'"errors"'*|*':null'*) echo "$name as $role failed: $answer" >&2; exit 1;; esac
  wrk_script "$query" "$var" "$role" "$work/v$i.lua"
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-5}s" -s "$work/v$i.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  i=$((i + 1))
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| round | query | role | c | req/s | p50 | p99 | non-2xx | CPU µs/req Junction + PostgreSQL |"
echo "|---|---|---|---|---|---|---|---|---|"
declare -A total
pg_pid="$(postmaster_pid "$work")"
for round in $(seq 1 "$ROUNDS"); do
  i=0
  for v in "${variants[@]}"; do
    IFS='|' read -r name role query var <<<"$v"
    for c in $CONCURRENCY; do
      measure_wrk "$work/v$i.lua" "$c" "$junction_pid" "$pg_pid"
      total["$name $role $c"]=$(( ${total["$name $role $c"]:-0} + requests ))
      echo "| $round | $name | $role | $c | $rps | $p50 | $p99 | $errors | $cpu |"
    done
    i=$((i + 1))
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo
for name in by_pk list; do
  for c in $CONCURRENCY; do
    echo "ratio $name c=$c user/admin (requests over $ROUNDS rounds): $(python3 -c "print(round(${total["$name user $c"]} / ${total["$name admin $c"]}, 2))")"
  done
done
