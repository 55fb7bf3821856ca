# Shared by the benchmark scripts (sourced, not run): tools, ports, and a throwaway PostgreSQL.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk, pgbench and a PostgreSQL server from Debian's packages, installed when missing
need_postgres_tools() {
  if ! command -v wrk >/dev/null || ! command -v pgbench >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    as_root apt-get update -q && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk postgresql postgresql-contrib curl
  fi
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
}

# need_jdk: a JDK 21 or newer as JAVA_HOME and first on PATH, for building and for the test remote
# services: JAVA_HOME if it is one, else the newest installed under /usr/lib/jvm
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
need_jdk() {
  if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
    JAVA_HOME="$(for d in /usr/lib/jvm/*/; do [ -x "$d/bin/javac" ] && echo "$(java_major "${d%/}") ${d%/}"; done | sort -n | tail -1 | cut -d' ' -f2)"
  fi
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
}

# wrk_stats FILE: from the output of `wrk --latency`: req/s, p50, p99, requests answered, non-2xx answers
wrk_stats() {
  awk '/Requests\/sec/ {rps = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /requests in/ {n = $1}
       /Non-2xx/ {bad = $NF} END {print rps, p50, p99, n, bad + 0}' "$1"
}

# start_postgres DIR PORT: a throwaway cluster in DIR/data (fsync off), its URL in $DB, loaded with
# dataset.sql for $ORDERS orders; stop_postgres DIR stops it
start_postgres() {
  local dir="$1" port="$2"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  echo "== PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $port" >&2
  as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off" >/dev/null
  DB="postgres://postgres@127.0.0.1:$port/postgres"
  echo "== loading $ORDERS orders" >&2
  psql -q -X -v ON_ERROR_STOP=1 -v orders="$ORDERS" "$DB" -f "$here/dataset.sql" >/dev/null
}

stop_postgres() {
  as_pg "$PGBIN/pg_ctl" -D "$1/data" -m fast stop >/dev/null 2>&1 || true
}

# Layouts. `shared`: every process may run on every core (what a laptop does). `split`: the back
# ends (PostgreSQL, the remote GraphQL service) on core 0, Junction and the load generator (wrk,
# pgbench) on the other cores, as when the database and the services have their own hosts: the
# ceilings are then what the back ends can do, and Junction's CPU does not compete with them.
# apply_layout LAYOUT "BACKEND PIDS" "MIDDLE PIDS": pins running processes (all their threads; a
# PostgreSQL postmaster's children follow, and future backends inherit its affinity) and sets
# $CLIENT, the prefix for load generators.
apply_layout() {
  local layout="$1" backends="$2" middle="$3" last=$(( $(nproc) - 1 )) pid all back front
  all="0-$last"; back="$all"; front="$all"; CLIENT=""
  if [ "$layout" = split ]; then
    [ "$last" -ge 1 ] || { echo "the split layout needs two cores" >&2; exit 1; }
    back="0"; front="1-$last"; CLIENT="taskset -c $front"
  fi
  for pid in $backends; do
    taskset -a -p -c "$back" "$pid" >/dev/null
    for child in $(pgrep -P "$pid" || true); do taskset -a -p -c "$back" "$child" >/dev/null; done
  done
  for pid in $middle; do taskset -a -p -c "$front" "$pid" >/dev/null; done
}
postmaster_pid() { head -1 "$1/data/postmaster.pid"; }
# cpu_ticks PIDS...: CPU time (user + system, clock ticks) used so far by the processes and, for each,
# its children (PostgreSQL's backends)
cpu_ticks() {
  local sum=0 pid
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
    [ -r "/proc/$pid/stat" ] && sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$sum"
}
# per_request TICKS REQUESTS: µs of CPU per request
per_request() { echo $(( $1 * 1000000 / $(getconf CLK_TCK) / ($2 > 0 ? $2 : 1) )); }

# measure_wrk LUA C PID…: wrk against Junction's /v1/graphql with that script at concurrency C, WARMUP
# seconds unmeasured, then DURATION seconds measured (output in $work/wrk.out); sets rps, p50, p99,
# requests, errors (non-2xx) and cpu: the CPU µs per request of each PID during the measured run,
# joined by " + "
measure_wrk() {
  local script="$1" c="$2" pid k=0 before=() after=()
  shift 2
  wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" >/dev/null 2>&1 || true
  for pid in "$@"; do before+=("$(cpu_ticks "$pid")"); done
  wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --latency -s "$script" "http://127.0.0.1:$JPORT/v1/graphql" > "$work/wrk.out" 2>&1
  for pid in "$@"; do after+=("$(cpu_ticks "$pid")"); done
  read -r rps p50 p99 requests errors < <(wrk_stats "$work/wrk.out")
  cpu=""
  for pid in "$@"; do
    cpu+="${cpu:+ + }$(per_request $(( after[k] - before[k] )) "$requests")"
    k=$((k + 1))
  done
}

# A scratch directory for a benchmark with PostgreSQL and Junction in it: sets work, PGPORT, JPORT and
# junction_pid (for the script to fill in), and on exit stops both and removes the directory.
bench_work_dir() {
  work="$(mktemp -d /tmp/junction-bench.XXXXXX)"
  PGPORT="$(free_port)"
  JPORT="$(free_port)"
  junction_pid=""
  bench_pids=() # other processes a script starts (remote services), stopped with Junction
  trap bench_cleanup EXIT
}

# test_classpath: builds the test classes (the remote GraphQL services the benchmarks start) and sets
# $CP to them, the main classes and every dependency; needs $work and $root
test_classpath() {
  echo "== building" >&2
  (cd "$root" && ./junction --version >/dev/null 2>&1 || true)
  need_jdk
  (cd "$root" && mvn -q -B -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >&2)
  CP="$root/target/test-classes:$root/target/classes:$(cat "$work/cp.txt")"
}

# start_junction [VAR=value …] [-- serve flags …]: Junction on $JPORT over $DB, with those environment
# variables and extra `serve` flags, log in $work/junction.log; waits for /healthz; sets $junction_pid
start_junction() {
  local envs=() flags=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift && flags=("$@")
  echo "== starting Junction on port $JPORT" >&2
  (cd "$root" && exec env "${envs[@]}" ./junction serve --database-url "$DB" --port "$JPORT" "${flags[@]}" \
    >"$work/junction.log" 2>&1) &
  junction_pid=$!
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$JPORT/healthz" >/dev/null && break; sleep 1; done
}

# start_remote CLASS ARGS…: one of the test classes' remote GraphQL services (junction.test.remote.CLASS,
# e.g. UserService, ItemWorkUserService) on a free port $RPORT with ARGS after the port, log in
# $work/remote.log, stopped on exit; waits until it answers; sets $remote_pid; needs $CP
start_remote() {
  local class="$1"
  shift
  RPORT="$(free_port)"
  echo "== remote $class $* on port $RPORT" >&2
  "$JAVA_HOME/bin/java" -Dsun.net.httpserver.nodelay=true -XX:+UseParallelGC -Xmx512m -cp "$CP" \
    "junction.test.remote.$class" "$RPORT" "$@" >"$work/remote.log" 2>&1 &
  remote_pid=$!
  bench_pids+=("$remote_pid")
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$RPORT/graphql" && return 0; sleep 0.5; done
  echo "the remote $class did not start: $(tail -5 "$work/remote.log")" >&2
  exit 1
}

bench_cleanup() {
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  [ -n "$junction_pid" ] && kill "$junction_pid" 2>/dev/null && wait "$junction_pid" 2>/dev/null || true
  stop_postgres "$work"
  rm -rf "$work"
}
