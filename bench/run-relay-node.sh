#!/usr/bin/env bash
# Relay node benchmark (not a test): `node(id: $id)` on /v1beta1/relay with a random order's global id
# per request (IDS distinct ids, more than the plan cache keeps shapes for), against the same row by
# `orders_by_pk(id: $id)` on /v1/graphql. What the Relay id costs: decoding it, and — before plans
# were keyed by the id's table — planning and compiling the query again for every id.
# Prints a Markdown table.
#
#   bench/run-relay-node.sh   # DURATION=10 WARMUP=3 JVM_WARMUP=10 ORDERS=100000 CONCURRENCY="16" IDS=2000
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16}"
THREADS="${THREADS:-2}"
IDS="${IDS:-2000}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir
start_postgres "$work" "$PGPORT"
start_junction
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d @"$here/metadata.json" >/dev/null

# two wrk scripts drawing from the same IDS random orders: the relay query with each one's global id,
# the by-pk query with its primary key
python3 - "$work" "$IDS" "$ORDERS" <<'PY'
import base64, json, random, sys
work, count, orders = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
pks = [random.randint(1, orders) for _ in range(count)]
node = "query ($id: ID!) { node(id: $id) { ... on orders { id status total placed_on customer { name } } } }"
by_pk = "query ($id: Int!) { orders_by_pk(id: $id) { id status total placed_on customer { name } } }"
def script(name, query, ids):
    bodies = [json.dumps({"query": query, "variables": {"id": i}}) for i in ids]
    with open(f"{work}/{name}.lua", "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\nlocal bodies = {\n')
        f.write(",\n".join("[==[" + b + "]==]" for b in bodies))
        f.write('\n}\nrequest = function()\n  return wrk.format(nil, nil, nil, bodies[math.random(1, #bodies)])\nend\n')
    with open(f"{work}/{name}.first", "w") as f:
        f.write(bodies[0])
script("node", node, [base64.b64encode(json.dumps([1, "public", "orders", p]).encode()).decode() for p in pks])
script("by_pk", by_pk, pks)
PY

for q in node:/v1beta1/relay by_pk:/v1/graphql; do
  name="${q%%:*}"; path="${q#*:}"
  answer="$(curl -sf "http://127.0.0.1:$JPORT$path" -H 'content-type: application/json' -d @"$work/$name.first")"
  case "$answer" in *'"errors"'*|*'null}'*|'') echo "$name: failed: $answer" >&2; exit 1;; esac
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-10}s" -s "$work/$name.lua" "http://127.0.0.1:$JPORT$path" >/dev/null 2>&1 || true
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| query | endpoint | c | req/s | p50 | p99 | non-2xx | CPU µs/req Junction |"
echo "|---|---|---|---|---|---|---|---|"
for q in node:/v1beta1/relay by_pk:/v1/graphql; do
  name="${q%%:*}"; path="${q#*:}"
  for c in $CONCURRENCY; do
    wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$work/$name.lua" "http://127.0.0.1:$JPORT$path" >/dev/null 2>&1 || true
    before="$(cpu_ticks "$junction_pid")"
    wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$work/$name.lua" "http://127.0.0.1:$JPORT$path" > "$work/wrk.out" 2>&1
    after="$(cpu_ticks "$junction_pid")"
    read -r rps p50 p99 requests errors < <(wrk_stats "$work/wrk.out")
    echo "| $name | $path | $c | $rps | $p50 | $p99 | $errors | $(per_request $((after - before)) "$requests") |"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
