#!/usr/bin/env bash
# Query throughput while a client polls export_metadata (as a console does), against the same
# queries without it (not a test). Loads the dataset of run-queries.sh, starts Junction on it and,
# for each query and concurrency, runs wrk alone ("quiet") and with a client calling
# export_metadata RATE times a second over one keep-alive connection, ROUNDS times, the order of
# the modes rotating from round to round. With MODES="quiet export_metadata healthz" the same
# client also polls GET /healthz as a control: what polling costs whatever it calls (the client's
# own CPU on the load generator's core). Prints a Markdown table and, per query, polled req/s over
# quiet req/s (all rounds summed, and the median of the rounds' ratios: on a loaded machine, many
# short rounds beat a few long ones); then the CPU one export_metadata costs (CALLS back to back).
#
#   bench/run-metadata-polling.sh    # DURATION=10 WARMUP=3 RATE=10 ROUNDS=2 QUERIES="by_pk list" CONCURRENCY=16 LAYOUTS=split
#   MODES="quiet export_metadata healthz" ROUNDS=6 DURATION=5 WARMUP=1 bench/run-metadata-polling.sh
#   JUNCTION_ROOT=/tmp/other-checkout bench/run-metadata-polling.sh   # the same against another build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${JUNCTION_ROOT:-$(dirname "$here")}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
ORDERS="${ORDERS:-100000}"
CONCURRENCY="${CONCURRENCY:-16}"
THREADS="${THREADS:-2}"
LAYOUTS="${LAYOUTS:-split}"
RATE="${RATE:-10}"
ROUNDS="${ROUNDS:-2}"
QUERIES="${QUERIES:-by_pk list}"
MODES="${MODES:-quiet export_metadata}"

. "$here/lib.sh"
need_postgres_tools

bench_work_dir  # $work, $PGPORT, $JPORT; stops $junction_pid and PostgreSQL on exit

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start_postgres "$work" "$PGPORT"

start_junction -- --pg-connections "${PG_CONNECTIONS:-16}"
curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d @"$here/metadata.json" >/dev/null

json_string() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

# name → wrk Lua script (the queries of run-queries.sh)
wrk_script() {
  local name="$1" file="$2"
  case "$name" in
    by_pk)
      local prefix="{\"query\": $(json_string 'query($id: Int!) { orders_by_pk(id: $id) { id status total placed_on customer { name } } }'), \"variables\": {\"id\": "
      cat > "$file" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
local prefix = $(json_string "$prefix")
request = function()
  return wrk.format(nil, nil, nil, prefix .. math.random(1, $ORDERS) .. "}}")
end
LUA
      ;;
    list)
      cat > "$file" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.body = $(json_string "{\"query\": $(json_string '{ orders(order_by: {id: desc}, limit: 100) { id status total placed_on } }')}")
LUA
      ;;
    *) echo "unknown query $name (by_pk, list)" >&2; exit 1;;
  esac
}

# run MODE SCRIPT C: wrk, with the poller calling MODE (export_metadata, healthz) unless MODE=quiet;
# prints req/s|p50|p99|non-2xx|Junction CPU µs/req|polls
run() {
  local mode="$1" script="$2" c="$3" poller="" polls="-"
  if [ "$mode" != quiet ]; then
    # started before the warm-up, so that Python's own start is not inside the measured window
    $CLIENT python3 "$here/poll-metadata.py" "$JPORT" "$RATE" "$((WARMUP + DURATION + 1))" 0 "$mode" > "$work/poll.out" &
    poller=$!
  fi
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  local j0 j1
  j0=$(cpu_ticks "$junction_pid")
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" > "$work/wrk.out" 2>&1
  j1=$(cpu_ticks "$junction_pid")
  if [ -n "$poller" ]; then
    wait "$poller"
    read -r calls bad ms < "$work/poll.out"
    polls="$calls calls, $bad non-200, $ms ms"
  fi
  local rps p50 p99 requests errors
  read -r rps p50 p99 requests errors < <(wrk_stats "$work/wrk.out")
  echo "$rps|$p50|$p99|$errors|$(per_request $((j1 - j0)) "$requests")|$polls"
}

for name in $QUERIES; do
  wrk_script "$name" "$work/$name.lua"
  wrk -t"$THREADS" -c16 -d"${JVM_WARMUP:-5}s" -s "$work/$name.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
done

echo "| layout | query | c | round | polling | req/s | p50 | p99 | non-2xx | Junction CPU µs/req |"
echo "|---|---|---|---|---|---|---|---|---|---|"
summary=""
read -r -a modes <<<"$MODES"
for layout in $LAYOUTS; do
  apply_layout "$layout" "$(postmaster_pid "$work")" "$junction_pid"
  for name in $QUERIES; do
    for c in $CONCURRENCY; do
      declare -A total=() ratios=()
      for round in $(seq 1 "$ROUNDS"); do
        declare -A got=()
        # the order of the modes rotates from round to round
        for i in "${!modes[@]}"; do
          mode="${modes[$(( (i + round - 1) % ${#modes[@]} ))]}"
          IFS='|' read -r rps p50 p99 errors jcpu polls <<<"$(run "$mode" "$work/$name.lua" "$c")"
          label="none"; [ "$mode" != quiet ] && label="$mode ${RATE}/s ($polls)"
          echo "| $layout | $name | $c | $round | $label | $rps | $p50 | $p99 | $errors | $jcpu |"
          got[$mode]=$rps
          total[$mode]=$(python3 -c "print(${total[$mode]:-0} + $rps)")
        done
        for mode in "${modes[@]}"; do
          [ "$mode" = quiet ] || ratios[$mode]+=" $(python3 -c "print(${got[$mode]} / ${got[quiet]})")"
        done
      done
      for mode in "${modes[@]}"; do
        [ "$mode" = quiet ] && continue
        summary+="$layout $name c$c: $mode/quiet = $(python3 -c "print(f'{${total[$mode]} / ${total[quiet]}:.3f}')") over all rounds, median of the rounds' ratios $(python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" ${ratios[$mode]})"$'\n'
      done
      unset total ratios
    done
  done
done
echo
printf '%s' "$summary"

# What one export_metadata costs: CALLS calls back to back, CPU of Junction and of PostgreSQL per call
calls="${CALLS:-2000}"
j0=$(cpu_ticks "$junction_pid"); p0=$(cpu_ticks "$(postmaster_pid "$work")")
read -r made bad ms < <($CLIENT python3 "$here/poll-metadata.py" "$JPORT" 100000 600 "$calls" export_metadata)
j1=$(cpu_ticks "$junction_pid"); p1=$(cpu_ticks "$(postmaster_pid "$work")")
echo "export_metadata alone: $made calls ($bad non-200), $ms ms each, CPU µs per call: Junction $(per_request $((j1 - j0)) "$made"), PostgreSQL $(per_request $((p1 - p0)) "$made")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
