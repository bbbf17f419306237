package io.aloft.application.port.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.test.StepVerifier;

/**
 * The behaviour of {@link TaskActionStore}, written against the port only so every store (the
 * embedded PostgreSQL one and the Kubernetes one) runs the same suite. A subclass supplies a store
 * and a second instance over the same persistence (what a restarted manager would build).
 *
 * <p>Stores share their persistence between tests, so each test works in a run of its own and
 * filters what it lists or watches by that run. Times are whole milliseconds: stores need not keep
 * more.
 */
public abstract class TaskActionStoreContract {

  protected static final Duration WAIT = Duration.ofSeconds(20);
  protected static final Instant CREATED = Instant.parse("2026-11-21T10:00:00.123Z");
  protected static final Instant LATER = Instant.parse("2026-11-21T10:05:30.456Z");

  /** The store under test; the same instance on every call within a test. */
  protected abstract TaskActionStore store();

  /** A new store instance over the same persistence, as a restarted manager would create it. */
  protected abstract TaskActionStore newInstance();

  // --- garbage collection ---

  @Test
  void givenFinishedAndRunningActions_WhenCollected_ThenOnlyFinishedOnesBeforeTheCutoffGo() {
    RunId run = newRun();
    TaskAction done =
        store()
            .create(
                fullSpec(
                    ActionId.of(
                        run.scope().project().name(),
                        run.scope().domain().name(),
                        run.name(),
                        "done")))
            .block(WAIT);
    TaskAction running =
        store()
            .create(
                fullSpec(
                    ActionId.of(
                        run.scope().project().name(),
                        run.scope().domain().name(),
                        run.name(),
                        "running")))
            .block(WAIT);
    TaskActionStatus succeeded =
        done.status().toBuilder()
            .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
            .updatedAt(CREATED)
            .build();
    store().updateStatus(done.withStatus(succeeded)).block(WAIT);

    StepVerifier.create(store().deleteFinishedBefore(LATER))
        .assertNext(count -> assertThat(count).isPositive())
        .verifyComplete();

    StepVerifier.create(store().get(done.spec().action())).verifyComplete();
    StepVerifier.create(store().get(running.spec().action())).expectNextCount(1).verifyComplete();
  }

  // --- create and get ---

  @Test
  void givenNewSpec_WhenCreated_ThenQueuedOnFirstAttemptAndReadable() {
    TaskActionSpec spec = fullSpec(ActionId.root(newRun()));

    TaskAction created = store().create(spec).block(WAIT);

    assertThat(created.spec()).isEqualTo(spec);
    assertThat(created.status()).isEqualTo(TaskActionStatus.queued(spec.createdAt()));
    assertThat(created.isDeleting()).isFalse();
    assertThat(created.deletionReason()).isNull();
    StepVerifier.create(store().get(spec.action())).expectNext(created).verifyComplete();
  }

  @Test
  void givenExistingAction_WhenCreatedAgain_ThenExistingReturnedUnchanged() {
    ActionId id = ActionId.root(newRun());
    TaskAction first = store().create(fullSpec(id)).block(WAIT);
    TaskAction running = store().updateStatus(first.withStatus(runningStatus())).block(WAIT);

    TaskActionSpec other =
        new TaskActionSpec(
            id,
            null,
            ActionType.CONDITION,
            "s3://other/in",
            "s3://other/out",
            null,
            null,
            Bytes.of(new byte[] {9}),
            null,
            null,
            Map.of(),
            LATER);

    StepVerifier.create(store().create(other)).expectNext(running).verifyComplete();
    StepVerifier.create(store().create(fullSpec(id))).expectNext(running).verifyComplete();
    StepVerifier.create(store().get(id)).expectNext(running).verifyComplete();
  }

  @Test
  void givenSameSpec_WhenCreatedConcurrently_ThenOneActionAndAllCallersSeeIt() {
    TaskActionSpec spec = fullSpec(ActionId.root(newRun()));

    List<TaskAction> results =
        Flux.range(0, 8).flatMap(i -> store().create(spec)).collectList().block(WAIT);

    assertThat(results).hasSize(8);
    assertThat(Set.copyOf(results)).hasSize(1);
    assertThat(results.getFirst().status()).isEqualTo(TaskActionStatus.queued(CREATED));
  }

  @Test
  void givenParentInAnotherRun_WhenCreated_ThenInvalidArgumentAndNothingStored() {
    RunId run = newRun();
    ActionId child = new ActionId(run, "c1");
    TaskActionSpec spec = minimalSpec(child, ActionId.root(newRun()));

    StepVerifier.create(store().create(spec)).expectError(InvalidArgument.class).verify(WAIT);
    StepVerifier.create(store().get(child)).verifyComplete();
  }

  @Test
  void givenNothingStored_WhenGet_ThenEmpty() {
    StepVerifier.create(store().get(ActionId.root(newRun()))).verifyComplete();
  }

  // --- round trips ---

  @Test
  void givenEveryFieldSet_WhenStoredAndReadBack_ThenEqual() {
    RunId run = newRun();
    store().create(minimalSpec(ActionId.root(run), null)).block(WAIT);
    TaskActionSpec spec = fullSpec(new ActionId(run, "child-1"), ActionId.root(run));
    TaskAction created = store().create(spec).block(WAIT);
    TaskActionStatus status =
        runningStatus().toBuilder()
            .phase(ActionPhase.FAILED, ExecutionReason.RETRYABLE_FAILURE, "exit code 137")
            .attempts(3)
            .systemFailures(2)
            .eventVersion(41)
            .error(
                new ExecutionError(
                    "OOMKilled",
                    "the container ran out of memory: ünïcødé",
                    ErrorKind.USER,
                    "s3://bucket/errors/errors.pb",
                    LATER))
            .cacheStatus(CacheStatus.PUT_FAILURE)
            .signal(Bytes.of(new byte[] {0, 1, 2, (byte) 0xff}))
            .outputUri("s3://bucket/out/outputs.pb")
            .reportUri("s3://bucket/out/report.html")
            .build();

    TaskAction updated = store().updateStatus(created.withStatus(status)).block(WAIT);

    assertThat(updated.spec()).isEqualTo(spec);
    assertThat(updated.status()).isEqualTo(status);
    StepVerifier.create(store().get(spec.action())).expectNext(updated).verifyComplete();
    StepVerifier.create(newInstance().get(spec.action())).expectNext(updated).verifyComplete();
  }

  @Test
  void givenNullableFieldsNullAndCollectionsEmpty_WhenStoredAndReadBack_ThenEqual() {
    TaskActionSpec spec = minimalSpec(ActionId.root(newRun()), null);

    TaskAction created = store().create(spec).block(WAIT);

    assertThat(created.spec()).isEqualTo(spec);
    assertThat(created.spec().spec()).isEqualTo(Bytes.EMPTY);
    assertThat(created.spec().envVars()).isEmpty();
    StepVerifier.create(store().get(spec.action())).expectNext(created).verifyComplete();

    TaskActionStatus bare =
        new TaskActionStatus(
            ActionPhase.UNSPECIFIED,
            ExecutionReason.QUEUED,
            null,
            1,
            0,
            false,
            Bytes.EMPTY,
            0,
            new ExecutionError("", "", ErrorKind.UNSPECIFIED, null, null),
            CacheStatus.UNSPECIFIED,
            null,
            LATER,
            null,
            List.of(),
            null,
            null);
    TaskAction updated = store().updateStatus(created.withStatus(bare)).block(WAIT);

    assertThat(updated.status()).isEqualTo(bare);
    StepVerifier.create(store().get(spec.action())).expectNext(updated).verifyComplete();
  }

  @Test
  void givenEveryPhaseReasonAndCacheStatus_WhenStored_ThenEachReadBack() {
    TaskAction current = store().create(minimalSpec(ActionId.root(newRun()), null)).block(WAIT);
    int steps = Math.max(ActionPhase.values().length, ExecutionReason.values().length);
    steps = Math.max(steps, CacheStatus.values().length);
    for (int i = 0; i < steps; i++) {
      ActionPhase phase = ActionPhase.values()[i % ActionPhase.values().length];
      ExecutionReason reason = ExecutionReason.values()[i % ExecutionReason.values().length];
      CacheStatus cache = CacheStatus.values()[i % CacheStatus.values().length];
      ErrorKind kind = ErrorKind.values()[i % ErrorKind.values().length];
      TaskActionStatus status =
          current.status().toBuilder()
              .phase(phase, reason, "step " + i)
              .cacheStatus(cache)
              .error(new ExecutionError("c" + i, "m" + i, kind, null, null))
              .build();

      current = store().updateStatus(current.withStatus(status)).block(WAIT);

      assertThat(current.status()).isEqualTo(status);
      StepVerifier.create(store().get(current.spec().action()))
          .expectNext(current)
          .verifyComplete();
    }
  }

  @Test
  void givenEveryActionType_WhenCreated_ThenTypeReadBack() {
    RunId run = newRun();
    store().create(minimalSpec(ActionId.root(run), null)).block(WAIT);
    for (ActionType type : ActionType.values()) {
      ActionId id = new ActionId(run, type.name().toLowerCase());
      TaskActionSpec spec = fullSpec(id);
      spec =
          new TaskActionSpec(
              id,
              spec.parent(),
              type,
              spec.inputUri(),
              spec.runOutputBase(),
              spec.taskType(),
              spec.shortName(),
              spec.spec(),
              spec.cacheKey(),
              spec.group(),
              spec.envVars(),
              spec.createdAt());

      assertThat(store().create(spec).block(WAIT).spec()).isEqualTo(spec);
      assertThat(store().get(id).block(WAIT).spec().type()).isEqualTo(type);
    }
  }

  // --- optimistic updates ---

  @Test
  void givenCurrentVersion_WhenStatusUpdated_ThenStoredWithHigherVersion() {
    TaskAction created = store().create(fullSpec(ActionId.root(newRun()))).block(WAIT);

    TaskAction updated = store().updateStatus(created.withStatus(runningStatus())).block(WAIT);

    assertThat(updated.resourceVersion()).isGreaterThan(created.resourceVersion());
    assertThat(updated.status()).isEqualTo(runningStatus());
    assertThat(updated.spec()).isEqualTo(created.spec());
    TaskAction again =
        store()
            .updateStatus(updated.withStatus(runningStatus().toBuilder().eventVersion(8).build()))
            .block(WAIT);
    assertThat(again.resourceVersion()).isGreaterThan(updated.resourceVersion());
    StepVerifier.create(store().get(created.spec().action())).expectNext(again).verifyComplete();
  }

  @Test
  void givenStaleVersion_WhenStatusUpdated_ThenConcurrentModificationAndStoredUnchanged() {
    TaskAction created = store().create(fullSpec(ActionId.root(newRun()))).block(WAIT);
    TaskAction winner = store().updateStatus(created.withStatus(runningStatus())).block(WAIT);

    TaskActionStatus late =
        created.status().toBuilder()
            .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
            .build();

    StepVerifier.create(store().updateStatus(created.withStatus(late)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(ConcurrentModification.class)
                    .hasMessageContaining(created.spec().action().toString()))
        .verify(WAIT);
    StepVerifier.create(store().get(created.spec().action())).expectNext(winner).verifyComplete();
  }

  @Test
  void givenMissingAction_WhenStatusUpdated_ThenEmpty() {
    TaskAction never = TaskAction.create(fullSpec(ActionId.root(newRun())));

    StepVerifier.create(store().updateStatus(never.withStatus(runningStatus()))).verifyComplete();
    StepVerifier.create(store().get(never.spec().action())).verifyComplete();
  }

  @Test
  void givenOneVersion_WhenUpdatedConcurrently_ThenExactlyOneWins() {
    TaskAction created = store().create(fullSpec(ActionId.root(newRun()))).block(WAIT);
    int writers = 16;

    List<Signal<TaskAction>> outcomes =
        Flux.range(0, writers)
            .flatMap(
                i ->
                    store()
                        .updateStatus(
                            created.withStatus(
                                runningStatus().toBuilder().eventVersion(100 + i).build()))
                        .materialize()
                        .filter(signal -> !signal.isOnComplete()),
                writers)
            .collectList()
            .block(WAIT);

    List<TaskAction> winners = outcomes.stream().filter(Signal::isOnNext).map(Signal::get).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(Signal::isOnError).map(Signal::getThrowable))
        .hasSize(writers - 1)
        .allSatisfy(error -> assertThat(error).isInstanceOf(ConcurrentModification.class));
    StepVerifier.create(store().get(created.spec().action()))
        .expectNext(winners.getFirst())
        .verifyComplete();
  }

  // --- deletion ---

  @Test
  void givenNoFinalizer_WhenDeletionRequested_ThenGoneAtOnce() {
    ActionId id = ActionId.root(newRun());
    store().create(fullSpec(id)).block(WAIT);

    StepVerifier.create(store().requestDeletion(id, "User requested abort", LATER))
        .verifyComplete();

    StepVerifier.create(store().get(id)).verifyComplete();
    assertThat(activeIn(id.run())).isEmpty();
  }

  @Test
  void givenFinalizer_WhenDeletionRequested_ThenMarkedUntilFinalizerRemoved() {
    ActionId id = ActionId.root(newRun());
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    TaskAction held =
        store()
            .updateStatus(created.withStatus(runningStatus().toBuilder().finalizer(true).build()))
            .block(WAIT);

    store().requestDeletion(id, "User requested abort", LATER).block(WAIT);

    TaskAction deleting = store().get(id).block(WAIT);
    assertThat(deleting.isDeleting()).isTrue();
    assertThat(deleting.deletionRequestedAt()).isEqualTo(LATER);
    assertThat(deleting.deletionReason()).isEqualTo("User requested abort");
    assertThat(deleting.status()).isEqualTo(held.status());
    assertThat(deleting.resourceVersion()).isGreaterThan(held.resourceVersion());

    store().requestDeletion(id, "a second reason", LATER.plusSeconds(60)).block(WAIT);
    TaskAction repeated = store().get(id).block(WAIT);
    assertThat(repeated.deletionRequestedAt()).isEqualTo(LATER);
    assertThat(repeated.deletionReason()).isEqualTo("User requested abort");

    TaskActionStatus aborted =
        deleting.status().toBuilder()
            .phase(ActionPhase.ABORTED, ExecutionReason.ABORTED, "User requested abort")
            .build();
    TaskAction reported = store().updateStatus(repeated.withStatus(aborted)).block(WAIT);
    assertThat(reported.isDeleting()).isTrue();
    assertThat(reported.status().finalizer()).isTrue();
    assertThat(activeIn(id.run())).containsExactly(reported);

    StepVerifier.create(store().removeFinalizer(id)).verifyComplete();

    StepVerifier.create(store().get(id)).verifyComplete();
    assertThat(activeIn(id.run())).isEmpty();
  }

  @Test
  void givenStatusReadBeforeDeletionRequest_WhenUpdated_ThenConcurrentModification() {
    ActionId id = ActionId.root(newRun());
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    TaskAction held =
        store()
            .updateStatus(created.withStatus(runningStatus().toBuilder().finalizer(true).build()))
            .block(WAIT);

    store().requestDeletion(id, "abort", LATER).block(WAIT);

    StepVerifier.create(store().updateStatus(held.withStatus(runningStatus())))
        .expectError(ConcurrentModification.class)
        .verify(WAIT);
  }

  @Test
  void givenNotMarkedForDeletion_WhenFinalizerRemoved_ThenOnlyTheFlagIsCleared() {
    ActionId id = ActionId.root(newRun());
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    TaskAction held =
        store()
            .updateStatus(created.withStatus(runningStatus().toBuilder().finalizer(true).build()))
            .block(WAIT);

    StepVerifier.create(store().removeFinalizer(id)).verifyComplete();

    TaskAction after = store().get(id).block(WAIT);
    assertThat(after.status().finalizer()).isFalse();
    assertThat(after.status()).isEqualTo(held.status().toBuilder().finalizer(false).build());
    assertThat(after.isDeleting()).isFalse();
    assertThat(after.resourceVersion()).isGreaterThan(held.resourceVersion());

    store().requestDeletion(id, "abort", LATER).block(WAIT);
    StepVerifier.create(store().get(id)).verifyComplete();
  }

  @Test
  void givenMissingAction_WhenDeletionCallsMade_ThenEachCompletesEmpty() {
    ActionId id = ActionId.root(newRun());

    StepVerifier.create(store().requestDeletion(id, "abort", LATER)).verifyComplete();
    StepVerifier.create(store().removeFinalizer(id)).verifyComplete();
    StepVerifier.create(store().delete(id)).verifyComplete();
    StepVerifier.create(store().get(id)).verifyComplete();
  }

  @Test
  void givenFinishedAction_WhenDeleted_ThenGoneAndDeletingAgainIsNoOp() {
    ActionId id = ActionId.root(newRun());
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    store()
        .updateStatus(
            created.withStatus(
                runningStatus().toBuilder()
                    .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
                    .finalizer(true)
                    .build()))
        .block(WAIT);

    StepVerifier.create(store().delete(id)).verifyComplete();
    StepVerifier.create(store().get(id)).verifyComplete();
    StepVerifier.create(store().delete(id)).verifyComplete();
  }

  @Test
  void givenDeletedAction_WhenCreatedAgain_ThenANewActionStarts() {
    ActionId id = ActionId.root(newRun());
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    store().updateStatus(created.withStatus(runningStatus())).block(WAIT);
    store().delete(id).block(WAIT);

    TaskAction again = store().create(fullSpec(id)).block(WAIT);

    assertThat(again.status()).isEqualTo(TaskActionStatus.queued(CREATED));
    assertThat(again.isDeleting()).isFalse();
  }

  // --- listing ---

  @Test
  void givenActionsInEveryState_WhenListedActive_ThenNonTerminalOrDeletingOnly() {
    RunId run = newRun();
    Set<ActionId> expected = new HashSet<>();
    for (ActionPhase phase : ActionPhase.values()) {
      ActionId id = new ActionId(run, "p-" + phase.name().toLowerCase().replace('_', '-'));
      TaskAction created = store().create(minimalSpec(id, null)).block(WAIT);
      store()
          .updateStatus(
              created.withStatus(
                  created.status().toBuilder()
                      .phase(phase, ExecutionReason.EXECUTING, null)
                      .build()))
          .block(WAIT);
      if (!phase.isTerminal()) {
        expected.add(id);
      }
    }
    ActionId abortedHeld = new ActionId(run, "deleting-terminal");
    TaskAction created = store().create(minimalSpec(abortedHeld, null)).block(WAIT);
    store()
        .updateStatus(
            created.withStatus(
                created.status().toBuilder()
                    .phase(ActionPhase.ABORTED, ExecutionReason.ABORTED, null)
                    .finalizer(true)
                    .build()))
        .block(WAIT);
    store().requestDeletion(abortedHeld, "abort", LATER).block(WAIT);
    expected.add(abortedHeld);

    List<TaskAction> active = activeIn(run);

    assertThat(active.stream().map(a -> a.spec().action()).collect(Collectors.toSet()))
        .isEqualTo(expected);
    assertThat(active).hasSize(expected.size());
    for (TaskAction action : active) {
      assertThat(action).isEqualTo(store().get(action.spec().action()).block(WAIT));
    }
  }

  // --- change stream ---

  @Test
  void givenSubscriber_WhenActionsWritten_ThenChangedIdsEmittedForSuccessfulChangesOnly() {
    RunId run = newRun();
    ActionId a = ActionId.root(run);
    ActionId b = new ActionId(run, "b");
    ActionId c = new ActionId(run, "c");
    ActionId d = new ActionId(run, "d");
    ActionId e = new ActionId(run, "e");
    TaskAction[] held = new TaskAction[1];

    StepVerifier.create(
            store().changes().map(TaskActionChange::action).filter(id -> id.run().equals(run)))
        .then(() -> held[0] = store().create(fullSpec(a)).block(WAIT))
        .expectNext(a)
        // a repeated create changes nothing: the next id is b's
        .then(() -> store().create(fullSpec(a)).block(WAIT))
        .then(() -> store().create(minimalSpec(b, null)).block(WAIT))
        .expectNext(b)
        .then(
            () ->
                held[0] =
                    store()
                        .updateStatus(
                            held[0].withStatus(runningStatus().toBuilder().finalizer(true).build()))
                        .block(WAIT))
        .expectNext(a)
        // a refused update emits nothing
        .then(() -> updateIgnoringConflict(store().get(b).block(WAIT), 999))
        .then(() -> store().create(minimalSpec(c, null)).block(WAIT))
        .expectNext(c)
        .then(() -> store().requestDeletion(a, "abort", LATER).block(WAIT))
        .expectNext(a)
        // releasing the finalizer of a marked action is a write, then a removal
        .then(() -> store().removeFinalizer(a).block(WAIT))
        .expectNext(a, a)
        // deletion without a finalizer too: marked, then removed at once
        .then(() -> store().requestDeletion(b, "abort", LATER).block(WAIT))
        .expectNext(b, b)
        // calls that change nothing emit nothing
        .then(() -> store().requestDeletion(b, "abort", LATER).block(WAIT))
        .then(() -> store().removeFinalizer(c).block(WAIT))
        .then(() -> store().create(minimalSpec(d, null)).block(WAIT))
        .expectNext(d)
        .then(() -> store().removeFinalizer(d).block(WAIT))
        .then(() -> store().create(minimalSpec(e, null)).block(WAIT))
        .expectNext(e)
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void givenSubscriber_WhenWrittenAndRemoved_ThenChangesCarryTheStoredActionThenTheRemoval() {
    RunId run = newRun();
    ActionId a = ActionId.root(run);
    List<TaskActionChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var subscription =
        store().changes().filter(change -> change.action().run().equals(run)).subscribe(seen::add);
    try {
      TaskAction created = store().create(fullSpec(a)).block(WAIT);
      TaskAction held =
          store()
              .updateStatus(created.withStatus(runningStatus().toBuilder().finalizer(true).build()))
              .block(WAIT);
      store().requestDeletion(a, "abort", LATER).block(WAIT);
      TaskAction marked = store().get(a).block(WAIT);
      store().removeFinalizer(a).block(WAIT);

      assertThat(seen).hasSize(5);
      assertThat(seen.subList(0, 3))
          .containsExactly(
              new TaskActionChange.Written(created),
              new TaskActionChange.Written(held),
              new TaskActionChange.Written(marked));
      assertThat(((TaskActionChange.Written) seen.get(3)).current())
          .satisfies(
              released -> {
                assertThat(released.status().finalizer()).isFalse();
                assertThat(released.resourceVersion()).isGreaterThan(marked.resourceVersion());
              });
      assertThat(seen.get(4)).isEqualTo(new TaskActionChange.Removed(a));
    } finally {
      subscription.dispose();
    }
  }

  @Test
  void givenLateSubscriber_WhenNothingChanges_ThenNothingReplayed() {
    RunId run = newRun();
    ActionId a = ActionId.root(run);
    ActionId b = new ActionId(run, "b");
    store().create(fullSpec(a)).block(WAIT);

    StepVerifier.create(
            store().changes().map(TaskActionChange::action).filter(id -> id.run().equals(run)))
        .then(() -> store().create(minimalSpec(b, null)).block(WAIT))
        .expectNext(b)
        .thenCancel()
        .verify(WAIT);
  }

  // --- restart ---

  @Test
  void givenStoredActions_WhenStoreRestarted_ThenTheyAreThereToResume() {
    RunId run = newRun();
    ActionId id = ActionId.root(run);
    TaskAction created = store().create(fullSpec(id)).block(WAIT);
    TaskAction running =
        store()
            .updateStatus(created.withStatus(runningStatus().toBuilder().finalizer(true).build()))
            .block(WAIT);

    TaskActionStore restarted = newInstance();

    StepVerifier.create(restarted.get(id)).expectNext(running).verifyComplete();
    assertThat(
            restarted
                .listActive()
                .filter(a -> a.spec().action().run().equals(run))
                .collectList()
                .block(WAIT))
        .containsExactly(running);
    StepVerifier.create(restarted.create(fullSpec(id))).expectNext(running).verifyComplete();
    TaskAction resumed =
        restarted
            .updateStatus(
                running.withStatus(
                    running.status().toBuilder()
                        .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
                        .build()))
            .block(WAIT);
    assertThat(resumed.status().phase()).isEqualTo(ActionPhase.SUCCEEDED);
    StepVerifier.create(store().get(id)).expectNext(resumed).verifyComplete();
  }

  // --- helpers ---

  protected List<TaskAction> activeIn(RunId run) {
    return store()
        .listActive()
        .filter(action -> action.spec().action().run().equals(run))
        .collectList()
        .block(WAIT);
  }

  private void updateIgnoringConflict(TaskAction current, long wrongVersion) {
    TaskAction stale =
        new TaskAction(
            current.spec(),
            runningStatus(),
            current.deletionRequestedAt(),
            current.deletionReason(),
            wrongVersion);
    StepVerifier.create(store().updateStatus(stale))
        .expectError(ConcurrentModification.class)
        .verify(WAIT);
  }

  protected static RunId newRun() {
    return RunId.of(
        "proj",
        "development",
        "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
  }

  /** Every optional field set (the raw data prefix too); the root action of its run. */
  protected static TaskActionSpec fullSpec(ActionId id) {
    return fullSpec(id, id.isRoot() ? null : ActionId.root(id.run()));
  }

  protected static TaskActionSpec fullSpec(ActionId id, ActionId parent) {
    return new TaskActionSpec(
        id,
        parent,
        ActionType.TASK,
        "s3://bucket/proj/development/" + id.run().name() + "/inputs",
        "s3://bucket/proj/development/" + id.run().name() + "/",
        "container",
        "my.task",
        Bytes.of(new byte[] {10, 3, 'a', 'b', 'c', 0, (byte) 0x80}),
        "cache-key-0123",
        "group-a",
        Map.of("GREETING", "hello \"world\"", "EMPTY", "", "UNICODE", "ünïcødé"),
        CREATED,
        "s3://raw-bucket/shared/raw");
  }

  /** Every nullable field null, every collection and byte string empty. */
  protected static TaskActionSpec minimalSpec(ActionId id, ActionId parent) {
    return new TaskActionSpec(
        id,
        parent,
        ActionType.TASK,
        null,
        null,
        null,
        null,
        Bytes.EMPTY,
        null,
        null,
        Map.of(),
        CREATED);
  }

  protected static TaskActionStatus runningStatus() {
    return TaskActionStatus.queued(CREATED).toBuilder()
        .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, "running on the local executor")
        .pluginState(Bytes.of(new byte[] {1, 2, 3, 4}))
        .eventVersion(7)
        .cacheStatus(CacheStatus.MISS)
        .attemptStartedAt(CREATED.plusMillis(250))
        .updatedAt(LATER)
        .logs(
            List.of(
                new TaskLog("stdout", "file:///tmp/aloft/logs/stdout.log"),
                new TaskLog("stderr", "file:///tmp/aloft/logs/stderr.log")))
        .build();
  }
}
