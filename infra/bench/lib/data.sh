# The data-plane scenarios (issue 4). Sourced by run.sh.
#   taillogs  DataProxyService/TailLogs: MB/s of a task flooding its log while the stream follows
#             it, and the time to a stream's first batch; next to `wc -l` over the same lines
#   copilot   `aloft copilot upload` and `download` (-Xmx256m, the flags of `./aloft copilot`) of COPILOT_FILES files of 1 MiB and
#             of one COPILOT_BIG_MIB MiB file against the manager's embedded S3, next to `cp -r`
# The manager's log budget is raised above TAILLOGS_MIB so that rotation drops nothing before the
# stream reads it, and its embedded S3 listens on DATA_S3_PORT for the copilot processes.

DATA_S3_PORT=${DATA_S3_PORT:-19000}
TAILLOGS_MIB=${TAILLOGS_MIB:-512}
COPILOT_FILES=${COPILOT_FILES:-1000}
COPILOT_BIG_MIB=${COPILOT_BIG_MIB:-1024}
# The JVM flags `./aloft copilot` and the copilot image's entrypoint run the copilot with.
COPILOT_JVM_OPTS=${COPILOT_JVM_OPTS:-$(sed -n 's/^COPILOT_JVM_OPTS="\(.*\)"$/\1/p' "$ROOT/aloft")}

# The same 100-byte lines the taillogs task writes, counted by `wc -l` from the page cache.
taillogs_reference() {
  local lines="$OUT/taillogs-reference.txt" bytes=$((TAILLOGS_MIB * 1048576)) t0 t1
  # `yes` ends on SIGPIPE when head has enough, which pipefail would count as a failure.
  (set +o pipefail; yes '2026-01-01T00:00:00.123456789Z the quick brown fox jumps over the lazy dog, tailing logs 0123456' |
    head -c "$bytes" >"$lines")
  wc -l "$lines" >/dev/null
  t0=$(date +%s%N)
  wc -l "$lines" >/dev/null
  t1=$(date +%s%N)
  rm -f "$lines"
  awk -v b="$bytes" -v ns=$((t1 - t0)) \
    'BEGIN { printf "RESULT scenario=taillogs-reference tool=wc-l mb_per_s=%.1f\n", b / 1e6 / (ns / 1e9) }' |
    tee -a "$OUT/results.txt"
}

run_data() {
  start_manager data "" "--aloft.execution.max-log-size=$((2 * TAILLOGS_MIB + 64))MB --aloft.storage.embedded-port=$DATA_S3_PORT"
  taillogs_reference
  SCENARIO_CAP=900 scenario taillogs taillogs --bytes="$TAILLOGS_MIB" --probes=100
  # The copilot runs from the extracted jar, as `./aloft copilot` and the copilot image do.
  rm -rf "$OUT/copilot-app"
  "$JAVA" -Djarmode=tools -jar "$MANAGER_JAR" extract --destination "$OUT/copilot-app" >/dev/null
  SCENARIO_CAP=3600 scenario copilot copilot --manager-jar="$OUT/copilot-app/$(basename "$MANAGER_JAR")" \
    --s3-endpoint="http://127.0.0.1:$DATA_S3_PORT" --files="$COPILOT_FILES" \
    --big-mib="$COPILOT_BIG_MIB" --work="$OUT/copilot-work" --jvm-opts="$COPILOT_JVM_OPTS"
  stop_manager
}
