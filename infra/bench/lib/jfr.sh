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

# Who the manager's CPU works for, from the same recording: each sample goes to the innermost
# Aloft package on its stack (io.aloft.<module>.<package>), or, with no Aloft frame, to its
# thread group and the library at its top (e.g. reactor-tcp-epoll/lib:r2dbc). Prints the 10
# largest shares in % of all samples. Used for
# the execution scenarios, whose work crosses the controller, the stores, S3 and the streams.
jfr_owners() { # $1 = label, $2 = recording file
  local label=$1 recording=$2
  [ -s "$recording" ] || return 0
  "$JAVA_HOME/bin/jfr" print --stack-depth 300 --events jdk.ExecutionSample "$recording" | awk -v label="$label" '
    function lib(frame) {
      if (frame ~ /^io\.netty|^reactor\.netty/) return "lib:netty"
      if (frame ~ /^reactor\.core/) return "lib:reactor"
      if (frame ~ /^io\.r2dbc/) return "lib:r2dbc"
      if (frame ~ /^org\.postgresql/) return "lib:jdbc"
      if (frame ~ /^org\.axonframework/) return "lib:axon"
      if (frame ~ /^tools\.jackson|^com\.fasterxml/) return "lib:jackson"
      if (frame ~ /^software\.amazon|^org\.gaul|^org\.eclipse\.jetty/) return "lib:s3"
      if (frame ~ /^com\.google\.protobuf/) return "lib:protobuf"
      if (frame ~ /^com\.zaxxer/) return "lib:hikari"
      if (frame ~ /^org\.springframework/) return "lib:spring"
      if (frame ~ /^java\.|^jdk\.|^sun\./) return "jdk"
      return "other"
    }
    /^jdk.ExecutionSample/ { n++; owner = ""; top = ""; instack = 0; thread = "?" }
    /sampledThread = / { thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*/, "", thread); sub(/-?[0-9]+$/, "", thread) }
    /stackTrace = \[/ { instack = 1; next }
    instack && /^ *\]/ { instack = 0 }
    instack {
      frame = $1
      if (top == "") top = lib(frame)
      if (owner == "" && frame ~ /^io\.aloft\./) {
        split(frame, part, "."); owner = part[1] "." part[2] "." part[3] "." part[4]
        if (part[3] == "adapters") owner = owner "." part[5]
      }
    }
    /^}/ && n { count[owner != "" ? owner : thread "/" top]++ }
    END {
      if (!n) exit
      printf "%d TOTAL\n", n
      for (k in count) printf "%d %s\n", count[k], k
    }' | sort -rn | head -11 | awk -v label="$label" '
    NR == 1 { total = $1; printf "CPU_OWNERS window=%s samples=%d", label, total; next }
    { printf " %s=%.0f%%", $2, 100 * $1 / total }
    END { if (NR) printf "\n" }' | tee -a "$OUT/results.txt"
}
