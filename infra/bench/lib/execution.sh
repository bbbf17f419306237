# The execution scenarios (issue 3): runs really execute, through the manager's own executor and
# the noop plugin. Sourced by run.sh, which calls run_execution after the event scenarios.
#   exec-runs      throughput, many small runs: CreateRun of a noop task, EXEC_CLIENTS clients
#   exec-children  throughput, one run: a sleeping root, noop children through ActionsService/Enqueue
#   exec-latency   start latency: LATENCY_RUNS sequential runs, CreateRun -> first executor event
#   fanout         one run with FANOUT_CHILDREN noop children, on a fresh manager, with its memory
#   fanout-stretch FANOUT_STRETCH children on a fresh manager with -Xmx1g, capped at
#                  FANOUT_STRETCH_MINUTES (0 children skips it)
# Every manager here logs its collections (-Xlog:gc) into $OUT/gc-<label>.log; the fan-out reads
# its peak heap from there (see GcLog in the driver).

EXEC_SECONDS=${EXEC_SECONDS:-$SECONDS_PER_RUN}
EXEC_CLIENTS=${EXEC_CLIENTS:-64}
EXEC_WARMUP=${EXEC_WARMUP:-500}
LATENCY_RUNS=${LATENCY_RUNS:-500}
FANOUT_CHILDREN=${FANOUT_CHILDREN:-10000}
FANOUT_STRETCH=${FANOUT_STRETCH:-100000}
FANOUT_STRETCH_MINUTES=${FANOUT_STRETCH_MINUTES:-15}

# Counters of the manager's PostgreSQL: transactions committed (reads included: every autocommit
# statement is one), WAL flushes (durable commits; group commit can cover several), WAL bytes,
# and the event store's last position.
pg_counters() {
  sample_sql "select (select xact_commit from pg_stat_database where datname = 'postgres'),
    (select wal_sync from pg_stat_wal), (select wal_bytes from pg_stat_wal),
    (select coalesce(max(globalindex), 0) from domainevententry)"
}

# What one execution costs PostgreSQL, between two pg_counters readings, divided by the executions
# the scenario reported (warm-up included: it is the same work).
execution_cost() { # $1 = label, $2 = counters before, $3 = counters after
  local label=$1 before=$2 after=$3 executions
  executions=$(grep "^RESULT scenario=$label " "$OUT/results.txt" | tail -1 | tr ' ' '\n' |
    awk -F= '$1 == "executions" || $1 == "warmup_runs" || $1 == "warmup_children" { n += $2 } END { print n+0 }')
  echo "$before $after" | awk -v label="$label" -v n="$executions" 'NF == 8 {
    if (n > 0) printf "COST scenario=%s executions=%d pg_transactions_per_execution=%.1f wal_flushes_per_execution=%.2f wal_kib_per_execution=%.1f stored_events_per_execution=%.1f\n",
      label, n, ($5 - $1) / n, ($6 - $2) / n, ($7 - $3) / n / 1024, ($8 - $4) / n }' | tee -a "$OUT/results.txt"
}

TABLES_SQL="select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan, 0), coalesce(idx_scan, 0)
  from pg_stat_user_tables order by relname"

# Row operations per execution and table, from pg_stat_user_tables (inserted, updated, deleted rows,
# and index and sequential scans), for the tables that saw any.
table_cost() { # $1 = label, $2 = file with the counters before, $3 = file after
  local label=$1 executions
  executions=$(grep "^COST scenario=$label " "$OUT/results.txt" | tail -1 | tr ' ' '\n' | sed -n 's/^executions=//p')
  [ -n "$executions" ] && [ "$executions" -gt 0 ] || return 0
  awk -v label="$label" -v n="$executions" '
    NR == FNR { ins[$1] = $2; upd[$1] = $3; del[$1] = $4; seq[$1] = $5; idx[$1] = $6; next }
    { d = sprintf("ins=%.1f,upd=%.1f,del=%.1f,idx_scans=%.1f,seq_scans=%.2f", ($2-ins[$1])/n, ($3-upd[$1])/n,
        ($4-del[$1])/n, ($6-idx[$1])/n, ($5-seq[$1])/n)
      if (($2-ins[$1]) + ($3-upd[$1]) + ($4-del[$1]) + ($6-idx[$1]) + ($5-seq[$1]) > 0) line = line " " $1 ":" d }
    END { print "TABLES scenario=" label " per_execution:" line }' "$2" "$3" | tee -a "$OUT/results.txt"
}

exec_scenario() { # like scenario, plus the PostgreSQL cost per execution; $1 = label, then arguments
  local label=$1 before
  before=$(pg_counters)
  sample_sql "$TABLES_SQL" >"$OUT/tables-$label.before"
  scenario "$@"
  jfr_owners "$label" "$OUT/$label.jfr"
  drain_projection "$label"
  sleep 1 # PostgreSQL publishes table statistics every 500 ms
  execution_cost "$label" "$before" "$(pg_counters)"
  sample_sql "$TABLES_SQL" >"$OUT/tables-$label.after"
  table_cost "$label" "$OUT/tables-$label.before" "$OUT/tables-$label.after"
}

run_execution() {
  # The throughput drivers' bound: warm-up, sending, draining, and reading back a stalled stream.
  local cap=$((300 + 3 * EXEC_SECONDS + EXEC_WARMUP / 5))
  start_manager execution "-Xlog:gc:file=$OUT/gc-execution.log"
  # The references, on this manager's PostgreSQL: pgbench's 1-row rate (unless the event scenarios
  # measured it in this run already) and one client's commit latency.
  [ -n "${PGBENCH_SINGLE:-}" ] || pgbench_reference
  pgbench_latency_reference
  psql_bench -c CHECKPOINT
  SCENARIO_CAP=$cap exec_scenario exec-runs exec-runs --clients="$EXEC_CLIENTS" \
    --seconds="$EXEC_SECONDS" --warmup-runs="$EXEC_WARMUP"
  SCENARIO_CAP=$cap exec_scenario exec-children exec-children --concurrency="$EXEC_CLIENTS" \
    --children=10000000 --seconds="$EXEC_SECONDS" --warmup-children="$EXEC_WARMUP" --run=kids
  exec_scenario exec-latency exec-latency --runs="$LATENCY_RUNS" --warmup-runs=50
  stop_manager

  start_manager fanout "-Xlog:gc:file=$OUT/gc-fanout.log"
  SCENARIO_CAP=1200 exec_scenario fanout fanout --children="$FANOUT_CHILDREN" \
    --concurrency="$EXEC_CLIENTS" --run=fan --timeout-seconds=900 \
    --manager-pid="$MANAGER_PID" --gc-log="$OUT/gc-fanout.log"
  stop_manager

  if [ "$FANOUT_STRETCH" -gt 0 ]; then
    start_manager fanout-stretch "-Xmx1g -Xlog:gc:file=$OUT/gc-fanout-stretch.log"
    # Capped: the driver stops waiting after FANOUT_STRETCH_MINUTES and reports what completed.
    SCENARIO_CAP=$((FANOUT_STRETCH_MINUTES * 60 + 300)) SCENARIO_MAY_FAIL=1 exec_scenario \
      fanout-stretch fanout --name=fanout-stretch --children="$FANOUT_STRETCH" \
      --concurrency="$EXEC_CLIENTS" --run=fan --timeout-seconds=$((FANOUT_STRETCH_MINUTES * 60)) \
      --manager-pid="$MANAGER_PID" --gc-log="$OUT/gc-fanout-stretch.log"
    echo "OutOfMemoryError lines in the -Xmx1g manager log: $(grep -c OutOfMemoryError "$MANAGER_LOG" || true)" |
      tee -a "$OUT/results.txt"
    stop_manager
  fi
}

# The execution figures as a markdown table, printed and written to $OUT/execution.md.
print_execution_summary() {
  grep -q '^RESULT scenario=exec-\|^RESULT scenario=fanout' "$OUT/results.txt" || return 0
  local pg per_s ratio md="$OUT/execution.md"
  pg=$(field pgbench single_rows_per_s)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100*a/b; else print "n/a" }'; }
  meets() { awk -v a="$1" -v b="$2" 'BEGIN { print (a+0 >= b+0) ? "yes" : "**no**" }'; }
  under() { awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a != "NaN" && a+0 <= b+0) ? "yes" : "**no**" }'; }
  mib() { awk -v v="$1" 'BEGIN { if (v == "" || v+0 < 0) print "n/a"; else printf "%.0f MiB", v }'; }
  cost() { grep "^COST scenario=$1 " "$OUT/results.txt" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"; }
  {
    echo "| Figure | Measured | Target | Met |"
    echo "|---|---|---|---|"
    echo "| pgbench insert, 1 row/tx, $CLIENTS clients | $pg rows/s (= durable commits/s) | reference | – |"
    echo "| pgbench insert, 1 row/tx, 1 client | avg $(field pgbench-latency avg_ms) ms, p50 $(field pgbench-latency p50_ms) ms, p99 $(field pgbench-latency p99_ms) ms | reference | – |"
    local name
    for name in exec-runs exec-children; do
      grep -q "^RESULT scenario=$name " "$OUT/results.txt" || continue
      per_s=$(field "$name " executions_per_s)
      local how="many runs: CreateRun, $(field "$name " clients) clients"
      [ "$name" = exec-children ] && how="one run: Enqueue, $(field "$name " concurrency) in flight"
      local stalled=""
      [ "$(field "$name " found_in_event_log)" -gt 0 ] 2>/dev/null &&
        stalled="; the watch stream stalled, $(field "$name " found_in_event_log) completions read back from the event log at their stored time"
      echo "| Throughput, $how | **$(field "$name " executions_per_min)/min** ($(field "$name " succeeded) in $(field "$name " wall_s) s, first request to last SUCCEEDED; $(ratio "$per_s" "$pg") of pgbench 1-row; per execution $(cost "$name" pg_transactions_per_execution) PostgreSQL transactions, $(cost "$name" wal_flushes_per_execution) WAL flushes, $(cost "$name" stored_events_per_execution) stored events$stalled) | ≥ 60,000/min | $(meets "$(field "$name " executions_per_min)" 60000) |"
    done
    if grep -q "^RESULT scenario=exec-latency " "$OUT/results.txt"; then
      local p50 p99 pglat
      p50=$(field "exec-latency " observed_p50_ms); p99=$(field "exec-latency " observed_p99_ms)
      pglat=$(field pgbench-latency avg_ms)
      echo "| Start latency, CreateRun → first executor row on WatchRuns ($(field "exec-latency " runs) sequential runs) | **p50 $p50 ms, p99 $p99 ms** (p50 = $(awk -v a="$p50" -v b="$pglat" 'BEGIN { if (b > 0) printf "%.0f", a/b; else print "n/a" }')× one pgbench commit); CreateRun call alone p50 $(field "exec-latency " create_call_p50_ms) ms | p50 ≤ 10 ms, p99 ≤ 50 ms | $(under "$p50" 10)/$(under "$p99" 50) |"
      echo "| Start latency, CreateRun → executor event stored (ListActionEvents) | p50 $(field "exec-latency " recorded_p50_ms) ms, p99 $(field "exec-latency " recorded_p99_ms) ms | (same) | $(under "$(field "exec-latency " recorded_p50_ms)" 10)/$(under "$(field "exec-latency " recorded_p99_ms)" 50) |"
    fi
    for name in fanout fanout-stretch; do
      grep -q "^RESULT scenario=$name " "$OUT/results.txt" || continue
      local heap_note="default heap"
      [ "$name" = fanout-stretch ] && heap_note="-Xmx1g"
      echo "| Fan-out, one run with $(field "$name " children_target) noop children ($heap_note) | $(field "$name " succeeded) of $(field "$name " enqueued) enqueued succeeded in **$(field "$name " wall_s) s** ($(field "$name " executions_per_min)/min; all seen: $(field "$name " all_seen)); heap peak $(mib "$(field "$name " heap_peak_used_mib)"), max after a GC $(mib "$(field "$name " heap_max_after_gc_mib)"), live after full GC $(mib "$(field "$name " heap_live_after_full_gc_mib)"); RSS peak $(mib "$(field "$name " rss_peak_mib)") | completes$([ "$name" = fanout-stretch ] && echo ", heap ≤ 1 GiB") | $(field "$name " all_seen) |"
    done
  } | tee "$md"
}
