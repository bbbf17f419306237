package io.aloft.adapters.kubernetes.pod;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Aloft's pods as the informer last saw them, by name. Only {@link PodWatcher}'s thread writes, in
 * the order the API server reported, so a listing can simply replace what is held. It answers only
 * while {@linkplain #trusted trusted}: from the moment a watch runs after a listing until the watch
 * fails; meanwhile every read falls back to a GET, so a cache that stopped following the server (an
 * outage, a watch the RBAC refuses) is never taken for the truth.
 */
final class PodCache {

  /** What a complete listing changed: pods new or changed, and pods no longer there. */
  record Changes(Set<String> changed, Set<String> removed) {}

  private final Map<String, LeanPod> pods = new ConcurrentHashMap<>();
  private volatile boolean trusted;

  /** The pod, or null when it is not held or the cache is not trusted now. */
  @Nullable LeanPod find(String name) {
    return trusted ? pods.get(name) : null;
  }

  void trusted(boolean following) {
    trusted = following;
  }

  boolean trusted() {
    return trusted;
  }

  void put(LeanPod pod) {
    pods.put(pod.name(), pod);
  }

  void remove(String name) {
    pods.remove(name);
  }

  /** Holds exactly {@code listed}; says which pods it changed or removed. */
  Changes replace(Map<String, LeanPod> listed) {
    Set<String> changed = new HashSet<>();
    for (LeanPod pod : listed.values()) {
      LeanPod before = pods.put(pod.name(), pod);
      if (before == null || !Objects.equals(before.resourceVersion(), pod.resourceVersion())) {
        changed.add(pod.name());
      }
    }
    Set<String> removed = new HashSet<>();
    pods.keySet()
        .removeIf(
            name -> {
              boolean gone = !listed.containsKey(name);
              if (gone) {
                removed.add(name);
              }
              return gone;
            });
    return new Changes(changed, removed);
  }

  int size() {
    return pods.size();
  }
}
