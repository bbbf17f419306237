package io.aloft.application.events;

import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.error.InvalidArgument;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * EventsService.Record: how executors report phase changes. Events of one action are applied in the
 * order sent; different actions proceed in parallel. Duplicates and stale transitions are ignored
 * by the Action aggregate, so executors may resend freely.
 */
public final class RecordEventsUseCase {

  /** Keeps one request's work bounded; executors batch far fewer (the reference: 400). */
  public static final int MAX_EVENTS_PER_CALL = 5_000;

  private final CommandPort commands;

  public RecordEventsUseCase(CommandPort commands) {
    this.commands = commands;
  }

  public Mono<Void> record(List<RecordActionEvent> events) {
    if (events.isEmpty()) {
      return Mono.error(new InvalidArgument("events must hold at least one event"));
    }
    if (events.size() > MAX_EVENTS_PER_CALL) {
      return Mono.error(
          new InvalidArgument(
              "at most " + MAX_EVENTS_PER_CALL + " events per call; split the batch"));
    }
    return commands.sendAll(events);
  }
}
