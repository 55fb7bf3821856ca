#!/usr/bin/env bash
# Remote schema forwarding benchmark (not a test): the test suite's user service started on its own,
# added to Junction as a remote schema, and the same GraphQL query sent with wrk to the remote
# directly and through Junction's /v1/graphql, at each concurrency. Prints a Markdown table with
# req/s, p50, p99 and Junction's throughput as a share of the remote's own.
#
#   bench/remote-forwarding.sh     # DURATION=10 WARMUP=5 PREWARM=20 CONCURRENCY="16 64" THREADS=2 DELAYS="0 2"
#
# Each of DELAYS (ms) is one user service that waits that long before answering, like a remote doing
# real work elsewhere; with 0 the remote is pure CPU and shares the machine's cores with Junction and
# wrk, so forwarding can at best keep the share of the CPU the remote leaves over. Each runs in each
# of LAYOUTS (see lib.sh: in `split` the remote has core 0 to itself, like a service on its own host).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-5}"
PREWARM="${PREWARM:-20}"
CONCURRENCY="${CONCURRENCY:-16 64}"
THREADS="${THREADS:-2}"
DELAYS="${DELAYS:-0 2}"
LAYOUTS="${LAYOUTS:-split shared}"
# the JDK's HTTP server writes headers and body apart: without nodelay Nagle may hold the body back
REMOTE_JAVA_OPTS="${REMOTE_JAVA_OPTS:--Dsun.net.httpserver.nodelay=true -XX:+UseParallelGC -Xms256m -Xmx512m}"

. "$here/lib.sh"
if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk curl
fi
need_jdk

work="$(mktemp -d /tmp/junction-forwarding.XXXXXX)"
JPORT="$(free_port)"
RPORT="$(free_port)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  local what="$1" url="$2" log="$3" pid="$4"
  for _ in $(seq 1 180); do
    curl -s -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "$what did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

echo "== building Junction and the test classes" >&2
(cd "$root" && mvn -q -B -DskipTests package >&2)

query='query User($id: Int!) { user(id: $id) { id name email } }'
body="{\"query\": \"$query\", \"variables\": {\"id\": 7}, \"operationName\": \"User\"}"
# the same POST for both targets; answers that are not 200 or carry "errors" are counted
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.body = '$body'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) failures = 0 end
function response(status, headers, answer)
  if status ~= 200 or answer:find('"errors"', 1, true) then failures = failures + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failures") end
  io.write("failed answers: " .. total .. "\n")
end
LUA

echo "== Junction on port $JPORT (embedded PostgreSQL in $work/data)" >&2
(cd "$root" && exec ./junction serve --port "$JPORT" --data-dir "$work/data" >"$work/junction.log" 2>&1) &
pids+=($!)
junction_pid=$!
wait_for "Junction" "http://127.0.0.1:$JPORT/healthz" "$work/junction.log" "${pids[-1]}"


# wrk on a URL; prints req/s | p50 | p99 | failed answers | CPU µs per request of each given process
run_wrk() {
  local url="$1" c="$2"; shift 2
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$work/post.lua" "$url" >/dev/null 2>&1 || true
  local before=() after=() pid
  for pid in "$@"; do before+=("$(cpu_ticks "$pid")"); done
  $CLIENT wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$work/post.lua" "$url" > "$work/wrk.out" 2>&1
  for pid in "$@"; do after+=("$(cpu_ticks "$pid")"); done
  local rps p50 p99 requests failed cpu="" i
  read -r rps p50 p99 requests _ < <(wrk_stats "$work/wrk.out")
  failed=$(awk '/failed answers/ {print $NF}' "$work/wrk.out")
  for i in "${!before[@]}"; do
    cpu+="|$(per_request $((after[i] - before[i])) "$requests")"
  done
  echo "$rps|$p50|$p99|${failed:-?}$cpu"
}

echo "query: \`$query\` (variables {\"id\": 7}); $(nproc) cores shared by wrk, the user service and Junction"
echo "(load average before the run: $(cut -d' ' -f1-3 /proc/loadavg));"
echo "wrk -t$THREADS, ${DURATION}s after ${WARMUP}s of warm-up per run; ratio = Junction req/s / remote req/s"
echo
echo "CPU µs/req: CPU time the process used during the run, per request answered (remote alone; Junction"
echo "and the remote it calls, when going through Junction)."
echo
echo "| layout | remote delay | c | remote req/s | p50 | p99 | CPU µs/req | Junction req/s | p50 | p99 | CPU µs/req Junction + remote | failed | ratio |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
verb=add_remote_schema
for delay in $DELAYS; do
  rport="$(free_port)"
  java $REMOTE_JAVA_OPTS -cp "$root/target/test-classes:$root/target/junction.jar" \
    junction.test.remote.UserService "$rport" "$delay" >"$work/remote-$delay.log" 2>&1 &
  pids+=($!)
  remote_pid=$!
  wait_for "the user service" "http://127.0.0.1:$rport/graphql" "$work/remote-$delay.log" "$remote_pid"
  curl -sf "http://127.0.0.1:$JPORT/v1/metadata" -H 'content-type: application/json' -d "{\"type\": \"$verb\",
    \"args\": {\"name\": \"users\", \"definition\": {\"url\": \"http://127.0.0.1:$rport/graphql\", \"timeout_seconds\": 10}}}" >/dev/null
  verb=update_remote_schema
  for target in "http://127.0.0.1:$rport/graphql" "http://127.0.0.1:$JPORT/v1/graphql"; do
    answer=$(curl -sf "$target" -H 'content-type: application/json' -d "$body")
    case "$answer" in
      *'"name":"user7"'*) ;;
      *) echo "unexpected answer from $target: $answer" >&2; exit 1;;
    esac
  done
  # JIT warm-up of both JVMs on all cores before the first measurement (on one core the compilers
  # would still be busy during the first layout's runs)
  apply_layout shared "$remote_pid" "$junction_pid"
  wrk -t"$THREADS" -c16 -d"${PREWARM}s" -s "$work/post.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  for layout in $LAYOUTS; do
    apply_layout "$layout" "$remote_pid" "$junction_pid"
    $CLIENT wrk -t"$THREADS" -c16 -d5s -s "$work/post.lua" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
    for c in $CONCURRENCY; do
      IFS='|' read -r rrps rp50 rp99 rfail rcpu <<<"$(run_wrk "http://127.0.0.1:$rport/graphql" "$c" "$remote_pid")"
      IFS='|' read -r jrps jp50 jp99 jfail jcpu jrcpu <<<"$(run_wrk "http://127.0.0.1:$JPORT/v1/graphql" "$c" "$junction_pid" "$remote_pid")"
      ratio=$(python3 -c "print(f'{float(\"$jrps\")/float(\"$rrps\"):.2f}')" 2>/dev/null || echo "?")
      echo "| $layout | ${delay} ms | $c | $rrps | $rp50 | $rp99 | $rcpu | $jrps | $jp50 | $jp99 | $jcpu + $jrcpu | $rfail+$jfail | $ratio |"
    done
  done
  kill "$remote_pid" 2>/dev/null || true
done
