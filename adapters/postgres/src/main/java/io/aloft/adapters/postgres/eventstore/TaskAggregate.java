package io.aloft.adapters.postgres.eventstore;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

import io.aloft.domain.task.DeployTask;
import io.aloft.domain.task.Task;
import io.aloft.domain.task.TaskEvent;
import io.aloft.domain.task.TaskState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Axon's shell around the pure {@link Task} decide/evolve functions: one stream per version. */
@Aggregate(commandTargetResolver = "domainCommandTargetResolver", cache = "aloftAggregateCache")
public class TaskAggregate {

  @AggregateIdentifier private String streamId;
  private TaskState state;

  protected TaskAggregate() {}

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(DeployTask command) {
    Task.decide(command, state).forEach(AggregateLifecycle::apply);
  }

  @EventSourcingHandler
  void on(TaskEvent event) {
    streamId = AggregateIds.of(event.taskId());
    state = Task.evolve(state, event);
  }
}
