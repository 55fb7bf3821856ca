#!/usr/bin/env bash
# Mutation permission benchmark (not a test): one row inserted by `insert_notes_one` as admin and as
# the role `user`, whose insert permission presets `owner` from X-Hasura-User-Id and has a check
# (verified by the same statement: a check__constraint column and one bool_and), and whose select
# permission filters the returned row. The difference is what the permission costs per insert.
# Prints a Markdown table.
#
#   bench/run-mutation-perms.sh      # DURATION=10 WARMUP=3 CONCURRENCY="16"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
CONCURRENCY="${CONCURRENCY:-16}"
ORDERS="${ORDERS:-1000}"  # dataset.sql is loaded but unused here
THREADS="${THREADS:-2}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit

start_postgres "$work" "$PGPORT"

start_junction
curl -sf "http://127.0.0.1:$JPORT/v2/query" -d '{"type": "run_sql", "args": {"sql": "create table notes (id serial primary key, body text not null, owner int not null)"}}' >/dev/null
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -d '{"type": "bulk", "args": [
  {"type": "pg_track_table", "args": {"table": "notes"}},
  {"type": "pg_create_select_permission", "args": {"table": "notes", "role": "user", "permission": {
    "columns": ["id", "body", "owner"], "filter": {"owner": {"_eq": "X-Hasura-User-Id"}}}}},
  {"type": "pg_create_insert_permission", "args": {"table": "notes", "role": "user", "permission": {
    "columns": ["body"], "check": {"body": {"_neq": "forbidden"}}, "set": {"owner": "X-Hasura-User-Id"}}}}]}' >/dev/null

json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }
# wrk script: $1 query, $2 extra header lines (lua), $3 file
wrk_script() {
  cat > "$3" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
$2
wrk.body = $(json_string "{\"query\": $(json_string "$1")}")
response = function(status, headers, body)
  if body:find('"errors"') then error("GraphQL error: " .. body) end
end
LUA
}

admin_q='mutation { insert_notes_one(object: {body: "b", owner: 1}) { id body owner } }'
user_q='mutation { insert_notes_one(object: {body: "b"}) { id body owner } }'
user_h='wrk.headers["x-hasura-role"] = "user"; wrk.headers["x-hasura-user-id"] = "1"'
variants=("admin|$admin_q|" "user (preset, check, select filter)|$user_q|$user_h")
i=0
for v in "${variants[@]}"; do
  IFS='|' read -r name query headers <<<"$v"
  wrk_script "$query" "$headers" "$work/v$i.lua"
  answer=$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'x-hasura-role: '"$([ -n "$headers" ] && echo user || echo admin)" \
    -H 'x-hasura-user-id: 1' -d "{\"query\": $(json_string "$query")}")
  case "$answer" in *'"errors"'*) echo "$name failed: $answer" >&2; exit 1;; esac
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-5}s" -s "$work/v$i.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  i=$((i + 1))
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| insert_notes_one as | c | req/s | p50 | p99 | non-2xx | CPU µs/req Junction |"
echo "|---|---|---|---|---|---|---|"
for round in 1 2; do
  i=0
  for v in "${variants[@]}"; do
    IFS='|' read -r name query headers <<<"$v"
    for c in $CONCURRENCY; do
      measure_wrk "$work/v$i.lua" "$c" "$junction_pid"
      echo "| $name | $c | $rps | $p50 | $p99 | $errors | $cpu |"
    done
    i=$((i + 1))
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# every request wrote its row (an error answer would not have): rows per variant
curl -sf "http://127.0.0.1:$JPORT/v2/query" -d '{"type": "run_sql", "args": {"sql": "select count(*) from notes"}}' >&2
echo >&2
