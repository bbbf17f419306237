package io.aloft.adapters.postgres;

import static io.aloft.adapters.postgres.StoredStreams.recordedKeys;
import static io.aloft.adapters.postgres.StoredStreams.sequence;
import static io.aloft.adapters.postgres.TestCommands.NOW;
import static io.aloft.adapters.postgres.TestCommands.create;
import static io.aloft.adapters.postgres.TestCommands.newRun;
import static io.aloft.adapters.postgres.TestCommands.record;
import static io.aloft.adapters.postgres.TestCommands.suffix;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.INITIALIZING;
import static io.aloft.domain.action.ActionPhase.QUEUED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static io.aloft.domain.action.ActionPhase.WAITING_FOR_RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.eventstore.AggregateIds;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionCreated;
import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.project.UpdateProject;
import io.aloft.domain.task.DeployTask;
import io.aloft.domain.task.TaskCommand;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The contract every event-store adapter behind {@link CommandPort} keeps, run against each one
 * (JDBC on PostgreSQL, and in memory). A subclass supplies the port and the store to read back; the
 * batch half of the contract is in {@link CommandPortBatchContract}.
 */
abstract class CommandPortContract implements CommandPortBatchContract {

  @Test
  void givenRecordedEvent_WhenSameEventResent_ThenNothingIsAppended() {
    ActionId id = ActionId.root(newRun());
    send(create(id, null));
    send(record(id, 1, RUNNING, 0));

    send(record(id, 1, RUNNING, 0));
    send(create(id, null));

    assertThat(stream(AggregateIds.of(id)))
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L);
  }

  @Test
  void givenUnchangedProjectAndTask_WhenResent_ThenNothingIsAppended() {
    ProjectId project = new ProjectId("p" + suffix());
    send(new CreateProject(project, "Demo", "", Map.of(), NOW));
    send(new UpdateProject(project, "Demo", "", Map.of(), null, NOW));
    TaskId task = TaskId.of(project.name(), "development", "my.task", "v1");
    DeployTask deploy = new DeployTask(task, "python", "t", null, new byte[] {1}, "d1", null, NOW);
    send(deploy);
    send(deploy);

    assertThat(stream(AggregateIds.of(project))).hasSize(1);
    assertThat(stream(AggregateIds.of(task))).hasSize(1);
  }

  @Test
  void givenOneAction_WhenEventsAppendedInTurn_ThenStreamKeepsTheirOrder() {
    ActionId id = ActionId.root(newRun());
    List<RecordActionEvent> sent =
        List.of(
            record(id, 1, WAITING_FOR_RESOURCES, 0),
            record(id, 1, INITIALIZING, 0),
            record(id, 1, RUNNING, 0),
            record(id, 1, RUNNING, 1),
            record(id, 1, RUNNING, 2),
            record(id, 1, FAILED, 0),
            record(id, 2, QUEUED, 0),
            record(id, 2, RUNNING, 0),
            record(id, 2, SUCCEEDED, 0));
    send(create(id, null));
    sent.forEach(this::send);

    List<DomainEventMessage<?>> stored = stream(AggregateIds.of(id));
    assertThat(stored).extracting(DomainEventMessage::getSequenceNumber).isEqualTo(sequence(10));
    assertThat(stored.getFirst().getPayload()).isInstanceOf(ActionCreated.class);
    assertThat(recordedKeys(stored))
        .containsExactlyElementsOf(sent.stream().map(RecordActionEvent::key).toList());
  }

  @Test
  void givenOneAction_When16WritersRecordConcurrently_ThenEachLandsOnceWithGapFreeSequence() {
    ActionId id = ActionId.root(newRun());
    send(create(id, null));

    StepVerifier.create(
            Flux.merge(
                IntStream.range(0, 16)
                    .mapToObj(v -> commands().send(record(id, 1, RUNNING, v)))
                    .toList()))
        .expectComplete()
        .verify(WAIT);

    List<DomainEventMessage<?>> stored = stream(AggregateIds.of(id));
    assertThat(stored).extracting(DomainEventMessage::getSequenceNumber).isEqualTo(sequence(17));
    assertThat(recordedKeys(stored))
        .extracting(EventKey::version)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).boxed().toList());
    // Each writer decided against the state its predecessor left: the chain is unbroken.
    List<ActionEventRecorded> chain =
        stored.stream().skip(1).map(m -> (ActionEventRecorded) m.getPayload()).toList();
    assertThat(chain.getFirst().previousPhase()).isEqualTo(QUEUED);
    assertThat(chain.subList(1, chain.size()))
        .allSatisfy(e -> assertThat(e.previousPhase()).isEqualTo(RUNNING));
  }

  @Test
  void givenOneAction_WhenSameEventSentConcurrently_ThenExactlyOneLands() {
    ActionId id = ActionId.root(newRun());
    Flux<Void> creates =
        Flux.merge(IntStream.range(0, 8).mapToObj(i -> commands().send(create(id, null))).toList());
    StepVerifier.create(creates).expectComplete().verify(WAIT);
    Flux<Void> records =
        Flux.merge(
            IntStream.range(0, 16)
                .mapToObj(i -> commands().send(record(id, 1, RUNNING, 0)))
                .toList());
    StepVerifier.create(records).expectComplete().verify(WAIT);

    assertThat(stream(AggregateIds.of(id)))
        .extracting(m -> m.getPayload().getClass().getSimpleName())
        .containsExactly("ActionCreated", "ActionEventRecorded");
  }

  @Test
  void givenNoAction_WhenEventRecordedOrAborted_ThenNotFoundAndNothingStored() {
    ActionId id = ActionId.root(newRun());

    StepVerifier.create(commands().send(record(id, 1, RUNNING, 0)))
        .expectError(NotFound.class)
        .verify(WAIT);
    StepVerifier.create(commands().send(new AbortAction(id, "stop", null, NOW)))
        .expectError(NotFound.class)
        .verify(WAIT);

    assertThat(stream(AggregateIds.of(id))).isEmpty();
  }

  @Test
  void givenDomainRefusals_WhenSent_ThenTheDomainErrorArrivesTypedAndUnwrapped() {
    ProjectId project = new ProjectId("p" + suffix());
    send(new CreateProject(project, "Demo", "", Map.of(), NOW));
    TaskId task = TaskId.of(project.name(), "development", "my.task", "v1");
    send(new DeployTask(task, "python", "t", null, new byte[] {1}, "d1", null, NOW));

    expectExactly(
        commands().send(new CreateProject(project, "Again", "", Map.of(), NOW)),
        AlreadyExists.class,
        "already exists");
    expectExactly(
        commands().send(new DeployTask(task, "python", "t", null, new byte[] {2}, "d2", null, NOW)),
        AlreadyExists.class,
        "different spec");
    expectExactly(
        commands()
            .send(new UpdateProject(new ProjectId("p" + suffix()), "x", null, null, null, NOW)),
        NotFound.class,
        "does not exist");
  }

  private void send(Object command) {
    Mono<Void> sent =
        switch (command) {
          case ActionCommand c -> commands().send(c);
          case ProjectCommand c -> commands().send(c);
          case TaskCommand c -> commands().send(c);
          default -> throw new IllegalArgumentException(command.toString());
        };
    StepVerifier.create(sent).expectComplete().verify(WAIT);
  }

  private static void expectExactly(Mono<Void> sent, Class<?> type, String message) {
    StepVerifier.create(sent)
        .expectErrorSatisfies(
            e -> assertThat(e).isExactlyInstanceOf(type).hasMessageContaining(message))
        .verify(WAIT);
  }

  private List<DomainEventMessage<?>> stream(String streamId) {
    return StoredStreams.read(eventStore(), streamId);
  }
}
