package io.aloft.adapters.postgres.eventstore;

import static org.axonframework.modelling.command.AggregateCreationPolicy.CREATE_IF_MISSING;

import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.Action;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionEvent;
import io.aloft.domain.action.ActionState;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.RecordActionEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Axon's shell around the pure {@link Action} decide/evolve functions: it loads the stream, asks
 * the domain what happened, and appends that. Every handler may create the stream, so the domain
 * alone decides whether a missing action is an error (record, abort) or a start (create).
 */
@Aggregate(commandTargetResolver = "domainCommandTargetResolver", cache = "aloftAggregateCache")
public class ActionAggregate {

  @AggregateIdentifier private String streamId;
  private ActionState state;

  protected ActionAggregate() {}

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(CreateAction command) {
    decide(command);
  }

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(RecordActionEvent command) {
    decide(command);
  }

  @CommandHandler
  @CreationPolicy(CREATE_IF_MISSING)
  public void handle(AbortAction command) {
    decide(command);
  }

  private void decide(ActionCommand command) {
    Action.decide(command, state).forEach(AggregateLifecycle::apply);
  }

  @EventSourcingHandler
  void on(ActionEvent event) {
    streamId = AggregateIds.of(event.actionId());
    state = Action.evolve(state, event);
  }
}
