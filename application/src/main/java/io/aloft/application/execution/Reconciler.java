package io.aloft.application.execution;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.AttemptRules;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.execution.Step;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.id.ActionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One reconcile pass over one TaskAction, in the reference's order: deletion first (stop the
 * plugin, report ABORTED, drop the finalizer); then for a task, validate the spec, add the
 * finalizer, enforce the timeout, ask the plugin, apply the retry rules, and send the events before
 * storing the status, so a crash in between only repeats an event the store deduplicates.
 */
final class Reconciler {

  private final TaskActionStore store;
  private final ActionSpecReader specs;
  private final TaskPlugins plugins;
  private final EventBatcher events;
  private final PluginContexts contexts;
  private final ConditionOutputs conditionOutputs;
  private final ExecutionSettings settings;
  private final Clock clock;
  private final Consumer<ActionId> wakeUp;
  private final TaskActionCache cache;

  Reconciler(
      TaskActionStore store,
      TaskActionCache cache,
      ActionSpecReader specs,
      TaskPlugins plugins,
      EventBatcher events,
      ConditionOutputs conditionOutputs,
      ExecutionSettings settings,
      Clock clock,
      Consumer<ActionId> wakeUp) {
    this.store = store;
    this.cache = cache;
    this.specs = specs;
    this.plugins = plugins;
    this.events = events;
    this.contexts = new PluginContexts(settings);
    this.conditionOutputs = conditionOutputs;
    this.settings = settings;
    this.clock = clock;
    this.wakeUp = wakeUp;
  }

  Mono<Requeue> reconcile(ActionId id) {
    if (cache.isSettled(id)) {
      return Mono.just(Requeue.NEVER);
    }
    TaskAction cached = cache.live(id);
    Mono<TaskAction> current =
        cached != null
            ? Mono.just(cached)
            : store
                .get(id)
                .doOnNext(read -> cache.offer(read, clock.instant()))
                .switchIfEmpty(Mono.fromRunnable(() -> cache.evict(id)));
    return current.flatMap(this::pass).defaultIfEmpty(Requeue.NEVER);
  }

  private Mono<Requeue> pass(TaskAction action) {
    if (action.isDeleting()) {
      return deletion(action);
    }
    if (action.status().isTerminal()) {
      return action.status().finalizer() ? release(action) : Mono.just(Requeue.NEVER);
    }
    TaskAction parent = action.spec().parent() == null ? null : cache.live(action.spec().parent());
    if (parent != null && parent.isDeleting()) {
      // Created while its parent was being aborted (an Enqueue racing an AbortRun): it goes too.
      return store
          .requestDeletion(action.spec().action(), parent.deletionReason(), clock.instant())
          .thenReturn(Requeue.NEVER);
    }
    return switch (action.spec().type()) {
      case TASK -> task(action);
      case CONDITION -> condition(action);
      case TRACE -> commit(action, rules(action).traceRecorded(action.status(), null));
    };
  }

  // ---- tasks

  private Mono<Requeue> task(TaskAction action) {
    TaskActionSpec spec = action.spec();
    String missing = missingField(spec);
    if (missing != null) {
      return commit(
          action,
          rules(action).invalidSpec(action.status(), "the TaskAction spec has no " + missing));
    }
    TaskTemplate template;
    try {
      template = specs.taskTemplate(spec.spec());
    } catch (InvalidArgument e) {
      return commit(action, rules(action).invalidSpec(action.status(), e.getMessage()));
    }
    Optional<TaskPlugin> plugin = plugins.find(spec.taskType());
    if (plugin.isEmpty()) {
      return commit(
          action, rules(action).pluginNotFound(action.status(), spec.taskType(), plugins.types()));
    }
    Mono<TaskAction> held =
        plugin.get().leavesWorkBehind() ? withFinalizer(action) : Mono.just(action);
    return held.flatMap(ready -> run(ready, template, plugin.get()));
  }

  private Mono<Requeue> run(TaskAction action, TaskTemplate template, TaskPlugin plugin) {
    Instant now = clock.instant();
    TaskActionStatus status = action.status();
    if (status.attemptStartedAt() == null) {
      status = status.toBuilder().attemptStartedAt(now).build();
    }
    PluginContext context = context(action.spec(), status, template);
    Optional<Duration> timeout = template.timeoutIfSet();
    if (context.deadline() != null && !now.isBefore(context.deadline())) {
      Step step = rules(action).timedOut(status, timeout.orElseThrow());
      return stop(plugin, context, "timed out").then(commit(action, step, plugin, context));
    }
    TaskActionStatus before = status;
    return plugin
        .handle(context)
        .timeout(settings.pluginCallTimeout())
        .map(report -> afterReport(action, before, template, report))
        .onErrorResume(
            error ->
                Mono.just(
                    new Outcome(rules(action).pluginError(before, describe(plugin, error)), null)))
        .flatMap(outcome -> apply(action, plugin, context, outcome));
  }

  private record Outcome(Step step, Duration recheckAfter) {}

  private Outcome afterReport(
      TaskAction action, TaskActionStatus status, TaskTemplate template, PluginReport report) {
    Step step = rules(action).afterReport(status, template.maxAttempts(), report);
    return new Outcome(step, report.recheckAfter());
  }

  private Mono<Requeue> apply(
      TaskAction action, TaskPlugin plugin, PluginContext context, Outcome outcome) {
    Step step = outcome.step();
    Mono<Void> cleanUp = step.cleanUpAttempt() ? stop(plugin, context, "retrying") : Mono.empty();
    return cleanUp
        .then(commit(action, step, plugin, context))
        .map(requeue -> step.cleanUpAttempt() ? restartDelay(step.status()) : requeue)
        .map(requeue -> requeue.orSooner(untilDeadline(context, outcome.recheckAfter(), step)));
  }

  /** A retry starts at once; a restart after a system failure backs off. */
  private static Requeue restartDelay(TaskActionStatus status) {
    int failures = status.systemFailures();
    return failures == 0 ? Requeue.NOW : Requeue.after(Duration.ofMillis(200L << failures));
  }

  private Duration untilDeadline(PluginContext context, Duration recheckAfter, Step step) {
    if (step.status().isTerminal()) {
      return null;
    }
    Duration next = recheckAfter == null ? settings.resync() : recheckAfter;
    if (context.deadline() != null) {
      Duration left = Duration.between(clock.instant(), context.deadline());
      return left.compareTo(next) < 0 ? left : next;
    }
    return next;
  }

  private Mono<Void> stop(TaskPlugin plugin, PluginContext context, String reason) {
    return plugin.abort(context, reason).then(plugin.finalizeAttempt(context));
  }

  private Mono<TaskAction> withFinalizer(TaskAction action) {
    if (action.status().finalizer()) {
      return Mono.just(action);
    }
    TaskActionStatus held = action.status().toBuilder().finalizer(true).build();
    return store
        .updateStatus(action.withStatus(held))
        .switchIfEmpty(Mono.error(() -> gone(action)));
  }

  // ---- conditions

  private Mono<Requeue> condition(TaskAction action) {
    var status = action.status();
    io.aloft.domain.execution.ConditionSpec condition;
    try {
      condition = specs.condition(action.spec().spec());
    } catch (InvalidArgument e) {
      return commit(action, rules(action).invalidSpec(status, e.getMessage()));
    }
    if (status.signal() != null) {
      String prefix = contexts.outputPrefix(action.spec(), status.attempts());
      return conditionOutputs
          .write(prefix, status.signal())
          .flatMap(uri -> commit(action, rules(action).signaled(status, uri)));
    }
    if (condition.timeout() != null) {
      Instant deadline = action.spec().createdAt().plus(condition.timeout());
      Duration left = Duration.between(clock.instant(), deadline);
      if (!left.isPositive()) {
        return commit(action, rules(action).conditionTimedOut(status, condition.timeout()));
      }
      return commit(action, rules(action).paused(status)).map(r -> Requeue.after(left));
    }
    return commit(action, rules(action).paused(status));
  }

  // ---- deletion

  private Mono<Requeue> deletion(TaskAction action) {
    ActionId id = action.spec().action();
    if (!action.status().finalizer()) {
      return store.removeFinalizer(id).thenReturn(Requeue.NEVER);
    }
    String reason = action.deletionReason();
    Step step = rules(action).aborted(action.status(), reason);
    return deleteChildren(id, reason)
        .then(stopAny(action, reason))
        .then(events.submit(step.events()))
        .then(store.removeFinalizer(id))
        .thenReturn(Requeue.NEVER);
  }

  /**
   * Deleting a TaskAction deletes its children, as a Kubernetes owner reference would: AbortRun
   * finds descendants in the read model, which may not show a child enqueued an instant earlier.
   */
  private Mono<Void> deleteChildren(ActionId parent, String reason) {
    return Flux.fromIterable(cache.liveChildrenOf(parent))
        .filter(child -> !child.isDeleting())
        .concatMap(child -> store.requestDeletion(child.spec().action(), reason, clock.instant()))
        .then();
  }

  /** Stops the plugin's work for a TaskAction whose plugin may not even be resolvable. */
  private Mono<Void> stopAny(TaskAction action, String reason) {
    if (action.spec().type() != io.aloft.domain.action.ActionType.TASK) {
      return Mono.empty();
    }
    Optional<TaskPlugin> plugin = plugins.find(action.spec().taskType());
    if (plugin.isEmpty()) {
      return Mono.empty();
    }
    TaskTemplate template;
    try {
      template = specs.taskTemplate(action.spec().spec());
    } catch (InvalidArgument e) {
      return Mono.empty();
    }
    PluginContext context = context(action.spec(), action.status(), template);
    return stop(plugin.get(), context, reason == null ? "aborted" : reason);
  }

  /** A finished TaskAction still holding its finalizer: release the plugin, then the finalizer. */
  private Mono<Requeue> release(TaskAction action) {
    return stopAny(action, "finished")
        .then(store.updateStatus(action.withStatus(unheld(action.status()))))
        .thenReturn(Requeue.NEVER);
  }

  // ---- committing a step

  private Mono<Requeue> commit(TaskAction action, Step step) {
    return events
        .submit(step.events())
        .then(store(action, step.status()))
        .thenReturn(Requeue.NEVER);
  }

  /** As above; a terminal step first releases the plugin and stores the status unheld. */
  private Mono<Requeue> commit(
      TaskAction action, Step step, TaskPlugin plugin, PluginContext context) {
    if (!step.status().isTerminal()) {
      return commit(action, step);
    }
    return events
        .submit(step.events())
        .then(plugin.finalizeAttempt(context))
        .then(store(action, unheld(step.status())))
        .thenReturn(Requeue.NEVER);
  }

  private Mono<TaskAction> store(TaskAction action, TaskActionStatus next) {
    if (next.equals(action.status())) {
      return Mono.just(action);
    }
    return store.updateStatus(action.withStatus(next));
  }

  private static TaskActionStatus unheld(TaskActionStatus status) {
    return status.toBuilder().finalizer(false).build();
  }

  private PluginContext context(
      TaskActionSpec spec, TaskActionStatus status, TaskTemplate template) {
    ActionId id = spec.action();
    return contexts.of(spec, status, template, () -> wakeUp.accept(id));
  }

  private AttemptRules rules(TaskAction action) {
    return AttemptRules.at(action.spec().action(), settings.cluster(), clock.instant());
  }

  private static String missingField(TaskActionSpec spec) {
    if (blank(spec.inputUri())) {
      return "inputUri";
    }
    if (blank(spec.runOutputBase())) {
      return "runOutputBase";
    }
    if (blank(spec.taskType())) {
      return "taskType";
    }
    return spec.spec().isEmpty() ? "taskTemplate" : null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String describe(TaskPlugin plugin, Throwable error) {
    String what =
        error instanceof java.util.concurrent.TimeoutException
            ? "did not answer in time"
            : "failed: " + error;
    return "plugin " + plugin.getClass().getSimpleName() + " " + what;
  }

  private static IllegalStateException gone(TaskAction action) {
    return new IllegalStateException(
        "TaskAction " + action.spec().resourceName() + " disappeared while being reconciled");
  }
}
