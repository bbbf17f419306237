package io.aloft.adapters.postgres.history;

import io.aloft.application.port.query.ActionEventStore;
import io.aloft.application.port.query.AsOf;
import io.aloft.application.port.query.StoredActionEvent;
import io.aloft.domain.action.ActionEvent;
import io.aloft.domain.id.RunId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Reads a run's events from Axon's {@code domainevententry} table and deserializes them with the
 * event store's own serializer, as the aggregates load them. Blocking JDBC, so it runs on a bounded
 * scheduler and streams rows as it reads them.
 */
public final class JdbcActionEventStore implements ActionEventStore {

  /**
   * The run's streams are named by the read model's list of its actions, so the lookup uses the
   * event table's (aggregateidentifier, sequencenumber) key instead of a prefix scan. The time
   * bound is applied after reading: Axon stores timestamps as text.
   */
  static final String RUN_EVENTS =
      """
      SELECT globalindex, timestamp, payloadtype, payloadrevision, payload
      FROM domainevententry
      WHERE aggregateidentifier IN (
          SELECT 'action:' || project || '/' || domain || '/' || run_name || '/' || name
          FROM actions WHERE project = ? AND domain = ? AND run_name = ?)
        AND globalindex <= ?
      ORDER BY globalindex""";

  private final JdbcTemplate jdbc;
  private final Serializer serializer;
  private final Scheduler scheduler;

  public JdbcActionEventStore(JdbcTemplate jdbc, Serializer serializer, Scheduler scheduler) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.scheduler = scheduler;
  }

  @Override
  public Flux<StoredActionEvent> runEvents(RunId run, AsOf asOf) {
    return Flux.using(() -> query(run, asOf), Flux::fromStream, Stream::close)
        .filter(stored -> asOf.includes(stored.position(), stored.recordedAt()))
        .subscribeOn(scheduler);
  }

  private Stream<StoredActionEvent> query(RunId run, AsOf asOf) {
    return jdbc.queryForStream(
        RUN_EVENTS,
        (row, n) -> stored(row),
        run.scope().project().name(),
        run.scope().domain().name(),
        run.name(),
        asOf.maxPosition());
  }

  private StoredActionEvent stored(ResultSet row) throws SQLException {
    Instant recordedAt = DateTimeUtils.parseInstant(row.getString("timestamp"));
    var payload =
        new SimpleSerializedObject<>(
            row.getBytes("payload"),
            byte[].class,
            row.getString("payloadtype"),
            row.getString("payloadrevision"));
    ActionEvent event = serializer.deserialize(payload);
    return new StoredActionEvent(row.getLong("globalindex"), recordedAt, event);
  }
}
