package io.aloft.application.run;

import static io.aloft.application.watch.Views.id;
import static io.aloft.application.watch.Views.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbortUseCaseTest {

  @Test
  void givenTree_WhenAbortingAMiddleAction_ThenOnlyItsSubtreeIsTargeted() {
    var tree =
        List.of(
            row("a0", null, ActionPhase.RUNNING, 1),
            row("b", "a0", ActionPhase.RUNNING, 2),
            row("b1", "b", ActionPhase.QUEUED, 3),
            row("c", "a0", ActionPhase.RUNNING, 4),
            row("b11", "b1", ActionPhase.QUEUED, 5));
    assertThat(AbortUseCase.targetAndDescendants(id("b"), tree))
        .extracting(v -> v.id().name())
        .containsExactly("b", "b1", "b11");
  }
}
