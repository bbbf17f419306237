package io.aloft.adapters.kubernetes.bench;

import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.application.execution.CacheProbe;
import java.lang.ref.Reference;
import reactor.core.publisher.Flux;

/**
 * Heap per cached TaskAction: {@code count} TaskActions on the API stand-in (in this JVM, so its
 * copies are in the baseline), then a fresh store lists and watches them (its index of names and
 * versions) and the controller's cache (the real {@code TaskActionCache}) holds every listed
 * TaskAction, as after a manager's start. Each reading is heap used after full collections.
 */
final class CachedMemory {

  private CachedMemory() {}

  static void measure(int count, int concurrency) throws Exception {
    try (BenchKit kit = new BenchKit()) {
      try (KubernetesTaskActionStore writer = kit.store()) {
        Flux.range(0, count)
            .flatMap(i -> writer.create(kit.spec("m", i, "container")), concurrency)
            .blockLast(BenchKit.WAIT);
      }
      long before = BenchKit.usedAfterGc();
      KubernetesTaskActionStore reader = kit.store();
      reader.start().block(BenchKit.WAIT);
      long indexed = BenchKit.usedAfterGc();
      CacheProbe cache = new CacheProbe();
      reader.listActive().doOnNext(cache::offer).blockLast(BenchKit.WAIT);
      long cached = BenchKit.usedAfterGc();
      double mib = 1024.0 * 1024.0;
      System.out.printf(
          "RESULT scenario=k8s-memory cached=%d store_index_mib=%.1f controller_cache_mib=%.1f"
              + " total_mib=%.1f per_10000_mib=%.1f bytes_per_resource=%.0f%n",
          cache.size(),
          (indexed - before) / mib,
          (cached - indexed) / mib,
          (cached - before) / mib,
          (cached - before) / mib * 10_000 / Math.max(1, cache.size()),
          (double) (cached - before) / Math.max(1, cache.size()));
      Reference.reachabilityFence(cache);
      reader.close();
    }
  }
}
