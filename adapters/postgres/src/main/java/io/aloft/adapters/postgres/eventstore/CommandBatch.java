package io.aloft.adapters.postgres.eventstore;

import io.aloft.domain.action.ActionCommand;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Runs several commands in one unit of work and one transaction. Each command is dispatched in a
 * nested unit of work, which Axon commits with the root: the events of every command are appended
 * together, or not at all. Blocking; call it on the command scheduler.
 */
final class CommandBatch {

  // Stable sort: one action's commands keep their order; aggregates are locked in one global
  // order, so two concurrent batches can never deadlock on each other's locks.
  private static final Comparator<ActionCommand> LOCK_ORDER =
      Comparator.comparing(command -> command.actionId().key());

  private final CommandGateway gateway;
  private final TransactionManager transactions;

  CommandBatch(CommandGateway gateway, TransactionManager transactions) {
    this.gateway = gateway;
    this.transactions = transactions;
  }

  void apply(List<? extends ActionCommand> commands) {
    List<? extends ActionCommand> ordered = commands.stream().sorted(LOCK_ORDER).toList();
    UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command-batch"));
    try {
      root.attachTransaction(transactions);
      for (ActionCommand command : ordered) {
        gateway.sendAndWait(command);
      }
    } catch (RuntimeException e) {
      root.rollback(e);
      throw e;
    }
    root.commit();
  }
}
