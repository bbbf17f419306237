# The summary table: each figure next to its target. Sourced by run.sh; reads $OUT/results.txt.

field() { # $1 = scenario (and variant) pattern, $2 = key
  grep "^RESULT scenario=$1" "$OUT/results.txt" | head -1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}

print_summary() {
  local single batched pg_single pg_batched ratio
  single=$(field 'appends variant=single' events_per_s)
  batched=$(field 'appends variant=batched' events_per_s)
  pg_single=$(field pgbench single_rows_per_s)
  pg_batched=$(field pgbench batched_rows_per_s)
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100*a/b; else print "n/a" }'; }
  meets() { awk -v a="$1" -v b="$2" 'BEGIN { print (a+0 >= b+0) ? "yes" : "NO" }'; }
  printf '\n%-44s %-42s %-24s %s\n' "Figure" "Measured" "Target" "Met"
  printf '%-44s %-42s %-24s %s\n' "pgbench insert, 1 row/tx ($CLIENTS clients)" "$pg_single rows/s" "(reference)" "-"
  printf '%-44s %-42s %-24s %s\n' "pgbench insert, 50 rows/tx ($CLIENTS clients)" "$pg_batched rows/s" "(reference)" "-"
  printf '%-44s %-42s %-24s %s\n' "Record, 1 event/call ($CLIENTS clients)" \
    "$single ev/s ($(ratio "$single" "$pg_single") of pgbench 1-row)" ">= 20000 ev/s" "$(meets "$single" 20000)"
  printf '%-44s %-42s %-24s %s\n' "Record, 50 events/call ($CLIENTS clients)" \
    "$batched ev/s ($(ratio "$batched" "$pg_batched") of pgbench 50-row)" ">= 20000 ev/s, >= 40%" \
    "$(meets "$batched" 20000)/$(meets "$(awk -v a="$batched" -v b="$pg_batched" 'BEGIN{print (b>0)?100*a/b:0}')" 40)"
  local name label
  for name in transitions transitions-c16 transitions-c1; do
    grep -q "^RESULT scenario=$name " "$OUT/results.txt" || continue
    local rate p50 p99 inflight
    rate=$(field "$name " transitions_per_s); p50=$(field "$name " p50_ms); p99=$(field "$name " p99_ms)
    inflight=$(field "$name " runs_in_flight)
    printf '%-44s %-42s %-24s %s\n' "Transitions end to end ($inflight in flight)" \
      "$rate/s, p50 $p50 ms, p99 $p99 ms" ">= 5000/s, p99 <= 20 ms" \
      "$(meets "$rate" 5000)/$(awk -v p="$p99" 'BEGIN { print (p+0 <= 20) ? "yes" : "NO" }')"
  done
  for name in watch watch-paced; do
    grep -q "^RESULT scenario=$name " "$OUT/results.txt" || continue
    label="burst"; [ "$name" = watch-paced ] && label="paced at $(field "$name " target_updates_per_s)/s"
    printf '%-44s %-42s %-24s %s\n' "Watch: $(field "$name " streams) streams, $label (-Xmx512m)" \
      "$(field "$name " delivered_exact)+$(field "$name " delivered_coalesced) of $(field "$name " updates_expected), p99 $(field "$name " delivery_p99_ms) ms" \
      "every update" "$([ "$(field "$name " missing)" = 0 ] && echo yes || echo NO)"
  done
  local heap
  heap=$(field watch-heap after_load_mib)
  printf '%-44s %-42s %-24s %s\n' "Watch: heap after full GC (idle / after)" \
    "$(field watch-heap idle_mib) / $heap MiB" "<= 512 MiB" "$(awk -v h="$heap" 'BEGIN { print (h > 0 && h <= 512) ? "yes" : "NO" }')"
}
