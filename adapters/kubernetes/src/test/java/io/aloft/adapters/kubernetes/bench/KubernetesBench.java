package io.aloft.adapters.kubernetes.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes benchmarks of issue 5 (infra/bench/lib/kubernetes.sh runs this from the test
 * classpath; docs/benchmarks.md): reconcile throughput against the API stand-in next to its raw
 * create-and-patch rate, and heap per 10,000 cached TaskActions; on request ({@code pod-memory}),
 * heap per pod in the pod informer's cache. Prints {@code RESULT} lines.
 *
 * <p>Options: {@code --scenarios=reference,reconcile,memory} (or {@code pod-memory}), {@code
 * --actions=5000}, {@code --warmup=500}, {@code --concurrency=64}, {@code --cached=10000}.
 */
public final class KubernetesBench {

  /** Held so the level sticks: the mock logs every request at INFO, which costs the cores. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private KubernetesBench() {}

  /** Runs from adapters/kubernetes (the stand-in reads the CRD from infra/k8s relative to it). */
  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status); // the stand-in's server threads are not daemons
  }

  private static void run(String[] args) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] pair = arg.replaceFirst("^--", "").split("=", 2);
      options.put(pair[0], pair.length > 1 ? pair[1] : "true");
    }
    List<String> scenarios =
        List.of(options.getOrDefault("scenarios", "reference,reconcile,memory").split(","));
    int actions = Integer.parseInt(options.getOrDefault("actions", "5000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
    int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
    int cached = Integer.parseInt(options.getOrDefault("cached", "10000"));
    System.out.printf(
        "SETUP kubernetes actions=%d warmup=%d concurrency=%d cached=%d cores=%d max_heap_mib=%d%n",
        actions,
        warmup,
        concurrency,
        cached,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    if (scenarios.contains("reference")) {
      ReconcileThroughput.reference(actions, concurrency, warmup);
    }
    if (scenarios.contains("reconcile")) {
      ReconcileThroughput.reconcile(actions, concurrency, warmup);
    }
    if (scenarios.contains("memory")) {
      CachedMemory.measure(cached, concurrency);
    }
    if (scenarios.contains("pod-memory")) {
      io.aloft.adapters.kubernetes.pod.PodCacheMemory.measure(cached, BenchKit::usedAfterGc);
    }
  }
}
