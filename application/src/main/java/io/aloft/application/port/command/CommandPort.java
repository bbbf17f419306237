package io.aloft.application.port.command;

import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
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

  Mono<Void> send(ProjectCommand command);

  Mono<Void> send(TaskCommand command);
}
