package io.aloft.adapters.kubernetes.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * The TaskAction watch history, as etcd keeps it: every change with its resource version. A watch
 * from version V gets the changes after V; a version older than the compaction point is gone (410).
 */
final class WatchEvents {

  record Event(long resourceVersion, String line) {}

  private final List<Event> events = new ArrayList<>();
  private long compactedBelow;
  private long generation;
  private boolean blocked;

  synchronized void record(String type, String object) {
    long version = version(object);
    events.add(new Event(version, "{\"type\":\"" + type + "\",\"object\":" + object + "}"));
    notifyAll();
  }

  /** Forgets the history so far: watches from an older version must list again (410). */
  synchronized void compact() {
    compactedBelow = events.isEmpty() ? 0 : events.getLast().resourceVersion();
    events.clear();
    generation++;
    notifyAll();
  }

  /** Ends every open watch, as a dropped connection or an API server restart would. */
  synchronized void dropWatches() {
    generation++;
    notifyAll();
  }

  /** While blocked, watch requests fail (503), as when the API server cannot be reached. */
  synchronized void block(boolean on) {
    blocked = on;
    if (on) {
      generation++;
      notifyAll();
    }
  }

  synchronized boolean blocked() {
    return blocked;
  }

  synchronized long generation() {
    return generation;
  }

  synchronized boolean isGone(long fromVersion) {
    return fromVersion < compactedBelow;
  }

  /**
   * The events after {@code fromVersion}, waiting up to {@code waitMillis} for one; empty when none
   * came or the watch was dropped ({@code generation} moved on).
   */
  synchronized List<Event> after(long fromVersion, long waitMillis, long watchGeneration)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      if (generation != watchGeneration) {
        return List.of();
      }
      List<Event> found = new ArrayList<>(events.subList(firstAfter(fromVersion), events.size()));
      long left = deadline - System.currentTimeMillis();
      if (!found.isEmpty() || left <= 0) {
        return found;
      }
      wait(left);
    }
  }

  /** Versions only grow (changes are recorded under the mock's write lock): a binary search. */
  private int firstAfter(long version) {
    int low = 0;
    int high = events.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (events.get(middle).resourceVersion() > version) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private static long version(String object) {
    try {
      JsonNode node = Serialization.jsonMapper().readTree(object);
      return Long.parseLong(node.path("metadata").path("resourceVersion").asText());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
