package io.aloft.adapters.kubernetes.pod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who to wake when a pod changes: each {@code handle} registers its context's wake-up under the
 * attempt's pod name (a restarted manager so registers again on its first pass); the informer runs
 * it on every event for that pod. A registration goes when the attempt ends (terminal report,
 * {@code finalizeAttempt}), is aborted, or its pod is deleted, so at most one is held per live pod.
 */
final class PodWakeUps {

  private static final Logger log = LoggerFactory.getLogger(PodWakeUps.class);

  private final Map<String, Runnable> byPod = new ConcurrentHashMap<>();

  void register(String pod, Runnable wakeUp) {
    byPod.put(pod, wakeUp);
  }

  void drop(String pod) {
    byPod.remove(pod);
  }

  /** The pod changed: its attempt is reconciled promptly. */
  void wake(String pod) {
    run(pod, byPod.get(pod));
  }

  /** The pod is gone: its attempt is reconciled once more (and finds it gone), then forgotten. */
  void wakeAndDrop(String pod) {
    run(pod, byPod.remove(pod));
  }

  int count() {
    return byPod.size();
  }

  private static void run(String pod, @Nullable Runnable wakeUp) {
    if (wakeUp == null) {
      return;
    }
    try {
      wakeUp.run(); // queues a reconcile: cheap, never blocks the informer
    } catch (RuntimeException e) {
      log.warn("waking the attempt of pod {} failed: {}", pod, e.toString());
    }
  }
}
