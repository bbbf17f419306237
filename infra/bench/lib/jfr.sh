# Where the manager's CPU goes during a measurement: a JFR recording (settings=profile) started
# once the scenario's setup is done, summarised from its execution samples. Sourced by run.sh.

jfr_during() { # $1 = scenario output file, $2 = recording file; runs in the background
  local output=$1 recording=$2
  (
    for _ in $(seq 1 600); do grep -q '^SETUP' "$output" 2>/dev/null && break; sleep 0.2; done
    "$JAVA_HOME/bin/jcmd" "$MANAGER_PID" JFR.start name=bench delay=5s \
      duration="${SECONDS_PER_RUN}s" filename="$recording" settings=profile >/dev/null 2>&1
  ) >/dev/null 2>&1 &
}

jfr_summary() { # $1 = label, $2 = recording file
  local label=$1 recording=$2
  for _ in $(seq 1 50); do [ -s "$recording" ] && break; sleep 0.2; done
  [ -s "$recording" ] || { echo "CPU_SPLIT window=$label no recording"; return; }
  "$JAVA_HOME/bin/jfr" print --stack-depth 300 --events jdk.ExecutionSample "$recording" | awk -v label="$label" '
    /^jdk.ExecutionSample/ { n++; stack = "" }
    /sampledThread = / { thread = $0 }
    { stack = stack $0 "\n" }
    /^}/ && n {
      if (thread ~ /aloft-commands/) commands++
      else if (thread ~ /aloft-projections/) projection++
      else if (thread ~ /reactor-tcp/) r2dbc++
      else if (thread ~ /reactor-http/) http++
      else other++
      if (stack ~ /EventSourcedAggregate.initializeState|EventSourcingRepository.doLoadWithLock/) resourcing++
      if (stack ~ /org.axonframework.serialization/) serialization++
    }
    END {
      if (!n) { print "CPU_SPLIT window=" label " no samples"; exit }
      printf "CPU_SPLIT window=%s samples=%d commands=%.0f%% projection_thread=%.0f%% r2dbc_reads=%.0f%% http=%.0f%% other=%.0f%% | aggregate_resourcing=%.0f%% axon_serialization=%.0f%%\n",
        label, n, 100*commands/n, 100*projection/n, 100*r2dbc/n, 100*http/n, 100*other/n,
        100*resourcing/n, 100*serialization/n }' | tee -a "$OUT/results.txt"
}
