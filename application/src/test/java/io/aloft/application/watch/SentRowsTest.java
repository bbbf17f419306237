package io.aloft.application.watch;

import static io.aloft.application.watch.Views.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentRowsTest {

  @Test
  void givenChildrenBeforeParents_WhenAdmitted_ThenParentsComeFirst() {
    SentRows sent = new SentRows();
    List<ActionView> admitted =
        sent.admit(
            List.of(
                row("c2", "c1", ActionPhase.QUEUED, 3),
                row("c1", "a0", ActionPhase.QUEUED, 2),
                row("a0", null, ActionPhase.RUNNING, 1)));
    assertThat(admitted).extracting(v -> v.id().name()).containsExactly("a0", "c1", "c2");
  }

  @Test
  void givenRowAlreadySent_WhenSameOrOlderVersionArrives_ThenDropped() {
    SentRows sent = new SentRows();
    sent.admit(List.of(row("a0", null, ActionPhase.RUNNING, 5)));
    assertThat(sent.admit(List.of(row("a0", null, ActionPhase.RUNNING, 5)))).isEmpty();
    assertThat(sent.admit(List.of(row("a0", null, ActionPhase.QUEUED, 4)))).isEmpty();
    assertThat(sent.admit(List.of(row("a0", null, ActionPhase.SUCCEEDED, 6)))).hasSize(1);
  }
}
