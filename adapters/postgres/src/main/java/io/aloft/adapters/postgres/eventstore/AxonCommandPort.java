package io.aloft.adapters.postgres.eventstore;

import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.extensions.reactor.commandhandling.gateway.ReactorCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Sends domain commands through Axon. Axon's command handling is blocking JDBC work, so dispatch
 * happens on a bounded scheduler sized to the connection pool, never on an event-loop thread. An
 * optimistic-lock conflict (another writer appended to the same stream first) is retried: the
 * command is re-decided against the fresh state, which is what makes concurrent appends safe.
 */
public final class AxonCommandPort implements CommandPort {

  private static final int CONFLICT_RETRIES = 8;

  private final ReactorCommandGateway gateway;
  private final CommandBatch batch;
  private final Scheduler scheduler;
  private final Duration timeout;

  public AxonCommandPort(
      ReactorCommandGateway gateway,
      CommandGateway blockingGateway,
      TransactionManager transactions,
      Scheduler scheduler,
      Duration timeout) {
    this.gateway = gateway;
    this.batch = new CommandBatch(blockingGateway, transactions);
    this.scheduler = scheduler;
    this.timeout = timeout;
  }

  @Override
  public Mono<Void> send(ActionCommand command) {
    return dispatch(command);
  }

  @Override
  public Mono<Void> send(ProjectCommand command) {
    return dispatch(command);
  }

  @Override
  public Mono<Void> send(TaskCommand command) {
    return dispatch(command);
  }

  @Override
  public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
    if (commands.size() == 1) {
      return dispatch(commands.getFirst());
    }
    return resilient(Mono.fromRunnable(() -> batch.apply(commands)).subscribeOn(scheduler));
  }

  private Mono<Void> dispatch(Object command) {
    return resilient(Mono.defer(() -> gateway.send(command)).subscribeOn(scheduler));
  }

  private Mono<Void> resilient(Mono<?> call) {
    return call.then()
        .timeout(timeout)
        .retryWhen(
            Retry.backoff(CONFLICT_RETRIES, Duration.ofMillis(5))
                .jitter(0.5)
                .filter(AxonCommandPort::isLostRace)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .onErrorMap(error -> !(error instanceof DomainError), AxonCommandPort::translate);
  }

  /** Another writer appended to (or created) the same stream first: re-deciding may succeed. */
  static boolean isLostRace(Throwable error) {
    return error instanceof ConcurrencyException
        || error instanceof AggregateStreamCreationException;
  }

  static Throwable translate(Throwable error) {
    if (isLostRace(error)) {
      return new ConcurrentModification(
          "another writer kept changing the same item; retry the request", error);
    }
    if (error instanceof TimeoutException) {
      return new Unavailable("the event store did not answer in time; retry the request", error);
    }
    if (error.getCause() instanceof DomainError domainError) {
      return domainError;
    }
    return error;
  }
}
