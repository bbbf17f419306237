package io.aloft.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class EventBatcherTest {

  /** Records each call; a call waits for {@link #release} so tests control when it ends. */
  private static final class RecordingCommands implements CommandPort {
    final List<List<? extends ActionCommand>> calls = new CopyOnWriteArrayList<>();
    Sinks.Empty<Void> release = Sinks.empty();
    ActionId poison;

    @Override
    public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
      calls.add(List.copyOf(commands));
      if (commands.stream().anyMatch(c -> c.actionId().equals(poison))) {
        return Mono.error(new InvalidArgument("poisoned"));
      }
      return release.asMono();
    }

    @Override
    public Mono<Void> send(ActionCommand command) {
      return sendAll(List.of(command));
    }

    @Override
    public Mono<Void> send(ProjectCommand command) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> send(TaskCommand command) {
      return Mono.empty();
    }
  }

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final RecordingCommands commands = new RecordingCommands();

  private EventBatcher batcher(int max, Duration linger) {
    return new EventBatcher(new RecordEventsUseCase(commands), max, linger, time);
  }

  @Test
  void eventsWaitForTheLingerThenLeaveTogether() {
    EventBatcher batcher = batcher(10, Duration.ofMillis(25));
    commands.release.tryEmitEmpty();

    StepVerifier.create(
            batcher.submit(List.of(event("a1", 1))).and(batcher.submit(List.of(event("a2", 1)))))
        .then(() -> assertThat(commands.calls).isEmpty())
        .then(() -> time.advanceTimeBy(Duration.ofMillis(25)))
        .verifyComplete();

    assertThat(commands.calls).singleElement().satisfies(call -> assertThat(call).hasSize(2));
  }

  @Test
  void aFullBatchLeavesAtOnce() {
    EventBatcher batcher = batcher(2, Duration.ofSeconds(1));
    commands.release.tryEmitEmpty();

    StepVerifier.create(batcher.submit(List.of(event("a1", 1), event("a1", 2)))).verifyComplete();

    assertThat(commands.calls).hasSize(1);
  }

  @Test
  void oneBatchIsInFlightAtATimeAndOrderIsKept() {
    EventBatcher batcher = batcher(100, Duration.ZERO);
    List<String> done = new CopyOnWriteArrayList<>();

    batcher.submit(List.of(event("a1", 1))).doOnSuccess(v -> done.add("first")).subscribe();
    batcher.submit(List.of(event("a1", 2))).doOnSuccess(v -> done.add("second")).subscribe();
    batcher.submit(List.of(event("a1", 3))).doOnSuccess(v -> done.add("third")).subscribe();
    assertThat(commands.calls).hasSize(1);

    Sinks.Empty<Void> first = commands.release;
    commands.release = Sinks.empty();
    commands.release.tryEmitEmpty();
    first.tryEmitEmpty();

    assertThat(done).containsExactly("first", "second", "third");
    assertThat(commands.calls).hasSize(2);
    assertThat(versions(commands.calls.get(1))).containsExactly(2, 3);
  }

  @Test
  void aFailingGroupFailsOnlyItsOwnSubmitter() {
    EventBatcher batcher = batcher(100, Duration.ofMillis(5));
    commands.release.tryEmitEmpty();
    commands.poison = ActionId.of("p", "development", "r1", "bad");

    List<Object> outcomes = new CopyOnWriteArrayList<>();
    batcher
        .submit(List.of(event("a1", 1)))
        .subscribe(null, outcomes::add, () -> outcomes.add("good"));
    batcher
        .submit(List.of(event("bad", 1)))
        .subscribe(null, outcomes::add, () -> outcomes.add("bad"));
    time.advanceTimeBy(Duration.ofMillis(5));

    assertThat(outcomes).hasSize(2).contains("good");
    assertThat(outcomes).anySatisfy(o -> assertThat(o).isInstanceOf(InvalidArgument.class));
    assertThat(commands.calls).hasSize(3); // the batch, then each group alone
  }

  private static List<Integer> versions(List<? extends ActionCommand> call) {
    return call.stream().map(c -> ((RecordActionEvent) c).key().version()).toList();
  }

  private static RecordActionEvent event(String action, int version) {
    return new RecordActionEvent(
        ActionId.of("p", "development", "r1", action),
        new EventKey(1, ActionPhase.RUNNING, version),
        Instant.EPOCH,
        null,
        null,
        List.of(),
        null,
        CacheStatus.UNSPECIFIED,
        null);
  }
}
