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

start_sampler() { # $1 = file, $2 = load driver pid
  local file=$1 driver=$2
  (
    while kill -0 "$driver" 2>/dev/null; do
      read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
      echo "$(date +%s%3N) $(proc_ticks "$MANAGER_PID") $(pg_ticks) $(proc_ticks "$driver") \
$((idle + iowait)) $((user + nice + system + idle + iowait + irq + softirq + steal))" >>"$file"
      psql_bench -F' ' -c "select $(date +%s%3N), coalesce(wait_event_type,'CPU'), coalesce(wait_event,'-'), count(*)
          from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'
          group by 2, 3" >>"$file.waits" 2>/dev/null || true
      psql_bench -c "select $(date +%s%3N), (select coalesce(max(globalindex),0) from domainevententry)
          - (select coalesce(max(position),0) from action_events)" >>"$file.lag" 2>/dev/null || true
      sleep 1
    done
  ) &
  SAMPLER_PID=$!
}
