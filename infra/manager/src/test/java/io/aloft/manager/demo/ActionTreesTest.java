package io.aloft.manager.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.run.v1.Action;
import io.aloft.proto.run.v1.ActionMetadata;
import io.aloft.proto.run.v1.ActionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionTreesTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void rendersEachRunAsATreeWithPhasesAndAttempts() {
    ActionTrees trees = new ActionTrees(Map.of("fanout-x", 1), true);

    trees.apply(
        List.of(
            update("fanout-x", "a0", "", ActionPhase.ACTION_PHASE_RUNNING, 1),
            update("fanout-x", "sq-10", "a0", ActionPhase.ACTION_PHASE_QUEUED, 1),
            update("fanout-x", "sq-2", "a0", ActionPhase.ACTION_PHASE_SUCCEEDED, 1)),
        T0);

    assertThat(trees.render(Set.of("fanout-x"), Duration.ofMillis(1200)))
        .containsExactly(
            "   1.2s  fanout-x  a0  RUNNING    attempt 1",
            "                   ├─ sq-2   SUCCEEDED  attempt 1",
            "                   └─ sq-10  QUEUED     attempt 1");
  }

  @Test
  void aRunIsOverWhenItsRootAndEveryChildEnded() {
    ActionTrees trees = new ActionTrees(Map.of("r", 1), false);
    trees.apply(
        List.of(
            update("r", "a0", "", ActionPhase.ACTION_PHASE_SUCCEEDED, 1),
            update("r", "c1", "a0", ActionPhase.ACTION_PHASE_RUNNING, 1)),
        T0);
    assertThat(trees.allDone(T0)).isFalse();

    Set<String> changed =
        trees.apply(List.of(update("r", "c1", "a0", ActionPhase.ACTION_PHASE_SUCCEEDED, 1)), T0);

    assertThat(changed).containsExactly("r");
    assertThat(trees.allDone(T0)).isTrue();
    assertThat(trees.children("r")).containsEntry("c1", ActionPhase.ACTION_PHASE_SUCCEEDED);
  }

  @Test
  void aFailedRootWithAttemptsLeftIsAwaitedForItsRetry() {
    ActionTrees trees = new ActionTrees(Map.of("flaky-x", 2), false);
    trees.apply(List.of(update("flaky-x", "a0", "", ActionPhase.ACTION_PHASE_FAILED, 1)), T0);

    assertThat(trees.allDone(T0.plusMillis(500))).isFalse();
    assertThat(trees.allDone(T0.plus(ActionTrees.RETRY_GRACE).plusMillis(1))).isTrue();
  }

  private static ActionTrees.Update update(
      String run, String name, String parent, ActionPhase phase, int attempts) {
    Action action =
        Action.newBuilder()
            .setId(ActionIdentifier.newBuilder().setName(name))
            .setMetadata(ActionMetadata.newBuilder().setParent(parent))
            .setStatus(ActionStatus.newBuilder().setPhase(phase).setAttempts(attempts))
            .build();
    return new ActionTrees.Update(run, action);
  }
}
