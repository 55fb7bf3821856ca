#!/usr/bin/env bash
# Junction query benchmark (not a test): loads a deterministic dataset into a throwaway PostgreSQL,
# starts Junction on it, measures four GraphQL queries with wrk at concurrency 16 and 64, and the
# same SQL with `pgbench -M prepared` as the ceiling, in each of LAYOUTS (see lib.sh). Prints a
# Markdown table.
#
#   bench/run-queries.sh            # DURATION=10 WARMUP=3 ORDERS=100000 by default
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16 64}"
THREADS="${THREADS:-2}"
LAYOUTS="${LAYOUTS:-split shared}"
QUERIES="${QUERIES:-list nested aggregate by_pk}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit

start_postgres "$work" "$PGPORT"

start_junction -- --pg-connections "${PG_CONNECTIONS:-16}"
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d @"$here/metadata.json" >/dev/null

# name | GraphQL query | variables (a wrk Lua expression for a random id, or empty) | pgbench values for $1..$n
queries=(
  'list|{ orders(order_by: {id: desc}, limit: 100) { id status total placed_on } }||100'
  'nested|{ orders(order_by: {id: asc}, limit: 50) { id status items { qty product { name price } } } }||50'
  'aggregate|{ orders_aggregate(where: {status: {_eq: "paid"}}) { aggregate { count sum { total } avg { total } } } }||'"'paid'"
  'by_pk|query($id: Int!) { orders_by_pk(id: $id) { id status total placed_on customer { name } } }|id|:id'
)

json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

# The SQL Junction runs for the query's root field, from /v1/graphql/explain, as a pgbench script.
pgbench_script() {
  local query="$1" values="$2" file="$3" vars_json="{}"
  [ "$values" = ":id" ] && vars_json='{"id": 1}'
  local body="{\"query\": {\"query\": $(json_string "$query"), \"variables\": $vars_json}}"
  curl -sf "http://127.0.0.1:$JPORT/v1/graphql/explain" -H 'content-type: application/json' -d "$body" |
    python3 -c '
import json, re, sys
field = json.load(sys.stdin)[0]
values = [v for v in sys.argv[1].split(",") if v]
sql = re.sub(r"\$(\d+)", lambda m: values[int(m.group(1)) - 1], field["sql"])
key = field["field"]
if values == [":id"]:
    print("\\set id random(1, " + sys.argv[2] + ")")
print("select json_build_object(\x27" + key + "\x27, (" + sql + "))::text;")
' "$values" "$ORDERS" > "$file"
}

wrk_script() {
  local query="$1" var="$2" file="$3"
  if [ -n "$var" ]; then
    local prefix="{\"query\": $(json_string "$query"), \"variables\": {\"$var\": "
    cat > "$file" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
local prefix = $(json_string "$prefix")
request = function()
  return wrk.format(nil, nil, nil, prefix .. math.random(1, $ORDERS) .. "}}")
end
LUA
  else
    cat > "$file" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.body = $(json_string "{\"query\": $(json_string "$query")}")
LUA
  fi
}

# wrk on a query; prints req/s | p50 | p99 | non-2xx | CPU µs/req of Junction | of PostgreSQL
run_wrk() {
  local script="$1" c="$2"
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  local j0 p0 j1 p1
  j0=$(cpu_ticks "$junction_pid"); p0=$(cpu_ticks "$(postmaster_pid "$work")")
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" > "$work/wrk.out" 2>&1
  j1=$(cpu_ticks "$junction_pid"); p1=$(cpu_ticks "$(postmaster_pid "$work")")
  local rps p50 p99 requests errors
  read -r rps p50 p99 requests errors < <(wrk_stats "$work/wrk.out")
  echo "$rps|$p50|$p99|$errors|$(per_request $((j1 - j0)) "$requests")|$(per_request $((p1 - p0)) "$requests")"
}

run_pgbench() {
  local script="$1" c="$2"
  $CLIENT pgbench -n -M prepared -c "$c" -j "$THREADS" -T "$WARMUP" -f "$script" "$DB" >/dev/null 2>&1 || true
  $CLIENT pgbench -n -M prepared -c "$c" -j "$THREADS" -T "$DURATION" -f "$script" "$DB" 2>/dev/null |
    awk '/^tps/ {print $3; exit}'
}

for entry in "${queries[@]}"; do
  IFS='|' read -r name query var values <<<"$entry"
  [[ " $QUERIES " == *" $name "* ]] || continue
  check_vars="{}"; [ -n "$var" ] && check_vars="{\"$var\": 1}"
  answer=$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' \
    -d "{\"query\": $(json_string "$query"), \"variables\": $check_vars}")
  case "$answer" in *'"errors"'*) echo "query $name failed: $answer" >&2; exit 1;; esac
  wrk_script "$query" "$var" "$work/$name.lua"
  pgbench_script "$query" "$values" "$work/$name.sql"
  # JIT warm-up of the whole path before anything is measured
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-5}s" -s "$work/$name.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
done

echo "| layout | query | c | load | Junction req/s | p50 | p99 | non-2xx | CPU µs/req Junction + PostgreSQL | pgbench tps | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for layout in $LAYOUTS; do
  apply_layout "$layout" "$(postmaster_pid "$work")" "$junction_pid"
  for entry in "${queries[@]}"; do
    IFS='|' read -r name query var values <<<"$entry"
    [[ " $QUERIES " == *" $name "* ]] || continue
    for c in $CONCURRENCY; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      IFS='|' read -r rps p50 p99 errors jcpu pcpu <<<"$(run_wrk "$work/$name.lua" "$c")"
      tps=$(run_pgbench "$work/$name.sql" "$c")
      ratio=$(python3 -c "print(f'{float(\"$rps\")/float(\"$tps\"):.2f}')" 2>/dev/null || echo "?")
      echo "| $layout | $name | $c | $load | $rps | $p50 | $p99 | $errors | $jcpu + $pcpu | $tps | $ratio |"
    done
  done
done
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
