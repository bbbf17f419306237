package io.aloft.application.port.command;

import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Sends commands to the event-sourced aggregates. Completes once the resulting events are durably
 * appended to the event store (or nothing was appended because the command was a no-op). Domain
 * rule violations arrive as {@link io.aloft.domain.error.DomainError}s; a lost optimistic-lock race
 * that survives the adapter's own retries arrives as {@link
 * io.aloft.domain.error.ConcurrentModification}.
 */
public interface CommandPort {

  Mono<Void> send(ActionCommand command);

  /**
   * Applies the commands in one transaction: all of them, or none when any fails. Commands for one
   * action are applied in the order given. One commit for many commands is what makes executor
   * batches cheap.
   */
  Mono<Void> sendAll(List<? extends ActionCommand> commands);

  Mono<Void> send(ProjectCommand command);

  Mono<Void> send(TaskCommand command);
}
