package io.aloft.application.execution;

import io.aloft.domain.execution.TaskAction;
import java.time.Instant;

/**
 * The controller's {@link TaskActionCache}, opened for the Kubernetes benchmark's memory figure
 * (io.aloft.adapters.kubernetes.bench): it fills the real cache with listed TaskActions. Test code
 * only; it lives in the cache's package because the cache is package-private.
 */
public final class CacheProbe {

  private final TaskActionCache cache = new TaskActionCache();

  public void offer(TaskAction action) {
    cache.offer(action, Instant.now());
  }

  public int size() {
    return cache.size();
  }
}
