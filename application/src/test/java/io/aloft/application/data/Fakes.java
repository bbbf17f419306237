package io.aloft.application.data;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogReader;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionFilter;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** In-memory read model and log source for the data and signal use cases. */
public final class Fakes {

  private Fakes() {}

  public static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  static ActionEventView report(ActionId id, int attempt, ActionPhase phase, TaskLog... logs) {
    return new ActionEventView(
        0,
        T,
        id,
        "ActionEventRecorded",
        new EventKey(attempt, phase, 0),
        T,
        T,
        null,
        List.of(logs),
        null,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        0);
  }

  public static ActionView withPhase(ActionView view, ActionPhase phase, int attempts) {
    return new ActionView(
        view.id(),
        view.parent(),
        view.type(),
        view.task(),
        view.group(),
        view.inputUri(),
        view.runOutputBase(),
        view.spec(),
        view.runSpec(),
        view.source(),
        view.triggerName(),
        view.createdBy(),
        phase,
        attempts,
        view.cacheStatus(),
        view.error(),
        view.abortReason(),
        view.outputUri(),
        view.createdAt(),
        view.startedAt(),
        view.updatedAt(),
        view.endedAt(),
        view.durationMs(),
        view.childrenPhaseCounts(),
        view.position() + 1,
        view.version() + 1);
  }

  /** Rows and events by hand; everything else is unused by these tests. */
  public static final class Queries implements ActionQueries {
    public final Map<ActionId, ActionView> rows = new ConcurrentHashMap<>();
    public final List<ActionEventView> events = new CopyOnWriteArrayList<>();

    /** The ids of each findAll, in call order. */
    public final List<Collection<ActionId>> findAllCalls = new CopyOnWriteArrayList<>();

    /** How long each findAll takes before it reads, like a busy database (virtual time). */
    public volatile Duration findAllTime = Duration.ZERO;

    @Override
    public Mono<ActionView> find(ActionId id) {
      return Mono.justOrEmpty(rows.get(id));
    }

    @Override
    public Flux<ActionView> findAll(Collection<ActionId> ids) {
      findAllCalls.add(List.copyOf(ids));
      Flux<ActionView> read = Flux.fromIterable(ids).flatMap(this::find);
      return findAllTime.isZero() ? read : read.delaySubscription(findAllTime);
    }

    @Override
    public Flux<ActionView> listRuns(
        ProjectDomain scope, ActionFilter filter, int limit, long offset) {
      return Flux.empty();
    }

    @Override
    public Flux<ActionView> listActions(RunId run, ActionFilter filter, int limit, long offset) {
      return Flux.empty();
    }

    @Override
    public Flux<ActionView> tree(RunId run) {
      return Flux.empty();
    }

    @Override
    public Flux<ActionView> unfinished() {
      return Flux.empty();
    }

    @Override
    public Flux<ActionEventView> events(EventSelection selection, int limit) {
      return Flux.fromIterable(new ArrayList<>(events))
          .filter(event -> event.actionId().equals(selection.action()))
          .take(limit);
    }
  }

  /** Reads {@code mem://} links: fixed lines, or a live sink while following. */
  static class Logs implements LogReader {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Sinks.Many<String> live = Sinks.many().replay().all();

    @Override
    public boolean handles(TaskLog log) {
      return log.uri().startsWith("mem://");
    }

    @Override
    public Flux<LogChunk> lastLines(TaskLog log, int count) {
      List<String> all = new ArrayList<>(lines);
      return Flux.just(LogChunk.ofLines(all.subList(Math.max(0, all.size() - count), all.size())))
          .filter(chunk -> !chunk.isEmpty());
    }

    @Override
    public Flux<LogChunk> follow(TaskLog log, int lastLines, Publisher<?> ended) {
      return lastLines(log, lastLines)
          .concatWith(
              live.asFlux().takeUntilOther(ended).map(line -> LogChunk.ofLines(List.of(line))));
    }
  }
}
