package io.aloft.application.watch;

import io.aloft.application.port.query.ActionView;
import io.aloft.domain.id.ActionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one watch stream has sent: the version of each action's last sent row. A row is sent only if
 * it is newer, so the snapshot and the live part never repeat or reorder a version, and parents
 * always go out before their children.
 */
final class SentRows {

  private final Map<ActionId, Long> versions = new HashMap<>();

  /** The rows worth sending, parents first. Marks them as sent. */
  List<ActionView> admit(List<ActionView> rows) {
    List<ActionView> fresh = new ArrayList<>();
    for (ActionView row : rows) {
      Long sent = versions.get(row.id());
      if (sent == null || row.version() > sent) {
        fresh.add(row);
      }
    }
    List<ActionView> ordered = parentsFirst(fresh);
    ordered.forEach(row -> versions.put(row.id(), row.version()));
    return ordered;
  }

  boolean contains(ActionId id) {
    return versions.containsKey(id);
  }

  /**
   * Orders rows so that each comes after its parent when the parent is among them; rows whose
   * parent is neither here nor sent yet keep their relative order at the end.
   */
  private List<ActionView> parentsFirst(List<ActionView> rows) {
    Map<ActionId, ActionView> pending = new LinkedHashMap<>();
    rows.forEach(row -> pending.put(row.id(), row));
    List<ActionView> ordered = new ArrayList<>(rows.size());
    while (!pending.isEmpty()) {
      int before = ordered.size();
      for (var iterator = pending.values().iterator(); iterator.hasNext(); ) {
        ActionView row = iterator.next();
        if (row.parent() == null || !pending.containsKey(row.parent())) {
          ordered.add(row);
          iterator.remove();
        }
      }
      if (ordered.size() == before) {
        ordered.addAll(pending.values());
        pending.clear();
      }
    }
    return ordered;
  }
}
