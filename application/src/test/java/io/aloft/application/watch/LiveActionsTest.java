package io.aloft.application.watch;

import static io.aloft.application.watch.Views.id;
import static io.aloft.application.watch.Views.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.data.Fakes;
import io.aloft.application.port.notify.ChangeBatch;
import io.aloft.application.port.query.ActionView;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.id.ActionId;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class LiveActionsTest {

  private final Sinks.Many<ChangeBatch> sink = Sinks.many().multicast().directBestEffort();
  private final Fakes.Queries queries = new Fakes.Queries();
  private final LiveActions live = new LiveActions(new DirtyActions(sink::asFlux), queries);

  /**
   * Under load WatchRuns re-read one tiny set per change, queued up to 256 of them and fell behind
   * by minutes, then re-read everything it had not taken in one set too big to read: each re-read
   * must take everything marked while the previous one ran.
   */
  @Test
  void givenSlowReReads_WhenChangesKeepComing_ThenEachTakesAllMarkedMeanwhile() {
    queries.findAllTime = Duration.ofSeconds(1);
    StepVerifier.withVirtualTime(() -> live.watch(id -> true, Flux.empty()))
        .expectSubscription()
        .then(
            () ->
                Flux.interval(Duration.ofMillis(100))
                    .take(100)
                    .subscribe(n -> change("a" + n, n + 1)))
        // The last change comes at 9.9 s; at most two re-reads of 1 s later it is out.
        .thenAwait(Duration.ofMillis(11_900))
        .expectNextCount(100)
        .thenCancel()
        .verify(Duration.ofSeconds(5));
    assertThat(queries.findAllCalls).hasSizeLessThanOrEqualTo(12);
  }

  /** Marking starts before the snapshot is subscribed; publish() subscribed to changes after it. */
  @Test
  void givenSnapshot_WhenRowChangesAsItStarts_ThenTheChangeFollows() {
    queries.rows.put(id("a0"), row("a0", null, ActionPhase.QUEUED, 1));
    Flux<ActionView> snapshot =
        Flux.defer(
            () -> {
              change("a0", 2);
              return Flux.just(row("a0", null, ActionPhase.QUEUED, 1));
            });
    StepVerifier.create(live.watch(id -> true, snapshot))
        .assertNext(view -> assertThat(view.version()).isEqualTo(1))
        .assertNext(view -> assertThat(view.version()).isEqualTo(2))
        .thenCancel()
        .verify(Duration.ofSeconds(5));
  }

  private void change(String name, long version) {
    ActionId id = id(name);
    queries.rows.put(id, row(name, null, ActionPhase.RUNNING, version));
    sink.tryEmitNext(new ChangeBatch(version, Set.of(id)));
  }
}
