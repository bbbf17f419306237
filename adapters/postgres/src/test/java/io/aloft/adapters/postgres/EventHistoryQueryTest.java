package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.EventSelection;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * ListActionEvents' and WatchActionEvents' reads start anywhere in a run's history: after any
 * position, from any time, past the end; for the run or for one action.
 */
@SpringBootTest(classes = PostgresTestApplication.class)
class EventHistoryQueryTest {

  @Autowired CommandPort commands;
  @Autowired ActionQueries actions;

  private RunId run;
  private ActionId root;
  private ActionId child;
  private List<ActionEventView> all;

  @BeforeEach
  void aRunWithAChild() {
    run = newRun();
    root = ActionId.root(run);
    child = new ActionId(run, "child");
    commands.send(create(root, null)).block();
    commands.send(record(root, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(create(child, root)).block();
    commands.send(record(child, 1, ActionPhase.RUNNING, 0)).block();
    commands.send(record(child, 1, ActionPhase.SUCCEEDED, 0)).block();
    commands.send(record(root, 1, ActionPhase.SUCCEEDED, 0)).block();
    Eventually.await(actions.find(root), row -> row.phase() == ActionPhase.SUCCEEDED);
    all = read(EventSelection.ofRun(run, 0, null));
    assertThat(all).hasSize(6);
  }

  @Test
  void givenAPositionInTheMiddle_whenRead_thenEverythingAfterItAndNothingBefore() {
    long middle = all.get(2).position();

    assertThat(read(EventSelection.ofRun(run, middle, null))).isEqualTo(all.subList(3, 6));
  }

  @Test
  void givenATimeInTheMiddle_whenRead_thenEverythingRecordedAtOrAfterIt() {
    Instant from = all.get(3).recordedAt();
    List<ActionEventView> expected =
        all.stream().filter(event -> !event.recordedAt().isBefore(from)).toList();

    assertThat(read(EventSelection.ofRun(run, 0, from))).isEqualTo(expected).contains(all.get(5));
  }

  @Test
  void givenTheLastPositionOrLater_whenRead_thenNothing() {
    long last = all.getLast().position();

    assertThat(read(EventSelection.ofRun(run, last, null))).isEmpty();
    assertThat(read(EventSelection.ofRun(run, last + 1_000_000, null))).isEmpty();
    assertThat(read(EventSelection.ofRun(run, 0, Instant.now().plusSeconds(3600)))).isEmpty();
  }

  @Test
  void givenOneActionAndAPosition_whenRead_thenOnlyItsLaterEvents() {
    List<ActionEventView> childEvents =
        all.stream().filter(event -> event.actionId().equals(child)).toList();

    assertThat(read(EventSelection.ofAction(child, childEvents.getFirst().position(), null)))
        .isEqualTo(childEvents.subList(1, childEvents.size()));
  }

  @Test
  void givenAProjectAndDomain_whenRead_thenEveryRunsEventsInHistoryOrder() {
    RunId other =
        RunId.of(run.scope().project().name(), run.scope().domain().name(), "o" + run.name());
    commands.send(create(ActionId.root(other), null)).block();
    Eventually.await(actions.find(ActionId.root(other)), row -> true);

    List<ActionEventView> scoped =
        read(EventSelection.ofScope(run.scope(), all.get(3).position(), null));

    assertThat(scoped).startsWith(all.get(4), all.get(5));
    assertThat(scoped).extracting(ActionEventView::position).isSorted();
    assertThat(scoped).extracting(event -> event.actionId().run()).contains(run, other);
  }

  private List<ActionEventView> read(EventSelection selection) {
    return actions.events(selection, 100).collectList().block();
  }
}
