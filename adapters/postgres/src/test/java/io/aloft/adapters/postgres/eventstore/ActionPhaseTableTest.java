package io.aloft.adapters.postgres.eventstore;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.created;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.adapters.postgres.TestCommands.recorded;
import static io.aloft.domain.action.ActionPhase.ABORTED;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.INITIALIZING;
import static io.aloft.domain.action.ActionPhase.PAUSED;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RECOVERED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static io.aloft.domain.action.ActionPhase.TIMED_OUT;
import static io.aloft.domain.action.ActionPhase.WAITING_FOR_RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every phase transition through the Axon aggregate: (current phase, current attempt, incoming
 * attempt, incoming phase) → one {@code ActionEventRecorded} or nothing. The expected outcomes are
 * written out below as a table, independent of {@code PhaseRules}, so a change to the rules shows
 * up here as a table diff.
 */
class ActionPhaseTableTest {

  /** Phases an action can be in or be reported in (UNSPECIFIED is refused by the command). */
  private static final List<ActionPhase> PHASES =
      Arrays.stream(ActionPhase.values()).filter(p -> p != ActionPhase.UNSPECIFIED).toList();

  // Columns: incoming phase in wire order Q W I R S F A T P V
  // (QUEUED, WAITING_FOR_RESOURCES, INITIALIZING, RUNNING, SUCCEEDED, FAILED, ABORTED, TIMED_OUT,
  // PAUSED, RECOVERED). 'A' = applied, '-' = ignored.

  /** Incoming event in the current attempt (with a version not seen before). */
  private static final Map<ActionPhase, String> SAME_ATTEMPT =
      table(
          QUEUED, "AAAAAAAAAA",
          WAITING_FOR_RESOURCES, "-AAAAAAAAA",
          INITIALIZING, "--AAAAAAAA",
          RUNNING, "---AAAAAAA",
          // Final: the reference lets SUCCEEDED→FAILED/ABORTED/TIMED_OUT/PAUSED/RECOVERED and
          // ABORTED→TIMED_OUT/PAUSED/RECOVERED through by number; Aloft does not.
          SUCCEEDED, "----------",
          // A failed or timed-out attempt only continues as a retry (a new attempt).
          FAILED, "----------",
          ABORTED, "----------",
          TIMED_OUT, "----------",
          // A paused condition only ends: SUCCEEDED, FAILED, ABORTED, TIMED_OUT, RECOVERED.
          PAUSED, "----AAAA-A",
          RECOVERED, "----------");

  /** Incoming event in the next attempt: a retry. */
  private static final Map<ActionPhase, String> NEXT_ATTEMPT =
      table(
          QUEUED, "AAAAAAAAAA",
          WAITING_FOR_RESOURCES, "AAAAAAAAAA",
          INITIALIZING, "AAAAAAAAAA",
          RUNNING, "AAAAAAAAAA",
          SUCCEEDED, "----------",
          FAILED, "A---------",
          ABORTED, "----------",
          TIMED_OUT, "A---------",
          PAUSED, "AAAAAAAAAA",
          RECOVERED, "----------");

  /** Incoming event of an earlier attempt: always stale. */
  private static final String EARLIER_ATTEMPT = "----------";

  private AggregateTestFixture<ActionAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ActionAggregate.class);
    fixture.registerCommandTargetResolver(new DomainCommandTargetResolver());
  }

  static Stream<Arguments> transitions() {
    List<Arguments> rows = new ArrayList<>();
    for (int currentAttempt = 1; currentAttempt <= 2; currentAttempt++) {
      for (ActionPhase current : PHASES) {
        for (int incomingAttempt = currentAttempt - 1;
            incomingAttempt <= currentAttempt + 1;
            incomingAttempt++) {
          if (incomingAttempt < 1) {
            continue;
          }
          String row = expectedRow(current, currentAttempt, incomingAttempt);
          for (ActionPhase incoming : PHASES) {
            boolean applied = row.charAt(PHASES.indexOf(incoming)) == 'A';
            rows.add(Arguments.of(current, currentAttempt, incomingAttempt, incoming, applied));
          }
        }
      }
    }
    return rows.stream();
  }

  @Test
  void givenTheTable_WhenCounted_ThenEveryCombinationIsCovered() {
    // 10 phases x 10 phases x (2 attempts at attempt 1 + 3 attempts at attempt 2).
    assertThat(transitions().count()).isEqualTo(10 * 10 * (2 + 3));
  }

  @ParameterizedTest(name = "{0}@{1} + {3}@{2} -> applied={4}")
  @MethodSource("transitions")
  void givenPhaseAtAttempt_WhenExecutorEventArrives_ThenAppliedAsTheTableSays(
      ActionPhase current,
      int currentAttempt,
      int incomingAttempt,
      ActionPhase incoming,
      boolean applied) {
    ActionId id = ActionId.root(RunId.of("proj", "development", "rtable"));
    RecordActionEvent reached = record(id, currentAttempt, current, 0);
    // Version 1: never a duplicate of the version-0 event that brought the action here.
    RecordActionEvent command = record(id, incomingAttempt, incoming, 1);

    var result =
        fixture
            .given(created(create(id, null)), recorded(reached, QUEUED, 1))
            .when(command)
            .expectSuccessfulHandlerExecution();
    if (applied) {
      result.expectEvents(recorded(command, current, currentAttempt));
    } else {
      result.expectNoEvents();
    }
  }

  private static String expectedRow(ActionPhase current, int currentAttempt, int incomingAttempt) {
    if (incomingAttempt < currentAttempt) {
      return EARLIER_ATTEMPT;
    }
    return incomingAttempt == currentAttempt
        ? SAME_ATTEMPT.get(current)
        : NEXT_ATTEMPT.get(current);
  }

  private static Map<ActionPhase, String> table(Object... rows) {
    Map<ActionPhase, String> table = new EnumMap<>(ActionPhase.class);
    for (int i = 0; i < rows.length; i += 2) {
      String row = (String) rows[i + 1];
      assertThat(row).hasSize(PHASES.size());
      table.put((ActionPhase) rows[i], row);
    }
    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(PHASES);
    return table;
  }
}
