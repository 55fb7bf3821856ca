#!/usr/bin/env bash
# Role schema benchmark (not a test): TABLES tables (each with an object relationship to the one
# before and the array relationship back) and ROLES roles, each with a select permission on every
# table (a column subset that differs per role, a session-variable filter, allow_aggregations on
# every other role). Measures, on one Junction: the first request of admin and of each role (which
# builds the role's schema: the time of `{ __typename }` as that role), the same request warm, and
# the heap used after a full GC with no role schema built and with all of them built. Prints a
# Markdown table.
#
#   bench/run-role-schemas.sh        # TABLES=100 ROLES=20
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
TABLES="${TABLES:-100}"
ROLES="${ROLES:-20}"
ORDERS=1

. "$here/lib.sh"
need_postgres_tools
need_jdk

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit
start_postgres "$work" "$PGPORT"

echo "== starting Junction on port $JPORT" >&2
(cd "$root" && exec ./junction serve --database-url "$DB" --port "$JPORT" >"$work/junction.log" 2>&1) &
junction_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$JPORT/healthz" >/dev/null && break; sleep 1; done
post() { curl -sf "http://127.0.0.1:$JPORT$1" -H 'content-type: application/json' -d @- >/dev/null; }

echo "== $TABLES tables, $ROLES roles" >&2
python3 - "$TABLES" > "$work/tables.sql" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(1, n + 1):
    parent = f", parent_id int references t{i-1:03d}(id)" if i > 1 else ", parent_id int"
    print(f"create table t{i:03d} (id int primary key, a int, b text, c text, d numeric, e date, f boolean{parent});")
PY
psql -q -X -v ON_ERROR_STOP=1 "$DB" -f "$work/tables.sql" >/dev/null
python3 - "$TABLES" <<'PY' | post /v1/metadata
import json, sys
n = int(sys.argv[1])
args = [{"type": "pg_track_tables", "args": {"tables": [{"table": f"t{i:03d}"} for i in range(1, n + 1)]}}]
for i in range(2, n + 1):
    args.append({"type": "pg_create_object_relationship", "args": {"table": f"t{i:03d}", "name": "parent",
                 "using": {"foreign_key_constraint_on": "parent_id"}}})
    args.append({"type": "pg_create_array_relationship", "args": {"table": f"t{i-1:03d}", "name": "children",
                 "using": {"foreign_key_constraint_on": {"table": f"t{i:03d}", "columns": ["parent_id"]}}}})
print(json.dumps({"type": "bulk", "args": args}))
PY
python3 - "$TABLES" "$ROLES" <<'PY' | post /v1/metadata
import json, sys
n, roles = int(sys.argv[1]), int(sys.argv[2])
columns = ["id", "a", "b", "c", "d", "e", "f", "parent_id"]
args = []
for r in range(roles):
    for i in range(1, n + 1):
        cols = ["id", "parent_id"] + [c for k, c in enumerate(columns[1:7]) if (r + i + k) % 3 != 0]
        args.append({"type": "pg_create_select_permission", "args": {"table": f"t{i:03d}", "role": f"role{r:02d}",
                     "permission": {"columns": cols, "filter": {"a": {"_eq": "X-Hasura-User-Id"}},
                                    "allow_aggregations": r % 2 == 0}}})
print(json.dumps({"type": "bulk", "args": args}))
PY

heap_used() {  # MB used after a full GC
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap|total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?/, "", v); print int(v / 1024); exit}}'
}
java_pid="$(pgrep -P "$junction_pid" java || echo "$junction_pid")"
ask() {  # seconds for { __typename } as role $1
  local headers=()
  [ "$1" != admin ] && headers=(-H "x-hasura-role: $1" -H 'x-hasura-user-id: 1')
  curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$JPORT/v1/graphql" "${headers[@]}" -d '{"query": "{ __typename }"}'
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
before="$(heap_used "$java_pid")"
echo "| role | first request (builds its schema) | warm request |"
echo "|---|---|---|"
first_total=0
for role in admin $(for r in $(seq 0 $((ROLES - 1))); do printf 'role%02d ' "$r"; done); do
  first="$(ask "$role")"; warm="$(ask "$role")"
  first_total="$(python3 -c "print($first_total + $first)")"
  echo "| $role | $(python3 -c "print(f'{$first * 1000:.0f} ms')") | $(python3 -c "print(f'{$warm * 1000:.1f} ms')") |"
done
after="$(heap_used "$java_pid")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo
echo "first requests of all $((ROLES + 1)) roles: $(python3 -c "print(f'{$first_total:.1f} s')")"
echo "heap used after a full GC: $before MB before any role schema, $after MB with all $((ROLES + 1)) built ($(( (after - before) / (ROLES + 1) )) MB per role)"
