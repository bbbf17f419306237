# Starting and stopping a fresh manager for a benchmark. Sourced by run.sh.
# Sets MANAGER_PID, MANAGER_HOME, PG_PORT, PG_PID.

start_manager() { # $1 = label, $2 = extra JVM options, $3 = extra manager arguments (optional)
  local label=$1 jvm_opts=$2 app_args=${3:-}
  MANAGER_HOME=$(mktemp -d /tmp/aloft-bench-home.XXXXXX)
  MANAGER_LOG="$OUT/manager-$label.log"
  # shellcheck disable=SC2086
  "$JAVA" $jvm_opts -jar "$MANAGER_JAR" --aloft.home="$MANAGER_HOME" --server.port="$PORT" \
    $app_args >"$MANAGER_LOG" 2>&1 &
  MANAGER_PID=$!
  for _ in $(seq 1 1200); do
    kill -0 "$MANAGER_PID" 2>/dev/null || { tail -40 "$MANAGER_LOG" >&2; fail "manager exited"; }
    curl -s -o /dev/null "http://localhost:$PORT/" && break
    sleep 0.1
  done
  curl -s -o /dev/null "http://localhost:$PORT/" || fail "manager not ready after 120 s"
  PG_PORT=$(sed -n 's/.*Using PostgreSQL at postgres@localhost:\([0-9]*\).*/\1/p' "$MANAGER_LOG" | head -1)
  [ -n "$PG_PORT" ] || fail "no 'Using PostgreSQL at' line in $MANAGER_LOG"
  PG_PID=$(head -1 "$(find "$MANAGER_HOME" -name postmaster.pid | head -1)")
  echo "manager ($label) pid $MANAGER_PID on :$PORT, PostgreSQL pid $PG_PID on :$PG_PORT, home $MANAGER_HOME"
}

stop_manager() {
  [ -n "${MANAGER_PID:-}" ] || return 0
  kill "$MANAGER_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$MANAGER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$MANAGER_PID" 2>/dev/null || true
  # The embedded PostgreSQL normally stops with the manager; stop it if it outlived it.
  if [ -n "${PG_PID:-}" ] && kill -0 "$PG_PID" 2>/dev/null; then kill "$PG_PID" 2>/dev/null || true; sleep 1; fi
  rm -rf "$MANAGER_HOME"
  MANAGER_PID="" PG_PID=""
}

psql_bench() { # a short statement against the manager's PostgreSQL
  psql -h localhost -p "$PG_PORT" -U postgres -X -q -At "$@" postgres
}
