package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.id.ActionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource version last announced for each TaskAction, as an informer's store keeps it: a
 * change is announced only when it is newer than what was announced before, so the store's own
 * writes (announced as they return) and the watch (which reports them again) never announce one
 * change twice, and a re-list announces only what the watch missed. A removed TaskAction stays as a
 * tombstone until the next re-list, so a late event from before its removal cannot revive it.
 *
 * <p>All methods are synchronized: the watch thread and the threads completing writes both report
 * here, and announcing under the lock keeps each TaskAction's changes in resource version order.
 */
final class KnownResources {

  private static final Logger log = LoggerFactory.getLogger(KnownResources.class);

  private record Known(ActionId action, long resourceVersion, boolean removed) {}

  private final Map<String, Known> known = new HashMap<>();
  private final Consumer<TaskActionChange> announce;

  KnownResources(Consumer<TaskActionChange> announce) {
    this.announce = announce;
  }

  /** A resource as a write or the watch left it. */
  synchronized void written(JsonObject resource) {
    String name = TaskActionResources.name(resource);
    long version = TaskActionResources.resourceVersion(resource);
    Known before = known.get(name);
    if (before != null && before.resourceVersion() >= version) {
      return;
    }
    try {
      TaskActionChange change = new TaskActionChange.Written(TaskActionResources.read(resource));
      known.put(name, new Known(change.action(), version, false));
      announce.accept(change);
    } catch (RuntimeException e) {
      log.warn("Ignoring TaskAction {}: it does not read as one ({})", name, e.getMessage());
    }
  }

  /** A resource that is gone; {@code resource} is its last state. */
  synchronized void removed(JsonObject resource) {
    String name = TaskActionResources.name(resource);
    long version = TaskActionResources.resourceVersion(resource);
    Known before = known.get(name);
    if (before != null && (before.removed() || before.resourceVersion() > version)) {
      return;
    }
    ActionId action = before != null ? before.action() : actionOrNull(resource);
    if (action == null) {
      return;
    }
    known.put(name, new Known(action, version, true));
    if (before != null) {
      announce.accept(new TaskActionChange.Removed(action));
    }
  }

  /**
   * A complete listing at {@code listVersion}: announces what changed since, and what is gone
   * (unless this process saw it written after the listing was taken); drops the tombstones.
   */
  synchronized void relisted(Iterable<JsonObject> items, long listVersion, boolean announceAll) {
    Set<String> listed = new java.util.HashSet<>();
    for (JsonObject item : items) {
      listed.add(TaskActionResources.name(item));
      if (announceAll) {
        written(item);
      } else {
        remember(item);
      }
    }
    known
        .entrySet()
        .removeIf(
            entry -> {
              Known k = entry.getValue();
              if (listed.contains(entry.getKey()) || k.resourceVersion() > listVersion) {
                return false;
              }
              if (!k.removed() && announceAll) {
                announce.accept(new TaskActionChange.Removed(k.action()));
              }
              return true;
            });
  }

  private void remember(JsonObject item) {
    try {
      known.put(
          TaskActionResources.name(item),
          new Known(
              TaskActionResources.actionOf(item),
              TaskActionResources.resourceVersion(item),
              false));
    } catch (RuntimeException e) {
      log.warn("Ignoring a resource that does not read as a TaskAction: {}", e.getMessage());
    }
  }

  private static @Nullable ActionId actionOrNull(JsonObject resource) {
    try {
      return TaskActionResources.actionOf(resource);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
