package io.aloft.adapters.connect.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.id.ActionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The row selection and mapping of WatchForUpdates; the stream itself is tested end to end. */
class ChildUpdatesTest {

  @Test
  void givenRowsOfARun_WhenSelected_ThenOnlyTheParentAndItsDirectChildren() {
    ActionView root = TestData.rootAction(ActionPhase.RUNNING);
    ActionView child = TestData.child("a1", ActionType.TASK, root.task(), root.spec());
    ActionView grandchild = childOf(child.id(), "a2", 3L);

    assertThat(ChildUpdates.isParentOrChild(root, TestData.ROOT)).isTrue();
    assertThat(ChildUpdates.isParentOrChild(child, TestData.ROOT)).isTrue();
    assertThat(ChildUpdates.isParentOrChild(grandchild, TestData.ROOT)).isFalse();
    assertThat(ChildUpdates.isParentOrChild(grandchild, child.id())).isTrue();
    assertThat(ChildUpdates.isParentOrChild(root, child.id())).isFalse();
  }

  @Test
  void givenRowVersions_WhenAdmitted_ThenEachVersionIsSentOnceAndOldOnesNever() {
    var sent = new ChildUpdates.SentVersions();
    ActionId parent = TestData.ROOT;

    assertThat(sent.admit(childOf(parent, "a1", 5L))).isTrue();
    assertThat(sent.admit(childOf(parent, "a1", 5L))).isFalse();
    assertThat(sent.admit(childOf(parent, "a1", 4L))).isFalse();
    assertThat(sent.admit(childOf(parent, "a1", 6L))).isTrue();
    assertThat(sent.admit(childOf(parent, "a2", 1L))).isTrue();
  }

  @Test
  void givenAFailedChild_WhenMapped_ThenIdPhaseErrorAndOutput() {
    ActionView failed = childOf(TestData.ROOT, "a1", 5L);

    var update = ChildUpdates.update(failed);

    assertThat(update.getActionId().getName()).isEqualTo("a1");
    assertThat(update.getPhase().name()).isEqualTo("ACTION_PHASE_FAILED");
    assertThat(update.getError().getCode()).isEqualTo("E1");
    assertThat(update.getOutputUri()).isEqualTo("s3://out/a1");
    assertThat(ChildUpdates.SENTINEL.getControlMessage().getSentinel()).isTrue();
  }

  private static ActionView childOf(ActionId parent, String name, long position) {
    ActionView root = TestData.rootAction(ActionPhase.RUNNING);
    return new ActionView(
        new ActionId(parent.run(), name),
        parent,
        ActionType.TASK,
        root.task(),
        null,
        root.inputUri(),
        root.runOutputBase(),
        null,
        null,
        null,
        null,
        null,
        ActionPhase.FAILED,
        1,
        CacheStatus.UNSPECIFIED,
        new ExecutionError("E1", "m", ErrorKind.USER, null, null),
        null,
        "s3://out/" + name,
        TestData.T0,
        null,
        TestData.T0,
        null,
        null,
        Map.of(),
        position,
        position);
  }
}
