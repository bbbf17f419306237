package io.aloft.application.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.data.Fakes;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.watch.Views;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.support.Bytes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SignalUseCaseTest {

  private static final ActionId CONDITION = Views.id("approve");

  private final SignalFakes.Store store = new SignalFakes.Store();
  private final SignalFakes.Codec codec = new SignalFakes.Codec();
  private final Fakes.Queries queries = new Fakes.Queries();
  private final SignalUseCase signal =
      new SignalUseCase(
          store, queries, booleanCondition(), codec, Clock.fixed(Fakes.T, ZoneOffset.UTC));

  @Test
  void givenAWaitingCondition_WhenSignalled_ThenTheValueIsStoredInItsStatus() {
    create(ActionType.CONDITION);

    StepVerifier.create(signal.signal(CONDITION, "a0", value(true))).verifyComplete();

    assertThat(storedSignal()).isEqualTo(Literal.of(true));
  }

  @Test
  void givenConcurrentChanges_WhenSignalled_ThenItRereadsAndStoresTheValue() {
    create(ActionType.CONDITION);
    store.conflictsToInject.set(SignalUseCase.MAX_TRIES - 1);

    StepVerifier.create(signal.signal(CONDITION, null, value(true))).verifyComplete();

    assertThat(storedSignal()).isEqualTo(Literal.of(true));
  }

  @Test
  void givenEndlessConcurrentChanges_WhenSignalled_ThenItGivesUpWithConcurrentModification() {
    create(ActionType.CONDITION);
    store.conflictsToInject.set(SignalUseCase.MAX_TRIES);

    StepVerifier.create(signal.signal(CONDITION, null, value(true)))
        .expectError(ConcurrentModification.class)
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenASignalledCondition_WhenTheSameValueComesAgain_ThenOkWithoutAnUpdate() {
    create(ActionType.CONDITION);
    signal.signal(CONDITION, null, value(true)).block(Duration.ofSeconds(5));
    int updates = store.updates.get();

    StepVerifier.create(signal.signal(CONDITION, null, value(true))).verifyComplete();

    assertThat(store.updates.get()).isEqualTo(updates);
  }

  @Test
  void givenASignalledCondition_WhenAnotherValueComes_ThenFailedPreconditionNamingTheFirst() {
    create(ActionType.CONDITION);
    signal.signal(CONDITION, null, value(true)).block(Duration.ofSeconds(5));

    StepVerifier.create(signal.signal(CONDITION, null, value(false)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining("signalled with true already"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenABooleanCondition_WhenAnIntegerComes_ThenInvalidArgumentNamingBothTypes() {
    create(ActionType.CONDITION);

    StepVerifier.create(signal.signal(CONDITION, null, codec.encodeLiteral(Literal.of(7L))))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessage(
                        "condition 'approve' of action p/d/r1/approve takes a value of type"
                            + " BOOLEAN; got one of type INTEGER"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenATaskOrAnEndedCondition_WhenSignalled_ThenFailedPrecondition() {
    create(ActionType.TASK);
    StepVerifier.create(signal.signal(CONDITION, null, value(true)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining("is a task, not a condition"))
        .verify(Duration.ofSeconds(5));

    TaskAction condition = create(ActionType.CONDITION);
    store.actions.put(
        CONDITION,
        condition.withStatus(
            condition.status().toBuilder()
                .phase(ActionPhase.TIMED_OUT, ExecutionReason.TIMED_OUT, null)
                .build()));
    StepVerifier.create(signal.signal(CONDITION, null, value(true)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining("has ended (TIMED_OUT)"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenTheWrongParent_WhenSignalled_ThenInvalidArgument() {
    create(ActionType.CONDITION);

    StepVerifier.create(signal.signal(CONDITION, "b7", value(true)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("is a child of 'a0', not of 'b7'"))
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenNoTaskAction_WhenSignalled_ThenNotFoundOrEndedByTheReadModel() {
    StepVerifier.create(signal.signal(CONDITION, null, value(true)))
        .expectError(NotFound.class)
        .verify(Duration.ofSeconds(5));

    var row = Views.row("approve", "a0", ActionPhase.ABORTED, 1);
    queries.rows.put(
        CONDITION,
        new io.aloft.application.port.query.ActionView(
            row.id(),
            row.parent(),
            ActionType.CONDITION,
            null,
            null,
            row.inputUri(),
            row.runOutputBase(),
            null,
            null,
            null,
            null,
            null,
            ActionPhase.ABORTED,
            1,
            row.cacheStatus(),
            null,
            null,
            null,
            row.createdAt(),
            null,
            row.updatedAt(),
            null,
            null,
            Map.of(),
            1,
            1));
    StepVerifier.create(signal.signal(CONDITION, null, value(true)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining("has ended (ABORTED)"))
        .verify(Duration.ofSeconds(5));
  }

  private TaskAction create(ActionType type) {
    TaskActionSpec spec =
        new TaskActionSpec(
            CONDITION,
            Views.id("a0"),
            type,
            "s3://b/in",
            "s3://b/out/",
            type == ActionType.TASK ? "noop" : null,
            null,
            Bytes.of(new byte[] {1}),
            null,
            null,
            Map.of(),
            Fakes.T);
    TaskAction action = TaskAction.create(spec);
    store.actions.put(CONDITION, action);
    return action;
  }

  private Literal storedSignal() {
    return codec.decodeLiteral(store.actions.get(CONDITION).status().signal().toArray());
  }

  private byte[] value(boolean value) {
    return codec.encodeLiteral(Literal.of(value));
  }

  private static ActionSpecReader booleanCondition() {
    return new ActionSpecReader() {
      @Override
      public TaskTemplate taskTemplate(Bytes taskSpec) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Bytes taskInterface(Bytes taskSpec) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ConditionSpec condition(Bytes conditionAction) {
        return new ConditionSpec("approve", SimpleType.BOOLEAN, "", Duration.ofMinutes(1));
      }

      @Override
      public java.util.Optional<String> rawDataPrefix(Bytes runSpec) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.Map<String, String> runEnvironment(Bytes runSpec) {
        return java.util.Map.of();
      }

      @Override
      public java.util.Optional<java.time.Instant> runStartTime(Bytes runSpec) {
        return java.util.Optional.empty();
      }

      @Override
      public Bytes withRunStartTime(Bytes taskSpec, java.time.Instant startTime) {
        return taskSpec;
      }
    };
  }
}
