package io.aloft.application.watch;

import static io.aloft.application.watch.Views.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.port.notify.ChangeFeed;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class DirtyActionsTest {

  private final Sinks.Many<ChangeBatch> sink = Sinks.many().multicast().directBestEffort();
  private final ChangeFeed feed = sink::asFlux;

  @Test
  void givenSlowWatcher_WhenManyBatchesArrive_ThenTheyCoalesceIntoOneSet() {
    Flux<Set<ActionId>> changes = new DirtyActions(feed).watch(id -> true);
    StepVerifier.create(changes, 0)
        .then(() -> sink.tryEmitNext(new ChangeBatch(1, Set.of(id("a0")))))
        .then(() -> sink.tryEmitNext(new ChangeBatch(2, Set.of(id("c1")))))
        .then(() -> sink.tryEmitNext(new ChangeBatch(3, Set.of(id("a0"), id("c2")))))
        .thenRequest(1)
        .assertNext(ids -> assertThat(ids).containsExactlyInAnyOrder(id("a0"), id("c1"), id("c2")))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenDrainedSet_WhenMoreMarksArrive_ThenTheWatcherIsWokenAgain() {
    Flux<Set<ActionId>> changes = new DirtyActions(feed).watch(id -> true);
    StepVerifier.create(changes, 0)
        .then(() -> sink.tryEmitNext(new ChangeBatch(1, Set.of(id("a0")))))
        .thenRequest(1)
        .assertNext(ids -> assertThat(ids).containsExactly(id("a0")))
        .then(() -> sink.tryEmitNext(new ChangeBatch(2, Set.of(id("c1")))))
        .then(() -> sink.tryEmitNext(new ChangeBatch(3, Set.of(id("c2")))))
        .thenRequest(1)
        .assertNext(ids -> assertThat(ids).containsExactlyInAnyOrder(id("c1"), id("c2")))
        .thenRequest(1)
        .then(() -> sink.tryEmitNext(new ChangeBatch(4, Set.of(id("a0")))))
        .assertNext(ids -> assertThat(ids).containsExactly(id("a0")))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenInterestInOneAction_WhenOthersChange_ThenNothingIsSent() {
    Flux<Set<ActionId>> changes = new DirtyActions(feed).watch(id("c1")::equals);
    StepVerifier.create(changes)
        .then(() -> sink.tryEmitNext(new ChangeBatch(1, Set.of(id("a0")))))
        .then(() -> sink.tryEmitNext(new ChangeBatch(2, Set.of(id("c1")))))
        .assertNext(ids -> assertThat(ids).containsExactly(id("c1")))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void givenCancelledWatcher_ThenItLeavesTheFeed() {
    Flux<Set<ActionId>> changes = new DirtyActions(feed).watch(id -> true);
    StepVerifier.create(changes).thenCancel().verify(Duration.ofSeconds(5));
    assertThat(sink.currentSubscriberCount()).isZero();
  }
}
