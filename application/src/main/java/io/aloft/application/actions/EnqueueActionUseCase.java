package io.aloft.application.actions;

import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.run.RunReader;
import io.aloft.application.watch.ProjectionSync;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * ActionsService.Enqueue: a running action creates a child. The parent must exist (its row may
 * trail its creation by a moment, so we wait briefly) and must not have finished.
 */
public final class EnqueueActionUseCase {

  private static final Duration PARENT_WAIT = Duration.ofSeconds(5);

  private final CommandPort commands;
  private final ProjectionSync sync;

  public EnqueueActionUseCase(CommandPort commands, ProjectionSync sync) {
    this.commands = commands;
    this.sync = sync;
  }

  public Mono<ActionView> enqueue(CreateAction command) {
    if (command.parent() == null) {
      return Mono.error(
          new InvalidArgument(
              "parent_action_name is required; root actions are created by RunService.CreateRun"));
    }
    return sync.awaitExisting(command.parent(), PARENT_WAIT)
        .switchIfEmpty(Mono.error(() -> RunReader.missing(command.parent())))
        .flatMap(parent -> requireRunning(parent).then(commands.send(command)))
        .then(sync.await(command.actionId(), row -> true));
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
