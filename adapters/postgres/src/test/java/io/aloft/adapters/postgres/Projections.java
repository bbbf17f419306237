package io.aloft.adapters.postgres;

import io.aloft.adapters.postgres.projection.ProjectionGroups;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcOperations;
import reactor.core.publisher.Mono;

/** Waits for the {@code aloft-projections} processor and dumps the rows it maintains. */
final class Projections {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final JdbcOperations jdbc;

  Projections(EventProcessingConfiguration processing, EventStore eventStore, JdbcOperations jdbc) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.jdbc = jdbc;
  }

  TrackingEventProcessor processor() {
    return processing
        .eventProcessor(ProjectionGroups.PROJECTIONS, TrackingEventProcessor.class)
        .orElseThrow();
  }

  /**
   * Polls until the processor has handled every event committed so far: its token (during a replay,
   * the replay's current token) is at or past the store's head, and none of the gaps it still waits
   * for holds a committed event. (A rolled back insert leaves a gap that never fills, so "no gaps
   * at all" would wait for Axon's gap timeout.)
   */
  void awaitCaughtUp() {
    long head = eventStore.createHeadToken().position().orElse(-1);
    try {
      Eventually.await(
          Mono.fromCallable(() -> !processor().isRunning() || caughtUp(head)),
          Boolean::booleanValue);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "projections did not catch up with position " + head + "; last status: " + status(), e);
    }
    if (!processor().isRunning()) {
      throw new AssertionError("the projection processor stopped; last status: " + status());
    }
  }

  /** Rewinds the stopped processor to the start of the store, as a fresh node would begin. */
  void rewindStoppedProcessor() {
    jdbc.update(
        "UPDATE tokenentry SET token = NULL, tokentype = NULL WHERE processorname = ?",
        ProjectionGroups.PROJECTIONS);
  }

  private String status() {
    EventTrackerStatus status = processor().processingStatus().get(0);
    return status == null
        ? "no segment claimed"
        : status.getTrackingToken() + ", replaying=" + status.isReplaying();
  }

  private boolean caughtUp(long head) {
    EventTrackerStatus status = processor().processingStatus().get(0);
    if (status == null || status.getTrackingToken() == null) {
      return false;
    }
    // A replay ends only at the first event after the reset point, so a replay token may stay
    // "replaying" with nothing left to read: compare what it has read instead.
    TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
    if (token == null || token.position().orElse(-1) < head) {
      return false;
    }
    return !(token instanceof GapAwareTrackingToken gapAware)
        || gapAware.getGaps().isEmpty()
        || storedAmong(gapAware.getGaps()) == 0;
  }

  private int storedAmong(Collection<Long> gaps) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM domainevententry WHERE globalindex = ANY (CAST(? AS BIGINT[]))",
        Integer.class,
        gaps.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
  }

  /**
   * Every {@code actions} row, in key order, as JSON (arrays and bytes compare by value), without
   * {@code version}: a replay rewrites every row, so versions legitimately grow.
   */
  List<String> actionRows() {
    return jdbc.queryForList(
        "SELECT (to_jsonb(a) - 'version')::text FROM actions a"
            + " ORDER BY project, domain, run_name, name",
        String.class);
  }

  /**
   * Every {@code action_events} row, in stream order, as JSON, without {@code seq}: a replay stores
   * the history again, at new history positions.
   */
  List<String> eventRows() {
    return jdbc.queryForList(
        "SELECT (to_jsonb(e) - 'seq')::text FROM action_events e"
            + " ORDER BY project, domain, run_name, name, stream_sequence",
        String.class);
  }
}
