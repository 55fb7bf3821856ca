#!/usr/bin/env bash
# Role schema benchmark (not a test): build time and heap of per-role GraphQL schemas for TABLES
# tracked tables (each with an object and an array relationship) × ROLES roles, every role with a
# select (session-variable filter, aggregations), insert (check + preset), update and delete
# permission on every table. For each role: the time of its first request (`{ __typename }`, which
# builds the role's schema) and of a second one (warm); then the heap the built schemas hold
# (used heap after a full GC, before and after the first request of every role). Prints Markdown.
#
#   bench/run-role-schemas.sh                  # TABLES=100 ROLES=20
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
TABLES="${TABLES:-100}"
ROLES="${ROLES:-20}"
ORDERS="${ORDERS:-1000}"  # the shared dataset, loaded by start_postgres; unused here

. "$here/lib.sh"
need_postgres_tools
need_jdk

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit
start_postgres "$work" "$PGPORT"

python3 - "$TABLES" "$ROLES" "$work" <<'PY'
import json, sys
tables, roles, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sql = []
for i in range(tables):
    parent = f", parent_id int references t{i-1:03d}(id)" if i else ", parent_id int"
    sql.append(f"create table t{i:03d} (id int primary key, owner_id int not null, name text, amount numeric,"
               f" created_at timestamptz default now(){parent});")
open(f"{work}/schema.sql", "w").write("\n".join(sql))
entries = []
for i in range(tables):
    t = {"table": {"schema": "public", "name": f"t{i:03d}"}}
    if i:
        t["object_relationships"] = [{"name": "parent", "using": {"foreign_key_constraint_on": "parent_id"}}]
    if i + 1 < tables:
        t["array_relationships"] = [{"name": "children", "using": {"foreign_key_constraint_on":
                                     {"table": {"schema": "public", "name": f"t{i+1:03d}"}, "column": "parent_id"}}}]
    own = {"owner_id": {"_eq": "X-Hasura-User-Id"}}
    t["select_permissions"] = [{"role": f"r{r:02d}", "permission": {"columns": "*", "filter": own, "limit": 100,
                                "allow_aggregations": True}} for r in range(roles)]
    t["insert_permissions"] = [{"role": f"r{r:02d}", "permission": {"columns": ["id", "name", "amount"], "check": own,
                                "set": {"owner_id": "X-Hasura-User-Id"}}} for r in range(roles)]
    t["update_permissions"] = [{"role": f"r{r:02d}", "permission": {"columns": ["name", "amount"], "filter": own,
                                "check": own}} for r in range(roles)]
    t["delete_permissions"] = [{"role": f"r{r:02d}", "permission": {"filter": own}} for r in range(roles)]
    entries.append(t)
doc = {"type": "replace_metadata", "args": {"version": 3, "sources": [{"name": "default", "kind": "postgres",
       "tables": entries, "configuration": {"connection_info": {"database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}]}}
json.dump(doc, open(f"{work}/metadata.json", "w"))
PY
psql -q -X -v ON_ERROR_STOP=1 "$DB" -f "$work/schema.sql" >/dev/null

start_junction
java_pid="$(pgrep -f "junction.*serve.*--port $JPORT" | head -1)"
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d @"$work/metadata.json" >/dev/null

gql() { # role → "seconds status"
  curl -s -o "$work/answer.json" -w '%{time_total}' "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' \
    -H "x-hasura-role: $1" -H 'x-hasura-user-id: 1' -d '{"query": "{ __typename }"}'
}
heap_mb() { # used heap after a full GC, MB
  jcmd "$java_pid" GC.run >/dev/null
  jcmd "$java_pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit } }'
}
# a role's schema is built on its first request; admin's first, so the JIT sees the builder once
gql admin >/dev/null; gql admin >/dev/null
before="$(heap_mb)"
echo "| role | first request (builds its schema) | second request | types in its schema |"
echo "|---|---|---|---|"
total=0
for r in $(seq 0 $((ROLES - 1))); do
  role="$(printf 'r%02d' "$r")"
  first="$(gql "$role")"; second="$(gql "$role")"
  types="$(curl -s "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' -H "x-hasura-role: $role" \
    -H 'x-hasura-user-id: 1' -d '{"query": "{ __schema { types { name } } }"}' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["__schema"]["types"]))')"
  total="$(python3 -c "print($total + $first)")"
  printf '| %s | %.0f ms | %.1f ms | %s |\n' "$role" "$(python3 -c "print($first * 1000)")" \
    "$(python3 -c "print($second * 1000)")" "$types"
done
after="$(heap_mb)"
echo
echo "$TABLES tables × $ROLES roles: all first requests $(python3 -c "print(round($total * 1000))") ms in total;" \
  "heap after a full GC: $before MB before the roles' first requests, $after MB after ($(( after - before )) MB for $ROLES role schemas)."
