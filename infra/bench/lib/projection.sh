# Waits for the action projection to catch up with the event store between scenarios, so one
# scenario's backlog does not slow the next; the drain itself measures the projection's rate
# with no other load. Sourced by run.sh (needs sampler.sh for LAG_SQL and sample_sql).

drain_projection() { # $1 = label of the scenario that left the backlog
  local label=$1 lag first start now
  first=$(sample_sql "$LAG_SQL" | awk '{print $2}')
  start=$(date +%s%3N)
  lag=${first:-0}
  while [ "${lag:-0}" -gt 5 ] && [ $(( $(date +%s%3N) - start )) -lt 90000 ]; do
    sleep 0.5
    lag=$(sample_sql "$LAG_SQL" | awk '{print $2}')
  done
  now=$(date +%s%3N)
  awk -v label="$label" -v first="${first:-0}" -v left="${lag:-0}" -v ms=$((now - start)) 'BEGIN {
    rate = (ms > 0) ? (first - left) * 1000 / ms : 0
    printf "DRAIN after=%s backlog_events=%d left=%d seconds=%.1f projection_events_per_s=%.0f\n",
      label, first, left, ms / 1000, rate }' | tee -a "$OUT/results.txt"
}
