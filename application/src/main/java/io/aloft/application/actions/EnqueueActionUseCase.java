package io.aloft.application.actions;

import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.run.RunReader;
import io.aloft.application.watch.ProjectionSync;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * ActionsService.Enqueue: a running action creates a child. The parent must exist (its row may
 * trail its creation by a moment, so we wait briefly) and must not have finished. The child is
 * handed to the executor as soon as its creation is stored; like the reference, the call does not
 * wait for the read model to show it (the response carries nothing), which saves two reads and a
 * wait per child on the fan-out path.
 */
public final class EnqueueActionUseCase {

  private static final Duration PARENT_WAIT = Duration.ofSeconds(5);

  private static final Set<ActionPhase> NOT_YET_RUNNING =
      Set.of(ActionPhase.QUEUED, ActionPhase.WAITING_FOR_RESOURCES, ActionPhase.INITIALIZING);

  private final CommandPort commands;
  private final ProjectionSync sync;
  private final ActionDispatcher dispatcher;
  private final Clock clock;

  public EnqueueActionUseCase(
      CommandPort commands, ProjectionSync sync, ActionDispatcher dispatcher, Clock clock) {
    this.commands = commands;
    this.sync = sync;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  public Mono<Void> enqueue(CreateAction command) {
    if (command.parent() == null) {
      return Mono.error(
          new InvalidArgument(
              "parent_action_name is required; root actions are created by RunService.CreateRun"));
    }
    return sync.awaitExisting(command.parent(), PARENT_WAIT)
        .switchIfEmpty(Mono.error(() -> RunReader.missing(command.parent())))
        .flatMap(
            parent ->
                requireRunning(parent)
                    .then(commands.send(command))
                    .then(dispatcher.dispatch(command, parent))
                    .then(promote(parent)));
  }

  /**
   * The first child shows its parent is running, even if the parent's executor has not said so yet.
   * Version 0 is reserved for this event, so it never collides with the executor's own.
   */
  private Mono<Void> promote(ActionView parent) {
    if (!NOT_YET_RUNNING.contains(parent.phase())) {
      return Mono.empty();
    }
    Instant now = clock.instant();
    return commands.send(
        new RecordActionEvent(
            parent.id(),
            new EventKey(parent.attempts(), ActionPhase.RUNNING, 0),
            now,
            now,
            null,
            List.of(),
            null,
            CacheStatus.UNSPECIFIED,
            null));
  }

  private static Mono<Void> requireRunning(ActionView parent) {
    return parent.phase().isTerminal()
        ? Mono.error(
            new FailedPrecondition(
                "parent action "
                    + parent.id().key()
                    + " already finished ("
                    + parent.phase()
                    + "); children can only be enqueued under a running action"))
        : Mono.empty();
  }
}
