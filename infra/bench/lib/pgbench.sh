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
