package io.aloft.adapters.postgres.eventstore;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

import io.aloft.domain.project.CreateProject;
import io.aloft.domain.project.Project;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.project.ProjectEvent;
import io.aloft.domain.project.ProjectState;
import io.aloft.domain.project.UpdateProject;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Axon's shell around the pure {@link Project} decide/evolve functions. */
@Aggregate(commandTargetResolver = "domainCommandTargetResolver", cache = "aloftAggregateCache")
public class ProjectAggregate {

  @AggregateIdentifier private String streamId;
  private ProjectState state;

  protected ProjectAggregate() {}

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(CreateProject command) {
    decide(command);
  }

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(UpdateProject command) {
    decide(command);
  }

  private void decide(ProjectCommand command) {
    Project.decide(command, state).forEach(AggregateLifecycle::apply);
  }

  @EventSourcingHandler
  void on(ProjectEvent event) {
    streamId = AggregateIds.of(event.projectId());
    state = Project.evolve(state, event);
  }
}
