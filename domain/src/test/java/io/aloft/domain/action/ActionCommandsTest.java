package io.aloft.domain.action;

import static io.aloft.domain.action.ActionFixtures.CHILD;
import static io.aloft.domain.action.ActionFixtures.ROOT;
import static io.aloft.domain.action.ActionFixtures.T0;
import static io.aloft.domain.action.ActionFixtures.TASK;
import static io.aloft.domain.action.ActionFixtures.createRoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionCommandsTest {

  private static CreateAction create(ActionId id, ActionId parent, ActionType type, TaskRef task) {
    return new CreateAction(
        id, parent, type, task, "in", "out/", null, null, null, null, null, null, T0);
  }

  private static RecordActionEvent event(EventKey key) {
    return new RecordActionEvent(
        ROOT, key, T0, null, null, List.of(), null, CacheStatus.UNSPECIFIED, null);
  }

  @Test
  void givenChildWithParentInSameRun_WhenCreated_ThenAccepted() {
    assertThat(create(CHILD, ROOT, ActionType.TRACE, null).parent()).isEqualTo(ROOT);
  }

  @Test
  void givenRootWithParent_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> create(ROOT, CHILD, ActionType.TASK, TASK))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("is the root of its run and cannot have a parent");
  }

  @Test
  void givenChildWithoutParent_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> create(CHILD, null, ActionType.TASK, TASK))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(
            "action flytesnacks/development/rabc/n1 needs a parent; set the parent (the root"
                + " action is a0)");
  }

  @Test
  void givenParentInAnotherRun_WhenCreated_ThenInvalidArgument() {
    var otherRoot = ActionId.root(RunId.of("flytesnacks", "development", "rother"));

    assertThatThrownBy(() -> create(CHILD, otherRoot, ActionType.TASK, TASK))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("must be in the same run");
  }

  @Test
  void givenOwnParent_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> create(CHILD, CHILD, ActionType.CONDITION, null))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("cannot be its own parent");
  }

  @Test
  void givenTaskTypeWithoutTask_WhenCreated_ThenInvalidArgument() {
    assertThatThrownBy(() -> create(ROOT, null, ActionType.TASK, null))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("has type TASK; set the task it runs");
  }

  @Test
  void givenSpecBytes_WhenCommandBuilt_ThenCopiedAndComparedByContent() {
    var spec = new byte[] {1, 2};
    var command =
        new CreateAction(
            ROOT,
            null,
            ActionType.TASK,
            TASK,
            "in",
            "out/",
            null,
            spec,
            null,
            null,
            null,
            null,
            T0);
    spec[0] = 9;
    command.spec()[0] = 9;

    assertThat(command.spec()).containsExactly(1, 2);
    assertThat(createRoot()).isEqualTo(createRoot()).hasSameHashCodeAs(createRoot());
    assertThat(ActionCreated.from(createRoot())).isEqualTo(ActionFixtures.rootCreated());
  }

  @Test
  void givenUnspecifiedPhase_WhenRecording_ThenInvalidArgument() {
    assertThatThrownBy(() -> event(new EventKey(1, ActionPhase.UNSPECIFIED, 0)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("phase must be set");
  }

  @Test
  void givenAttemptZero_WhenRecording_ThenInvalidArgument() {
    assertThatThrownBy(() -> event(new EventKey(0, ActionPhase.RUNNING, 0)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("attempt must be at least 1")
        .hasMessageContaining("(got 0)");
  }

  @Test
  void givenNegativeVersion_WhenRecording_ThenInvalidArgument() {
    assertThatThrownBy(() -> event(new EventKey(1, ActionPhase.RUNNING, -1)))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("version must not be negative");
  }

  @Test
  void givenNullOrBlankReason_WhenAborting_ThenDefaultReason() {
    assertThat(new AbortAction(ROOT, null, null, T0).reason()).isEqualTo("User requested abort");
    assertThat(new AbortAction(ROOT, "", null, T0).reason()).isEqualTo("User requested abort");
    assertThat(new AbortAction(ROOT, "oops", null, T0).reason()).isEqualTo("oops");
  }
}
