# The Kubernetes scenarios (issue 5). Sourced by run.sh, which calls run_kubernetes.
#   k8s-reference  the Kubernetes TaskAction store's status patches with no controller: the one
#                  write a noop action needs, K8S_CONCURRENCY in flight, from the same client
#   k8s-reconcile  the real TaskActionController on that store with the noop plugin, draining a
#                  backlog of K8S_ACTIONS queued TaskActions (timed from the controller's start to
#                  the last SUCCEEDED status stored), after a warm-up of K8S_WARMUP on another
#                  stand-in
#   k8s-memory     heap used (after full collections) by a fresh store's index and the controller's
#                  TaskActionCache once K8S_CACHED TaskActions are listed, per 10,000
# There is no API server here: everything runs against fabric8's kubernetes-server-mock behind the
# tests' stand-in (KubeApiStandIn), inside the driver's JVM. The driver,
# io.aloft.adapters.kubernetes.bench.KubernetesBench, lives in adapters/kubernetes's test sources
# with the stand-in, so no production module depends on the mock; it runs from that module's test
# classpath (compiled here with test-compile, nothing installed), and from the module's directory
# (the stand-in reads infra/k8s/taskaction-crd.yaml relative to it).

K8S_ACTIONS=${K8S_ACTIONS:-5000}
K8S_WARMUP=${K8S_WARMUP:-1000}
K8S_CONCURRENCY=${K8S_CONCURRENCY:-64}
K8S_CACHED=${K8S_CACHED:-10000}
K8S_HEAP=${K8S_HEAP:-2g}
K8S_MODULE="$ROOT/adapters/kubernetes"

k8s_classpath() {
  local listing="$K8S_MODULE/target/bench.classpath"
  if stale "$listing" "$ROOT/proto" "$ROOT/domain" "$ROOT/application" "$ROOT/adapters/protobuf" \
    "$ROOT/adapters/local" "$K8S_MODULE"; then
    echo "Compiling adapters/kubernetes with its tests (the benchmark driver)..."
    (cd "$ROOT" && ./mvnw -B -q -Dspotless.check.skip=true -pl adapters/kubernetes -am \
      test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench.classpath)
    touch "$listing"
  fi
}

run_kubernetes() {
  k8s_classpath
  local classpath="$K8S_MODULE/target/test-classes:$K8S_MODULE/target/classes:$(cat "$K8S_MODULE/target/bench.classpath")"
  echo "--- kubernetes: actions=$K8S_ACTIONS warmup=$K8S_WARMUP concurrency=$K8S_CONCURRENCY cached=$K8S_CACHED -Xmx$K8S_HEAP"
  if ! (cd "$K8S_MODULE" && timeout "${SCENARIO_CAP:-900}" "$JAVA" "-Xmx$K8S_HEAP" \
    "-Xlog:gc:file=$OUT/gc-kubernetes.log" -cp "$classpath" \
    io.aloft.adapters.kubernetes.bench.KubernetesBench --actions="$K8S_ACTIONS" \
    --warmup="$K8S_WARMUP" --concurrency="$K8S_CONCURRENCY" --cached="$K8S_CACHED") \
    >"$OUT/kubernetes.out" 2>"$OUT/kubernetes.err"; then
    tail -20 "$OUT/kubernetes.err" >&2
    fail "kubernetes failed"
  fi
  grep -E '^(SETUP|RESULT)' "$OUT/kubernetes.out" | tee -a "$OUT/results.txt"
}

# The Kubernetes figures as a markdown table, printed and written to $OUT/kubernetes.md.
print_kubernetes_summary() {
  grep -q '^RESULT scenario=k8s-' "$OUT/results.txt" || return 0
  local reference reconciled
  reference=$(field k8s-reference patches_per_s)
  reconciled=$(field k8s-reconcile reconciled_per_s)
  {
    echo "| Figure | Measured | Target | Met |"
    echo "|---|---|---|---|"
    echo "| Status patches through the store, no controller, $(field k8s-reference concurrency) in flight (mock API server) | $reference/s ($(field k8s-reference requests_per_action) requests each) | reference | – |"
    echo "| Reconcile throughput, controller + noop plugin draining $(field k8s-reconcile actions) queued TaskActions (mock API server) | **$reconciled/s** ($(awk -v a="$reconciled" -v b="$reference" 'BEGIN { if (b > 0) printf "%.0f%%", 100*a/b; else print "n/a" }') of the reference; $(field k8s-reconcile requests_per_action) API requests per action) | ≥ 500/s | $(awk -v a="$reconciled" 'BEGIN { print (a+0 >= 500) ? "yes" : "**no**" }') |"
    echo "| Memory, $(field k8s-memory cached) cached TaskActions | **$(field k8s-memory per_10000_mib) MiB per 10,000** ($(field k8s-memory bytes_per_resource) bytes each: store index $(field k8s-memory store_index_mib) MiB, controller cache $(field k8s-memory controller_cache_mib) MiB) | – | – |"
  } | tee "$OUT/kubernetes.md"
}
