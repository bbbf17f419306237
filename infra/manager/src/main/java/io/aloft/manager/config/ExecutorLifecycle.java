package io.aloft.manager.config;

import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.Leadership;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.storage.DataStore;
import io.aloft.domain.id.ActionId;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts the executor once the API listens (tasks call it back, so the endpoint must be known):
 * first it repairs what a crash left between the event store and the TaskAction store, then the
 * controller takes over every active TaskAction whenever this process leads ({@link Leadership}:
 * always with the embedded store, on a Lease with the Kubernetes one). A second repair pass a
 * minute later catches actions the projections had not yet replayed at startup. The repair is
 * idempotent, so every replica runs it, leader or not.
 */
final class ExecutorLifecycle
    implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorLifecycle.class);
  private static final Duration SECOND_RECOVERY = Duration.ofMinutes(1);

  private final TaskActionStore store;
  private final ActionSpecReader specs;
  private final TaskPlugins plugins;
  private final RecordEventsUseCase events;
  private final DataStore data;
  private final LiteralCodec codec;
  private final ActionDispatcher dispatcher;
  private final AloftProperties.Execution properties;
  private final Clock clock;
  private final Leadership leadership;
  private final Scheduler timers = Schedulers.newParallel("aloft-executor-timers", 1, true);
  private volatile TaskActionController controller;
  private volatile Disposable recovery;

  ExecutorLifecycle(
      TaskActionStore store,
      ActionSpecReader specs,
      TaskPlugins plugins,
      RecordEventsUseCase events,
      DataStore data,
      LiteralCodec codec,
      ActionDispatcher dispatcher,
      AloftProperties.Execution properties,
      Clock clock,
      Leadership leadership) {
    this.leadership = leadership;
    this.store = store;
    this.specs = specs;
    this.plugins = plugins;
    this.events = events;
    this.data = data;
    this.codec = codec;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (controller != null) {
      return;
    }
    ExecutionSettings settings = settings(event.getWebServer().getPort());
    controller =
        new TaskActionController(
            store, specs, plugins, events, data, codec, settings, clock, timers, leadership);
    recovery =
        dispatcher
            .recover()
            .onErrorResume(this::recoveryFailed)
            .doFinally(signal -> controller.start())
            .then(Mono.delay(SECOND_RECOVERY, timers))
            .then(dispatcher.recover())
            .onErrorResume(this::recoveryFailed)
            .subscribe();
    LOG.info("executor started: {} workers, task types {}", settings.workers(), plugins.types());
  }

  /** Queues a TaskAction for a prompt look, e.g. after it was signalled. */
  void enqueue(ActionId id) {
    TaskActionController running = controller;
    if (running != null) {
      running.enqueue(id);
    }
  }

  @Override
  public void destroy() {
    if (recovery != null) {
      recovery.dispose();
    }
    if (controller != null) {
      controller.close();
    }
    timers.dispose();
  }

  private Mono<Void> recoveryFailed(Throwable error) {
    LOG.warn("repairing TaskActions after a restart failed; the next pass retries", error);
    return Mono.empty();
  }

  private ExecutionSettings settings(int port) {
    ExecutionSettings defaults = ExecutionSettings.defaults("http://localhost:" + port);
    String endpoint =
        properties.endpoint() == null || properties.endpoint().isBlank()
            ? defaults.endpoint()
            : properties.endpoint();
    return new ExecutionSettings(
        properties.workers(),
        properties.namespace(),
        properties.cluster(),
        endpoint,
        properties.resync(),
        defaults.backoffBase(),
        defaults.backoffMax(),
        properties.eventBatchSize(),
        properties.eventLinger(),
        properties.pluginCallTimeout(),
        properties.finishedTtl());
  }
}
