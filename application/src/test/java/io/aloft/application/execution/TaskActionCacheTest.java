package io.aloft.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskActionCacheTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final ActionId ID = ActionId.root(RunId.of("p", "development", "r1"));

  private final TaskActionCache cache = new TaskActionCache();

  @Test
  void aNewerVersionReplacesTheCopyAndAnOlderOneArrivingLateIsIgnored() {
    assertThat(cache.offer(queued(1), NOW)).isTrue();
    assertThat(cache.apply(new TaskActionChange.Written(running(3)), NOW)).isTrue();
    assertThat(cache.apply(new TaskActionChange.Written(queued(2)), NOW)).isFalse();

    assertThat(cache.live(ID).resourceVersion()).isEqualTo(3);
  }

  @Test
  void aSettledActionNeedsNoPassAndALateOlderChangeCannotReviveIt() {
    cache.offer(running(3), NOW);

    assertThat(cache.apply(new TaskActionChange.Written(succeeded(4)), NOW)).isFalse();
    assertThat(cache.apply(new TaskActionChange.Written(running(3)), NOW)).isFalse();

    assertThat(cache.isSettled(ID)).isTrue();
    assertThat(cache.live(ID)).isNull();
  }

  @Test
  void aDeletionRequestAfterSettlingNeedsAPassAgain() {
    cache.offer(succeeded(4), NOW);
    TaskAction marked = new TaskAction(succeeded(4).spec(), succeeded(4).status(), NOW, "abort", 5);

    assertThat(cache.apply(new TaskActionChange.Written(marked), NOW)).isTrue();
    assertThat(cache.live(ID)).isEqualTo(marked);
  }

  @Test
  void aRemovedOrEvictedActionIsUnknownSoThePassReadsTheStore() {
    cache.offer(running(3), NOW);
    assertThat(cache.apply(new TaskActionChange.Removed(ID), NOW)).isTrue();
    assertThat(cache.live(ID)).isNull();
    assertThat(cache.isSettled(ID)).isFalse();

    cache.offer(running(3), NOW);
    cache.evict(ID);
    assertThat(cache.size()).isZero();
  }

  @Test
  void settledMarkersArePrunedOnceOldEnoughToBeCollected() {
    cache.offer(succeeded(4), NOW);
    ActionId other = new ActionId(ID.run(), "a1");
    cache.offer(withId(other, running(2)), NOW.plus(Duration.ofHours(2)));

    cache.pruneSettledBefore(NOW.plus(Duration.ofHours(1)));

    assertThat(cache.isSettled(ID)).isFalse();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theLiveChildrenOfAnActionAreFoundForItsDeletionToCascade() {
    ActionId child = new ActionId(ID.run(), "c0");
    ActionId settledChild = new ActionId(ID.run(), "c1");
    cache.offer(running(3), NOW);
    cache.offer(childOf(ID, child, running(2)), NOW);
    cache.offer(childOf(ID, settledChild, succeeded(2)), NOW);

    assertThat(cache.liveChildrenOf(ID))
        .extracting(action -> action.spec().action())
        .containsExactly(child);
    assertThat(cache.liveChildrenOf(child)).isEmpty();
  }

  private static TaskAction childOf(ActionId parent, ActionId id, TaskAction action) {
    TaskActionSpec base = spec(id);
    TaskActionSpec withParent =
        new TaskActionSpec(
            id,
            parent,
            base.type(),
            base.inputUri(),
            base.runOutputBase(),
            base.taskType(),
            base.shortName(),
            base.spec(),
            base.cacheKey(),
            base.group(),
            base.envVars(),
            base.createdAt());
    return new TaskAction(withParent, action.status(), null, null, action.resourceVersion());
  }

  private static TaskAction queued(long version) {
    TaskAction created = TaskAction.create(spec(ID));
    return new TaskAction(created.spec(), created.status(), null, null, version);
  }

  private static TaskAction running(long version) {
    TaskAction base = queued(version);
    return base.withStatus(
        base.status().toBuilder()
            .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, null)
            .finalizer(true)
            .build());
  }

  private static TaskAction succeeded(long version) {
    TaskAction base = queued(version);
    return base.withStatus(
        base.status().toBuilder()
            .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
            .build());
  }

  private static TaskAction withId(ActionId id, TaskAction action) {
    return new TaskAction(spec(id), action.status(), null, null, action.resourceVersion());
  }

  private static TaskActionSpec spec(ActionId id) {
    return new TaskActionSpec(
        id,
        null,
        ActionType.TASK,
        "s3://b/in",
        "s3://b/out",
        "noop",
        "t",
        Bytes.of(new byte[] {1}),
        null,
        null,
        Map.of(),
        NOW);
  }
}
