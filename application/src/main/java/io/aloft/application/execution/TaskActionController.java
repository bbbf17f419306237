package io.aloft.application.execution;

import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.Leadership;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.storage.DataStore;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.id.ActionId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The executor: reconciles TaskActions through their task plugins. News (a created or changed
 * TaskAction, a plugin's wake-up, a requested recheck, the periodic resync) queues the TaskAction;
 * {@code workers} passes run in parallel and one TaskAction never has two passes at once. A failing
 * pass is logged and retried with a per-TaskAction exponential backoff; it never stops a worker.
 * Finished TaskActions are garbage-collected after {@link ExecutionSettings#finishedTtl()}.
 *
 * <p>It reconciles only while {@link Leadership} says this process leads. Each term of leadership
 * starts with a resync (every active TaskAction is queued) and runs the periodic resync and garbage
 * collection; when it ends, queued keys are dropped and passes in flight are cancelled (a cancelled
 * pass is a crash the next leader recovers from). Changes still update the cache meanwhile, as a
 * follower's informer does, so a new leader starts warm.
 */
public final class TaskActionController implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TaskActionController.class.getName());
  private static final Duration GC_INTERVAL = Duration.ofMinutes(10);

  private final TaskActionStore store;
  private final ExecutionSettings settings;
  private final Clock clock;
  private final Scheduler timers;
  private final WorkQueue<ActionId> queue;
  private final TaskActionCache cache = new TaskActionCache();
  private final Reconciler reconciler;
  private final Disposable.Composite running = Disposables.composite();
  private final Leadership leadership;
  private volatile Term term;

  /** One period of leadership: its timers, and a signal that cancels its passes when it ends. */
  private static final class Term {
    private final Disposable.Composite timers = Disposables.composite();
    private final Sinks.One<Boolean> ended = Sinks.one();
  }

  /** A controller that always leads (a single manager). */
  public TaskActionController(
      TaskActionStore store,
      ActionSpecReader specs,
      TaskPlugins plugins,
      RecordEventsUseCase events,
      DataStore data,
      LiteralCodec codec,
      ExecutionSettings settings,
      Clock clock,
      Scheduler timers) {
    this(store, specs, plugins, events, data, codec, settings, clock, timers, Leadership.always());
  }

  public TaskActionController(
      TaskActionStore store,
      ActionSpecReader specs,
      TaskPlugins plugins,
      RecordEventsUseCase events,
      DataStore data,
      LiteralCodec codec,
      ExecutionSettings settings,
      Clock clock,
      Scheduler timers,
      Leadership leadership) {
    this.leadership = leadership;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.timers = timers;
    this.queue = new WorkQueue<>(timers, settings.backoffBase(), settings.backoffMax());
    EventBatcher batcher =
        new EventBatcher(events, settings.eventBatchSize(), settings.eventLinger(), timers);
    this.reconciler =
        new Reconciler(
            store,
            cache,
            specs,
            plugins,
            batcher,
            new ConditionOutputs(data, codec),
            settings,
            clock,
            queue::add);
  }

  /**
   * Starts the workers and follows the store's changes; reconciles (and queues every active
   * TaskAction) whenever this process leads.
   */
  public void start() {
    running.add(
        queue.keys(Schedulers.parallel()).flatMap(this::work, settings.workers()).subscribe());
    running.add(store.changes().subscribe(this::changed, this::changesFailed));
    running.add(
        leadership
            .leading()
            .distinctUntilChanged()
            .subscribe(this::leadershipChanged, this::leadershipFailed));
  }

  /** Whether this controller reconciles now. */
  public boolean isLeading() {
    return term != null;
  }

  /** Queues a TaskAction now, e.g. after a signal changed it. */
  public void enqueue(ActionId id) {
    queue.add(id);
  }

  @Override
  public void close() {
    running.dispose();
    leadershipChanged(false);
  }

  private synchronized void leadershipChanged(boolean leading) {
    Term current = term;
    if (leading && current == null) {
      Term started = new Term();
      started.timers.add(
          Flux.interval(Duration.ZERO, settings.resync(), timers)
              .onBackpressureDrop()
              .concatMap(tick -> resync())
              .subscribe());
      started.timers.add(
          Flux.interval(GC_INTERVAL, timers)
              .onBackpressureDrop()
              .concatMap(tick -> collectGarbage())
              .subscribe());
      term = started;
      LOG.log(Level.INFO, "leading: reconciling TaskActions");
    } else if (!leading && current != null) {
      term = null;
      current.timers.dispose();
      current.ended.tryEmitValue(true);
      LOG.log(Level.INFO, "no longer leading: stopped reconciling TaskActions");
    }
  }

  private void leadershipFailed(Throwable error) {
    LOG.log(Level.ERROR, "the leadership signal failed; not reconciling any more", error);
    leadershipChanged(false);
  }

  /**
   * A change first updates the cache, so the pass it queues reads no more than it needs; a follower
   * only keeps its cache current.
   */
  private void changed(TaskActionChange change) {
    if (cache.apply(change, clock.instant()) && term != null) {
      queue.add(change.action());
    }
  }

  private Mono<Void> work(ActionId id) {
    Term current = term;
    if (current == null) {
      queue.forget(id);
      queue.done(id);
      return Mono.empty();
    }
    return reconciler
        .reconcile(id)
        .takeUntilOther(current.ended.asMono())
        .doOnNext(
            requeue -> {
              queue.forget(id);
              if (requeue.requested()) {
                queue.addAfter(id, requeue.after());
              }
            })
        .onErrorResume(
            error -> {
              // The cached copy may be what failed (a write this process did not see): re-read it.
              cache.evict(id);
              if (!(error instanceof ConcurrentModification)) {
                LOG.log(
                    Level.WARNING, "reconciling " + id + " failed; retrying with backoff", error);
              }
              queue.addRateLimited(id);
              return Mono.empty();
            })
        .doFinally(signal -> queue.done(id))
        .then();
  }

  private Mono<Void> resync() {
    return store
        .listActive()
        .doOnNext(
            action -> {
              cache.offer(action, clock.instant());
              queue.add(action.spec().action());
            })
        .onErrorResume(
            error -> {
              LOG.log(
                  Level.WARNING, "listing active TaskActions failed; next resync retries", error);
              return Mono.empty();
            })
        .then();
  }

  private Mono<Void> collectGarbage() {
    Instant cutoff = clock.instant().minus(settings.finishedTtl());
    cache.pruneSettledBefore(cutoff);
    return store
        .deleteFinishedBefore(cutoff)
        .doOnNext(
            removed -> {
              if (removed > 0) {
                LOG.log(Level.INFO, "collected {0} finished TaskActions", removed);
              }
            })
        .onErrorResume(
            error -> {
              LOG.log(
                  Level.WARNING, "collecting finished TaskActions failed; retrying later", error);
              return Mono.empty();
            })
        .then();
  }

  private void changesFailed(Throwable error) {
    LOG.log(Level.ERROR, "the TaskAction change stream ended; relying on resync", error);
  }
}
