# The reference: pgbench inserting domainevententry-shaped rows into a scratch table on the
# manager's own PostgreSQL, single rows and 50-row transactions. Sourced by run.sh.

run_pgbench() { # $1 = script, $2 = rows per transaction; prints rows per second
  local script=$1 rows=$2 tps
  tps=$(pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -T "$PGBENCH_SECONDS" \
      -f "$BENCH_DIR/pgbench/$script" postgres 2>&1 | tee -a "$OUT/pgbench.log" |
    sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  [ -n "$tps" ] || fail "pgbench $script failed, see $OUT/pgbench.log"
  awk -v tps="$tps" -v rows="$rows" 'BEGIN { printf "%.0f", tps * rows }'
}

pgbench_reference() {
  psql_bench -f "$BENCH_DIR/pgbench/create-table.sql" 2>/dev/null
  PGBENCH_SINGLE=$(run_pgbench insert-single.sql 1)
  PGBENCH_BATCHED=$(run_pgbench insert-batched.sql 50)
  psql_bench -c "DROP TABLE bench_events"
  echo "RESULT scenario=pgbench clients=$CLIENTS single_rows_per_s=$PGBENCH_SINGLE batched_rows_per_s=$PGBENCH_BATCHED" |
    tee -a "$OUT/results.txt"
}

# The latency reference: one client inserting one row per transaction (a durable commit each), as
# the start-latency scenario's path is a chain of such commits. Per-transaction latencies come
# from pgbench's log (-l), so p50 and p99 are exact.
pgbench_latency_reference() {
  local seconds=${PGBENCH_LATENCY_SECONDS:-5} prefix="$OUT/pgbench-latency" tps
  psql_bench -f "$BENCH_DIR/pgbench/create-table.sql" 2>/dev/null
  rm -f "$prefix".*
  tps=$( (cd "$OUT" && pgbench -n -h localhost -p "$PG_PORT" -U postgres -c 1 -j 1 -T "$seconds" \
      -l --log-prefix="$prefix" -f "$BENCH_DIR/pgbench/insert-single.sql" postgres) 2>&1 |
    tee -a "$OUT/pgbench.log" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  psql_bench -c "DROP TABLE bench_events"
  [ -n "$tps" ] || fail "pgbench latency reference failed, see $OUT/pgbench.log"
  cat "$prefix".* | awk '{print $3}' | sort -n | awk -v tps="$tps" '
    { v[NR] = $1; sum += $1 }
    END { p50 = v[int(NR*0.50) > 0 ? int(NR*0.50) : 1]; p99 = v[int(NR*0.99) > 0 ? int(NR*0.99) : 1]
          printf "RESULT scenario=pgbench-latency clients=1 rows_per_tx=1 tps=%.0f avg_ms=%.2f p50_ms=%.2f p99_ms=%.2f\n",
            tps, sum/NR/1000, p50/1000, p99/1000 }' | tee -a "$OUT/results.txt"
  rm -f "$prefix".*
}
