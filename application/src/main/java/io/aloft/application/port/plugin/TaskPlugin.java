package io.aloft.application.port.plugin;

import io.aloft.domain.execution.PluginReport;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Runs one kind of task. The controller calls {@link #handle} for each reconcile pass of an attempt
 * until the report is terminal; it owns retries, timeouts and events, so a plugin only starts work,
 * looks at it, and stops it. Adding a plugin is this one class plus one registration (a bean).
 *
 * <p>Implementations must not block the calling thread, must be idempotent for a given context (the
 * controller may repeat a call after a crash), and must keep what they need to find their work
 * again in {@link PluginReport#state()}, since a restarted manager only has that.
 */
public interface TaskPlugin {

  /** The task types (TaskTemplate.type) this plugin runs, e.g. {@code container}. */
  Set<String> taskTypes();

  /** Starts the attempt if it has not started, otherwise reports how it is doing. */
  Mono<PluginReport> handle(PluginContext context);

  /** Stops the attempt's work (abort, timeout, or before a retry); idempotent. */
  Mono<Void> abort(PluginContext context, String reason);

  /**
   * Whether an attempt's work can outlive a {@link #handle} call (a process, a pod), so the
   * TaskAction must hold the finalizer that makes its deletion wait for {@link #abort}. A plugin
   * that finishes each attempt within the call (noop, echo) answers false and saves that write.
   */
  default boolean leavesWorkBehind() {
    return true;
  }

  /** Releases what the attempt still holds once it is over; idempotent. */
  default Mono<Void> finalizeAttempt(PluginContext context) {
    return Mono.empty();
  }
}
