package io.aloft.adapters.postgres.eventstore;

import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Routes plain domain commands to their aggregate. Domain commands carry no Axon annotations (the
 * domain depends on the JDK only), so the target comes from their typed identifiers instead of
 * {@code @TargetAggregateIdentifier}.
 */
public final class DomainCommandTargetResolver implements CommandTargetResolver {

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    return new VersionedAggregateIdentifier(streamOf(command.getPayload()), null);
  }

  static String streamOf(Object payload) {
    return switch (payload) {
      case ActionCommand c -> AggregateIds.of(c.actionId());
      case ProjectCommand c -> AggregateIds.of(c.projectId());
      case TaskCommand c -> AggregateIds.of(c.taskId());
      default ->
          throw new IllegalArgumentException(
              "no aggregate handles " + payload.getClass().getName());
    };
  }
}
