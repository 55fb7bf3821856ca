#!/usr/bin/env bash
# Authentication benchmark (not a test): the by_pk query of run-queries.sh and `{ __typename }`,
# each sent with the admin secret and with an HS256 JWT whose role is admin (which counts as
# admin; other roles see no tables until permissions exist), through one Junction started with
# both HASURA_GRAPHQL_ADMIN_SECRET and HASURA_GRAPHQL_JWT_SECRET. The difference is what
# verifying a token costs per request. Prints a Markdown table.
#
#   bench/run-auth.sh                # DURATION=10 WARMUP=3 ORDERS=100000 CONCURRENCY="16"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16}"
THREADS="${THREADS:-2}"
SECRET="bench-admin-secret"
KEY="bench-hmac-key-of-at-least-32-characters!!"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit

start_postgres "$work" "$PGPORT"

start_junction HASURA_GRAPHQL_ADMIN_SECRET="$SECRET" HASURA_GRAPHQL_JWT_SECRET="{\"type\": \"HS256\", \"key\": \"$KEY\"}"
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -H "x-hasura-admin-secret: $SECRET" \
  -d @"$here/metadata.json" >/dev/null

token="$(python3 "$here/mint-jwt.py" "$KEY" admin 1 86400)"
by_pk='query($id: Int!) { orders_by_pk(id: $id) { id status total placed_on customer { name } } }'
json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

# wrk script: $1 query, $2 "id" for a random id variable or empty, $3 header name, $4 header value, $5 file
wrk_script() {
  local body_expr
  if [ -n "$2" ]; then
    body_expr="prefix .. math.random(1, $ORDERS) .. \"}}\""
  else
    body_expr="prefix"
  fi
  local prefix
  if [ -n "$2" ]; then prefix="{\"query\": $(json_string "$1"), \"variables\": {\"id\": "; else prefix="{\"query\": $(json_string "$1")}"; fi
  cat > "$5" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.headers["$3"] = $(json_string "$4")
local prefix = $(json_string "$prefix")
request = function()
  return wrk.format(nil, nil, nil, $body_expr)
end
LUA
}

variants=(
  "by_pk|admin secret|$by_pk|id|x-hasura-admin-secret|$SECRET"
  "by_pk|JWT (HS256, role admin)|$by_pk|id|Authorization|Bearer $token"
  "__typename|admin secret|{ __typename }||x-hasura-admin-secret|$SECRET"
  "__typename|JWT (HS256, role admin)|{ __typename }||Authorization|Bearer $token"
)
i=0
for v in "${variants[@]}"; do
  IFS='|' read -r name how query var hname hvalue <<<"$v"
  answer=$(curl -sf "http://127.0.0.1:$JPORT/v1/graphql" -H 'content-type: application/json' -H "$hname: $hvalue" \
    -d "{\"query\": $(json_string "$query"), \"variables\": {\"id\": 1}}")
  case "$answer" in *'"errors"'*) echo "$name ($how) failed: $answer" >&2; exit 1;; esac
  wrk_script "$query" "$var" "$hname" "$hvalue" "$work/v$i.lua"
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-5}s" -s "$work/v$i.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  i=$((i + 1))
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| query | credentials | c | req/s | p50 | p99 | non-2xx | CPU µs/req Junction |"
echo "|---|---|---|---|---|---|---|---|"
i=0
for v in "${variants[@]}"; do
  IFS='|' read -r name how query var hname hvalue <<<"$v"
  for c in $CONCURRENCY; do
    measure_wrk "$work/v$i.lua" "$c" "$junction_pid"
    echo "| $name | $how | $c | $rps | $p50 | $p99 | $errors | $cpu |"
  done
  i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
