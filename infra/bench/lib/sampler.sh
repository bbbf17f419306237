# A once-a-second sampler of CPU ticks (manager, PostgreSQL, load driver, whole machine), the
# PostgreSQL wait events of active backends, and the projection's lag. Sourced by run.sh.

proc_ticks() { # utime+stime of a process (all threads)
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

pg_ticks() { # the postmaster and every backend
  local total=0 pid
  for pid in $PG_PID $(pgrep -P "$PG_PID" 2>/dev/null); do
    total=$((total + $(proc_ticks "$pid")))
  done
  echo $total
}

sample_sql() { # one quick query, space-separated output, never blocks the sampler for long
  timeout 3 psql -h localhost -p "$PG_PORT" -U postgres -X -q -At -F' ' -d postgres -c "$1" 2>/dev/null || true
}

WAITS_SQL="select (extract(epoch from clock_timestamp()) * 1000)::bigint,
  coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*)
  from pg_stat_activity
  where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'
  group by 2, 3"
# Projection lag: events in the store beyond the slowest projection token (Axon's tracking tokens
# are JSON here, e.g. {"index":123,"gaps":[]}), so it does not depend on the read-model schema.
LAG_SQL="select (extract(epoch from clock_timestamp()) * 1000)::bigint,
  (select coalesce(max(globalindex), 0) from domainevententry)
  - coalesce((select min(substring(convert_from(token, 'UTF8') from '\"index\":([0-9]+)')::bigint)
              from tokenentry where processorname like '%projection%'), 0)"

start_sampler() { # $1 = file, $2 = load driver pid
  local file=$1 driver=$2
  (
    while kill -0 "$driver" 2>/dev/null; do
      read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
      echo "$(date +%s%3N) $(proc_ticks "$MANAGER_PID") $(pg_ticks) $(proc_ticks "$driver")" \
        "$((idle + iowait)) $((user + nice + system + idle + iowait + irq + softirq + steal))" >>"$file"
      sample_sql "$WAITS_SQL" >>"$file.waits"
      sample_sql "$LAG_SQL" >>"$file.lag"
      sleep 1
    done
  ) &
  SAMPLER_PID=$!
}
