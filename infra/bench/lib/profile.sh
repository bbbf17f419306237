# Attributes the sampler's figures to each measurement WINDOW a scenario printed. Sourced by run.sh.
# CPU is in % of one core (this machine has $(nproc) cores, so the ceiling is nproc*100%).

profile_windows() { # $1 = scenario output, $2 = samples file
  local output=$1 samples=$2 name start end
  grep '^WINDOW ' "$output" | while read -r _ name start end; do
    local cpu waits lag
    cpu=$(awk -v s="$start" -v e="$end" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
      $1 >= s && $1 <= e { if (!n++) { t0=$1; m0=$2; p0=$3; d0=$4; i0=$5; a0=$6 } t=$1; m=$2; p=$3; d=$4; i=$5; a=$6 }
      END { if (n < 2) { print "cpu=n/a"; exit }
            sec = (t - t0) / 1000
            mc = (m-m0)/hz/sec*100; pc = (p-p0)/hz/sec*100; dc = (d-d0)/hz/sec*100
            busy = 100*(1-(i-i0)/(a-a0))
            printf "manager_cpu=%.0f%% postgres_cpu=%.0f%% driver_cpu=%.0f%% other_cpu=%.0f%% machine_busy=%.0f%%",
              mc, pc, dc, busy*cores - mc - pc - dc, busy }' "$samples")
    waits=$(awk -v s="$start" -v e="$end" '
      $1 >= s && $1 <= e { seen[$1]=1; count[$2 ":" $3] += $4 }
      END { n = length(seen); if (!n) exit
            for (k in count) printf "%s=%.1f\n", k, count[k]/n }' "$samples.waits" 2>/dev/null |
      sort -t= -k2 -rn | head -4 | paste -sd, -)
    lag=$(awk -v s="$start" -v e="$end" '$1 >= s && $1 <= e && $2 > max { max=$2 } END { print max+0 }' \
      "$samples.lag" 2>/dev/null)
    echo "PROFILE window=$name $cpu pg_active_backends_by_wait=[${waits:-none}] max_projection_lag_events=$lag"
  done
}
