package io.aloft.adapters.kubernetes.scenario;

import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.ActionCommand;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.project.ProjectCommand;
import io.aloft.domain.task.TaskCommand;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the event store would append: every ActionEvent the controller sends, in order. A hook may
 * look at the world before an event is accepted (the controller waits for it).
 */
final class RecordedEvents implements CommandPort {

  private final List<RecordActionEvent> events = new CopyOnWriteArrayList<>();
  private volatile Function<RecordActionEvent, Mono<Void>> beforeAccepting = e -> Mono.empty();

  void beforeAccepting(Function<RecordActionEvent, Mono<Void>> hook) {
    beforeAccepting = hook;
  }

  List<RecordActionEvent> of(ActionId id) {
    return events.stream().filter(event -> event.actionId().equals(id)).toList();
  }

  List<ActionPhase> phases(ActionId id) {
    return of(id).stream().map(event -> event.key().phase()).toList();
  }

  List<EventKey> keys(ActionId id) {
    return of(id).stream().map(RecordActionEvent::key).toList();
  }

  /** The action's last event if it ended the action, else null (a retried attempt's FAILED). */
  RecordActionEvent terminal(ActionId id) {
    List<RecordActionEvent> sent = of(id);
    RecordActionEvent last = sent.isEmpty() ? null : sent.getLast();
    return last != null && last.key().phase().isTerminal() ? last : null;
  }

  @Override
  public Mono<Void> sendAll(List<? extends ActionCommand> commands) {
    List<RecordActionEvent> recorded =
        commands.stream()
            .filter(RecordActionEvent.class::isInstance)
            .map(RecordActionEvent.class::cast)
            .toList();
    // One batch is appended at once, as the event store does (a retry's FAILED and QUEUED).
    return Flux.fromIterable(recorded)
        .concatMap(event -> beforeAccepting.apply(event))
        .then(Mono.fromRunnable(() -> events.addAll(recorded)));
  }

  @Override
  public Mono<Void> send(ActionCommand command) {
    return sendAll(List.of(command));
  }

  @Override
  public Mono<Void> send(ProjectCommand command) {
    return Mono.empty();
  }

  @Override
  public Mono<Void> send(TaskCommand command) {
    return Mono.empty();
  }
}
