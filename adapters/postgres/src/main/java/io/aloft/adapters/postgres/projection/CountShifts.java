package io.aloft.adapters.postgres.projection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Applies the descendant-count shifts a projection batch recorded (migration V5): summed per
 * ancestor, so a root whose children changed phase a hundred times in the batch is written once.
 * Runs inside the batch's transaction, after its event statements.
 */
final class CountShifts {

  /** Slots of {@code children_phase_counts}: one per phase number, 0 to 10. */
  private static final int PHASES = 11;

  private CountShifts() {}

  static void apply(NamedParameterJdbcTemplate jdbc) {
    Map<List<String>, Sum> sums = new LinkedHashMap<>();
    jdbc.getJdbcOperations()
        .query(
            ActionSql.TAKE_SHIFTS,
            row -> {
              List<String> key =
                  List.of(
                      row.getString("project"),
                      row.getString("domain"),
                      row.getString("run_name"),
                      row.getString("name"));
              sums.computeIfAbsent(key, k -> new Sum())
                  .add(row.getInt("phase"), row.getInt("delta"), row.getLong("position"));
            });
    if (sums.isEmpty()) {
      return;
    }
    SqlParameterSource[] updates =
        sums.entrySet().stream()
            .map(entry -> update(entry.getKey(), entry.getValue()))
            .toArray(SqlParameterSource[]::new);
    jdbc.batchUpdate(ActionSql.APPLY_SHIFTS, updates);
  }

  private static SqlParameterSource update(List<String> key, Sum sum) {
    return new MapSqlParameterSource()
        .addValue("project", key.get(0))
        .addValue("domain", key.get(1))
        .addValue("run", key.get(2))
        .addValue("name", key.get(3))
        .addValue("delta", sum.literal())
        .addValue("position", sum.position);
  }

  private static final class Sum {
    private int[] delta = new int[PHASES];
    private long position = Long.MIN_VALUE;

    /** A negative phase is "none": a new child is only counted in, never out. */
    void add(int phase, int step, long at) {
      position = Math.max(position, at);
      if (phase < 0) {
        return;
      }
      if (phase >= delta.length) {
        delta = Arrays.copyOf(delta, phase + 1);
      }
      delta[phase] += step;
    }

    /** An INTEGER[] literal, e.g. {@code {0,-1,1,0,...}}. */
    String literal() {
      StringJoiner joined = new StringJoiner(",", "{", "}");
      Arrays.stream(delta).forEach(value -> joined.add(Integer.toString(value)));
      return joined.toString();
    }
  }
}
