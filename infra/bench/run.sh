#!/usr/bin/env bash
# Aloft benchmarks (docs/benchmarks.md). Builds what is missing, then, against fresh managers on
# localhost only:
#   1. pgbench reference inserts on the manager's embedded PostgreSQL, then EventsService/Record
#      appends (1 and 50 events per call, 16 clients);
#   2. phase transitions end to end (Record -> projection -> WatchActions), closed loop;
#   3. 1,000 WatchActions streams on a manager started with -Xmx512m;
#   4. execution (lib/execution.sh): noop executions per minute through many runs and through one
#      run's children, start latency, and fan-outs of 10,000 and 100,000 children;
#   5. data (lib/data.sh): TailLogs throughput and first batch, and the copilot CLI moving 1 GiB
#      (1,000 files, and one file) next to `cp -r`;
#   6. kubernetes (lib/kubernetes.sh): reconcile throughput of the controller on the Kubernetes
#      store against fabric8's mock API server, next to the store's bare patch rate, and heap per
#      10,000 cached TaskActions (no manager; not part of "all": name it).
# Prints summary tables; everything (logs, samples, results) stays in $OUT. About 6 minutes for
# 1-3; 4 adds about 8 minutes plus the 100,000-child fan-out (at most FANOUT_STRETCH_MINUTES).
# Knobs (environment): BENCH_PORT, BENCH_SECONDS, PGBENCH_SECONDS, BENCH_CLIENTS, BENCH_STREAMS;
#   BENCH_SCENARIOS: a comma-separated subset of events (1-2), watch (3), execution (4), data (5),
#   kubernetes (6), or all (1-5);
#   BENCH_MANAGER_JAR: run this manager jar as it is (no build of the manager);
#   execution: EXEC_SECONDS, EXEC_CLIENTS, EXEC_WARMUP, LATENCY_RUNS, FANOUT_CHILDREN,
#   FANOUT_STRETCH (0 skips it), FANOUT_STRETCH_MINUTES, PGBENCH_LATENCY_SECONDS;
#   kubernetes: K8S_ACTIONS, K8S_WARMUP, K8S_CONCURRENCY, K8S_CACHED, K8S_HEAP.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/../.." && pwd)
PORT=${BENCH_PORT:-18090}
SECONDS_PER_RUN=${BENCH_SECONDS:-15}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-15}
CLIENTS=${BENCH_CLIENTS:-16}
STREAMS=${BENCH_STREAMS:-1000}
OUT=${BENCH_OUT:-$(mktemp -d /tmp/aloft-bench.XXXXXX)}
MANAGER_JAR=${BENCH_MANAGER_JAR:-"$ROOT/infra/manager/target/aloft-manager-0.1.0-SNAPSHOT.jar"}
SCENARIOS=${BENCH_SCENARIOS:-all}
wanted() { [[ ",$SCENARIOS," == *",$1,"* ]] || { [ "$SCENARIOS" = all ] && [ "$1" != kubernetes ]; }; }
for s in ${SCENARIOS//,/ }; do
  case $s in all | events | watch | execution | data | kubernetes) ;; *) echo "run.sh: unknown scenario group '$s' in BENCH_SCENARIOS" >&2; exit 2 ;; esac
done
BENCH_JAR="$BENCH_DIR/target/aloft-bench-0.1.0-SNAPSHOT.jar"
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 # the manager targets Java 21
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1

fail() { echo "run.sh: $*" >&2; exit 1; }
# shellcheck source=lib/manager.sh
source "$BENCH_DIR/lib/manager.sh"
# shellcheck source=lib/sampler.sh
source "$BENCH_DIR/lib/sampler.sh"
# shellcheck source=lib/pgbench.sh
source "$BENCH_DIR/lib/pgbench.sh"
# shellcheck source=lib/projection.sh
source "$BENCH_DIR/lib/projection.sh"
# shellcheck source=lib/jfr.sh
source "$BENCH_DIR/lib/jfr.sh"
# shellcheck source=lib/profile.sh
source "$BENCH_DIR/lib/profile.sh"
# shellcheck source=lib/summary.sh
source "$BENCH_DIR/lib/summary.sh"
# shellcheck source=lib/execution.sh
source "$BENCH_DIR/lib/execution.sh"
# shellcheck source=lib/data.sh
source "$BENCH_DIR/lib/data.sh"
# shellcheck source=lib/kubernetes.sh
source "$BENCH_DIR/lib/kubernetes.sh"
trap stop_manager EXIT
command -v pgbench >/dev/null || PATH="/usr/lib/postgresql/15/bin:$PATH"

stale() { # $1 = jar, $2... = source dirs
  local jar=$1; shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" \( -name '*.java' -o -name '*.proto' \
    -o -name pom.xml -o -name '*.sql' -o -name '*.yml' \) -not -path '*/target/*' -print -quit)" ]
}
needs_manager() { wanted events || wanted watch || wanted execution || wanted data; }
if ! needs_manager; then
  : # the Kubernetes scenarios build what they need (lib/kubernetes.sh)
elif [ -n "${BENCH_MANAGER_JAR:-}" ]; then
  [ -f "$MANAGER_JAR" ] || fail "BENCH_MANAGER_JAR: no file $MANAGER_JAR"
  if stale "$BENCH_JAR" "$BENCH_DIR/src" "$BENCH_DIR/pom.xml"; then
    echo "Building the bench driver..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl infra/bench)
  fi
elif stale "$MANAGER_JAR" "$ROOT/proto" "$ROOT/domain" "$ROOT/application" "$ROOT/adapters" "$ROOT/infra/manager" ||
  stale "$BENCH_JAR" "$BENCH_DIR/src" "$BENCH_DIR/pom.xml"; then
  echo "Building the manager and the bench driver..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true install -pl infra/manager,infra/bench -am)
fi

# $1 = label, then driver arguments; output goes to $OUT/<label>.out. SCENARIO_CAP (seconds,
# default 240) bounds the driver; with SCENARIO_MAY_FAIL=1 a failed driver does not end the run.
scenario() {
  local label=$1; shift
  echo "--- $label: $*"
  "$JAVA" -Xmx1g -jar "$BENCH_JAR" "$@" --url="http://localhost:$PORT" >"$OUT/$label.out" 2>"$OUT/$label.err" &
  local driver=$!
  [ "$label" = watch ] || jfr_during "$OUT/$label.out" "$OUT/$label.jfr"
  # A watchdog keeps the whole run bounded; its fds go to /dev/null so it cannot hold the log open.
  (sleep "${SCENARIO_CAP:-240}" & s=$!; trap 'kill $s; exit 0' TERM; wait $s; kill "$driver") >/dev/null 2>&1 &
  local watchdog=$!
  start_sampler "$OUT/samples-$label" "$driver"
  if ! wait "$driver"; then
    tail -20 "$OUT/$label.err" >&2
    [ "${SCENARIO_MAY_FAIL:-0}" = 1 ] || fail "$label failed"
    echo "RESULT scenario=$label failed=true" | tee -a "$OUT/results.txt"
  fi
  wait "$SAMPLER_PID" 2>/dev/null || true
  kill "$watchdog" 2>/dev/null || true
  grep -E '^(SETUP|RESULT)' "$OUT/$label.out" | tee -a "$OUT/results.txt"
  profile_windows "$OUT/$label.out" "$OUT/samples-$label" | tee -a "$OUT/results.txt"
  [ "$label" = watch ] || jfr_summary "$label" "$OUT/$label.jfr"
}

if [ -n "${BENCH_MANAGER_JAR:-}" ]; then
  echo "aloft: the manager jar $MANAGER_JAR ($(date -r "$MANAGER_JAR" '+%F %T')), not the working tree"
else
  echo "aloft: $(git -C "$ROOT" log -1 --format="%h %ci" 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo " + uncommitted changes")"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
echo "scenarios: $SCENARIOS; manager jar: $MANAGER_JAR"
if wanted events; then
  start_manager throughput ""
  echo "postgres: $(psql_bench -c 'select version()')"
  pgbench_reference
  psql_bench -c CHECKPOINT
  scenario appends appends --clients="$CLIENTS" --batch=50 --seconds="$SECONDS_PER_RUN"
  drain_projection appends
  scenario transitions transitions --runs=256 --seconds="$SECONDS_PER_RUN"
  drain_projection transitions
  scenario transitions-c16 transitions --name=transitions-c16 --prefix=u --runs=16 --seconds=10
  scenario transitions-c1 transitions --name=transitions-c1 --prefix=v --runs=1 --seconds=10
  stop_manager
fi
if wanted watch; then
  start_manager watch "-Xmx512m"
  scenario watch watch --streams="$STREAMS" --updates=8 --paced-updates=2 --paced-rate=200 --manager-pid="$MANAGER_PID"
  echo "OutOfMemoryError lines in the -Xmx512m manager log: $(grep -c OutOfMemoryError "$MANAGER_LOG" || true)"
  stop_manager
fi
if wanted execution; then
  run_execution
fi
if wanted data; then
  run_data
fi
if wanted kubernetes; then
  run_kubernetes
fi
if wanted events || wanted watch; then
  print_summary
fi
echo
print_execution_summary
print_kubernetes_summary
echo "(details in $OUT)"
