package io.aloft.manager.restart;

import io.aloft.adapters.postgres.projection.ProjectionGroups;
import io.aloft.domain.action.Action;
import io.aloft.domain.action.ActionEvent;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Reads the manager's PostgreSQL directly (JDBC, no manager code in between) and checks the three
 * things a crash must not break: the event store holds each executor event once, the history read
 * model ({@code action_events}) holds exactly the stored events, and the projected {@code actions}
 * rows (and the executor's {@code task_actions} status) equal a replay of each action's stream
 * through the domain's own {@link Action#evolve}.
 */
final class EventStoreAudit {

  static final String RECORDED = ActionEventRecorded.class.getName();

  /** One stored event of an action stream. */
  record Stored(String run, String action, long sequence, ActionEvent event) {
    String type() {
      return event.getClass().getSimpleName();
    }
  }

  /** The figures of one audit, and every discrepancy found (empty when all is well). */
  record Result(
      int actions,
      int storedEvents,
      int storedRecorded,
      int projectedEvents,
      int projectedRecorded,
      int duplicatesInStore,
      int duplicatesInProjection,
      int lost,
      int replayMismatches,
      List<String> problems) {}

  private final String url;
  private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

  EventStoreAudit(int databasePort) {
    this.url = "jdbc:postgresql://localhost:" + databasePort + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  /** Who holds the projection processor's token (Axon's node id, {@code pid@host}), if anyone. */
  String projectionTokenOwner() throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT owner FROM tokenentry WHERE processorname = ?")) {
      s.setString(1, ProjectionGroups.PROJECTIONS);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /**
   * The stored and projected history counts of {@code project}: equal once projections caught up.
   */
  int[] counts(String project) throws SQLException {
    try (Connection c = connect()) {
      return new int[] {
        count(
            c,
            "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
            streams(project)),
        count(c, "SELECT count(*) FROM action_events WHERE project = ?", project)
      };
    }
  }

  Result audit(String project) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Connection c = connect()) {
      Map<String, List<Stored>> streams = readStreams(c, project, problems);
      int stored = streams.values().stream().mapToInt(List::size).sum();
      int storedRecorded =
          (int)
              streams.values().stream()
                  .flatMap(List::stream)
                  .filter(s -> s.event() instanceof ActionEventRecorded)
                  .count();

      // 1. No executor event twice in the store: per (stream, attempt, phase, version), read from
      //    the JSON payloads by PostgreSQL itself, and again from the deserialized events.
      int storeDuplicates = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              """
              SELECT aggregateidentifier, k->>'attempt', k->>'phase', k->>'version', count(*)
              FROM (SELECT aggregateidentifier,
                           convert_from(payload, 'UTF8')::jsonb -> 'key' AS k
                    FROM domainevententry
                    WHERE payloadtype = ? AND aggregateidentifier LIKE ?) e
              GROUP BY 1, 2, 3, 4 HAVING count(*) > 1""")) {
        s.setString(1, RECORDED);
        s.setString(2, streams(project));
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            storeDuplicates += r.getInt(5) - 1;
            problems.add(
                "event stored "
                    + r.getInt(5)
                    + " times: "
                    + r.getString(1)
                    + " attempt "
                    + r.getString(2)
                    + " "
                    + r.getString(3)
                    + " v"
                    + r.getString(4));
          }
        }
      }
      Map<String, Integer> keys = new HashMap<>();
      for (List<Stored> stream : streams.values()) {
        for (Stored e : stream) {
          if (e.event() instanceof ActionEventRecorded r) {
            keys.merge(e.run() + "/" + e.action() + "/" + r.key(), 1, Integer::sum);
          }
        }
      }
      int decodedDuplicates = keys.values().stream().mapToInt(n -> n - 1).sum();
      if (decodedDuplicates != storeDuplicates) {
        problems.add(
            "duplicates by JSON ("
                + storeDuplicates
                + ") and by decoded events ("
                + decodedDuplicates
                + ") disagree");
        storeDuplicates = Math.max(storeDuplicates, decodedDuplicates);
      }

      // 2. The history read model: no duplicates, and exactly the stored events.
      int projectionDuplicates = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              """
              SELECT run_name, name, attempt, phase, version, count(*) FROM action_events
              WHERE project = ? AND event_type = 'ActionEventRecorded'
              GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1""")) {
        s.setString(1, project);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            projectionDuplicates += r.getInt(6) - 1;
            problems.add(
                "history row "
                    + r.getInt(6)
                    + " times: "
                    + r.getString(1)
                    + "/"
                    + r.getString(2)
                    + " attempt "
                    + r.getInt(3)
                    + " phase "
                    + r.getInt(4)
                    + " v"
                    + r.getInt(5));
          }
        }
      }
      Map<String, String> history = new HashMap<>();
      int projectedRecorded = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT run_name, name, stream_sequence, event_type, attempt, phase, version"
                  + " FROM action_events WHERE project = ?")) {
        s.setString(1, project);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            String type = r.getString(4);
            if (type.equals("ActionEventRecorded")) {
              projectedRecorded++;
            }
            history.put(
                r.getString(1) + "/" + r.getString(2) + "#" + r.getLong(3),
                type.equals("ActionEventRecorded")
                    ? type + " " + r.getObject(5) + " " + r.getObject(6) + " " + r.getObject(7)
                    : type);
          }
        }
      }
      int projected = history.size();
      int lost = 0;
      for (List<Stored> stream : streams.values()) {
        for (Stored e : stream) {
          String row = history.remove(e.run() + "/" + e.action() + "#" + e.sequence());
          String expected = describe(e);
          if (row == null) {
            lost++;
            problems.add(
                "stored but not in action_events: " + e.run() + "/" + e.action() + " " + expected);
          } else if (!row.equals(expected)) {
            problems.add(
                "history row differs: "
                    + e.run()
                    + "/"
                    + e.action()
                    + " #"
                    + e.sequence()
                    + " stored "
                    + expected
                    + ", projected "
                    + row);
          }
        }
      }
      for (String extra : history.keySet()) {
        lost++;
        problems.add("in action_events but not in the store: " + extra);
      }

      // 3. Replay: each stream folded through the domain equals its actions row, and the
      //    executor's own status (written after the events) never ran ahead of the store.
      Map<String, ActionState> replayed = new TreeMap<>();
      for (var entry : streams.entrySet()) {
        ActionState state = null;
        long expectedSequence = 0;
        for (Stored e : entry.getValue()) {
          if (e.sequence() != expectedSequence++) {
            problems.add(entry.getKey() + " has a gap before sequence " + e.sequence());
          }
          state = Action.evolve(state, e.event());
        }
        replayed.put(entry.getKey(), state);
      }
      int mismatches = 0;
      mismatches += compareRows(c, project, "actions", "attempts", replayed, problems);
      mismatches += compareRows(c, project, "task_actions", "attempts", replayed, problems);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT run_name, name FROM task_actions WHERE project = ?"
                  + " AND (finalizer OR deletion_requested_at IS NOT NULL)")) {
        s.setString(1, project);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            problems.add("TaskAction still held: " + r.getString(1) + "/" + r.getString(2));
          }
        }
      }
      return new Result(
          replayed.size(),
          stored,
          storedRecorded,
          projected,
          projectedRecorded,
          storeDuplicates,
          projectionDuplicates,
          lost,
          mismatches,
          problems);
    }
  }

  /** The final phase of every action of {@code project} as replayed: run/action → phase. */
  Map<String, ActionState> replay(String project) throws SQLException {
    List<String> problems = new ArrayList<>();
    Map<String, ActionState> result = new TreeMap<>();
    try (Connection c = connect()) {
      for (var entry : readStreams(c, project, problems).entrySet()) {
        ActionState state = null;
        for (Stored e : entry.getValue()) {
          state = Action.evolve(state, e.event());
        }
        result.put(entry.getKey(), state);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(problems);
    }
    return result;
  }

  private int compareRows(
      Connection c,
      String project,
      String table,
      String attemptsColumn,
      Map<String, ActionState> replayed,
      List<String> problems)
      throws SQLException {
    int mismatches = 0;
    Map<String, String> rows = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT run_name, name, phase, "
                + attemptsColumn
                + " FROM "
                + table
                + " WHERE project = ?")) {
      s.setString(1, project);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.put(r.getString(1) + "/" + r.getString(2), r.getInt(3) + "/" + r.getInt(4));
        }
      }
    }
    for (var entry : replayed.entrySet()) {
      ActionState state = entry.getValue();
      String expected = state.phase().number() + "/" + state.attempt();
      String row = rows.remove(entry.getKey());
      if (!expected.equals(row)) {
        mismatches++;
        problems.add(
            table
                + " row of "
                + entry.getKey()
                + " is phase/attempts "
                + row
                + ", the replay gives "
                + expected
                + " ("
                + state.phase()
                + ")");
      }
    }
    for (String extra : rows.keySet()) {
      mismatches++;
      problems.add(table + " has a row with no event stream: " + extra);
    }
    return mismatches;
  }

  /** Every action stream of {@code project}, by run/action, in sequence order. */
  private Map<String, List<Stored>> readStreams(Connection c, String project, List<String> problems)
      throws SQLException {
    Map<String, List<Stored>> streams = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT aggregateidentifier, sequencenumber, payloadtype, payloadrevision, payload"
                + " FROM domainevententry WHERE aggregateidentifier LIKE ?"
                + " ORDER BY aggregateidentifier, sequencenumber")) {
      s.setString(1, streams(project));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String stream = r.getString(1);
          // action:<project>/<domain>/<run>/<action>
          String[] key = stream.substring("action:".length()).split("/");
          Object payload =
              serializer.deserialize(
                  new SimpleSerializedObject<>(
                      r.getBytes(5), byte[].class, r.getString(3), r.getString(4)));
          if (!(payload instanceof ActionEvent event)) {
            problems.add(stream + " holds a " + r.getString(3));
            continue;
          }
          streams
              .computeIfAbsent(key[2] + "/" + key[3], k -> new ArrayList<>())
              .add(new Stored(key[2], key[3], r.getLong(2), event));
        }
      }
    }
    return streams;
  }

  private static String describe(Stored e) {
    if (e.event() instanceof ActionEventRecorded r) {
      return e.type()
          + " "
          + r.key().attempt()
          + " "
          + r.key().phase().number()
          + " "
          + r.key().version();
    }
    return e.type();
  }

  private static String streams(String project) {
    return "action:" + project + "/%";
  }

  private static int count(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
