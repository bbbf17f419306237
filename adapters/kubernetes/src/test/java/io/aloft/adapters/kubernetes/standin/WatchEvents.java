package io.aloft.adapters.kubernetes.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The watch history of one kind (TaskActions, pods), as etcd keeps it: every change with its
 * resource version and the object's labels (for a watch's label selector). A watch from version V
 * gets the changes after V; a version older than the compaction point is gone (410).
 */
final class WatchEvents {

  record Event(long resourceVersion, Map<String, String> labels, String line) {}

  private final List<Event> events = new ArrayList<>();
  private long compactedBelow;
  private long generation;
  private boolean blocked;
  private boolean held;

  synchronized void record(String type, String object) {
    JsonNode node = parse(object);
    long version = Long.parseLong(node.path("metadata").path("resourceVersion").asText());
    events.add(
        new Event(version, labels(node), "{\"type\":\"" + type + "\",\"object\":" + object + "}"));
    notifyAll();
  }

  /** Forgets the history so far: watches from an older version must list again (410). */
  synchronized void compact() {
    if (!events.isEmpty()) {
      compactedBelow = events.getLast().resourceVersion();
    }
    events.clear();
    generation++;
    notifyAll();
  }

  /**
   * While held, open watches stay connected but deliver nothing (the events wait), as a slow watch
   * would: a write is then known to the server before any watcher hears of it.
   */
  synchronized void hold(boolean on) {
    held = on;
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
      List<Event> found =
          held
              ? List.of()
              : new ArrayList<>(events.subList(firstAfter(fromVersion), events.size()));
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

  private static JsonNode parse(String object) {
    try {
      return Serialization.jsonMapper().readTree(object);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> labels(JsonNode object) {
    Map<String, String> labels = new HashMap<>();
    object
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
    return labels;
  }
}
