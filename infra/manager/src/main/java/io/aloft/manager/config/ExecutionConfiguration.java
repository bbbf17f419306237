package io.aloft.manager.config;

import io.aloft.adapters.local.instant.EchoPlugin;
import io.aloft.adapters.local.instant.NoopPlugin;
import io.aloft.adapters.local.process.LocalProcessPlugin;
import io.aloft.adapters.local.process.LocalProcessSettings;
import io.aloft.adapters.local.process.WorkDirRetention;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.copilot.Copilot;
import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.Leadership;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * The executor: task plugins (each one bean; a new plugin is one class and one bean here), the
 * dispatcher that turns actions into TaskActions, and the controller's lifecycle.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

  @Bean
  LiteralCodec literalCodec() {
    return new ProtoLiteralCodec();
  }

  @Bean
  ActionSpecReader actionSpecReader() {
    return new ProtoActionSpecReader();
  }

  @Bean
  Copilot copilot(DataStore store, LiteralCodec codec) {
    return new Copilot(store, codec);
  }

  @Bean
  NoopPlugin noopPlugin() {
    return new NoopPlugin();
  }

  @Bean
  EchoPlugin echoPlugin(DataStore store, LiteralCodec codec) {
    return new EchoPlugin(store, codec);
  }

  @Bean
  LocalProcessSettings localProcessSettings(AloftProperties properties) {
    var execution = properties.execution();
    Path workRoot =
        execution.workDir() == null ? properties.home().resolve("work") : execution.workDir();
    return new LocalProcessSettings(
        workRoot,
        execution.terminationGrace(),
        execution.maxLogSize().toBytes(),
        execution.pollInterval());
  }

  /**
   * Runs {@code container} tasks as local processes (the embedded executor); with the Kubernetes
   * store, pods run them instead (KubernetesConfiguration).
   */
  @Bean
  @ConditionalOnProperty(
      name = "aloft.execution.store",
      havingValue = "postgres",
      matchIfMissing = true)
  LocalProcessPlugin localProcessPlugin(Copilot copilot, LocalProcessSettings settings) {
    return new LocalProcessPlugin(copilot, settings);
  }

  /** Deletes the working directories of attempts long over (see the retention setting). */
  @Bean(destroyMethod = "close")
  WorkDirRetention workDirRetention(
      LocalProcessSettings settings, AloftProperties properties, Clock clock) {
    WorkDirRetention retention =
        new WorkDirRetention(settings.workRoot(), properties.execution().workDirRetention(), clock);
    retention.start(Schedulers.parallel());
    return retention;
  }

  @Bean
  TaskPlugins taskPlugins(List<TaskPlugin> plugins) {
    return new TaskPlugins(plugins);
  }

  @Bean
  ActionDispatcher actionDispatcher(
      TaskActionStore store,
      ActionQueries actions,
      ActionSpecReader specs,
      AloftProperties properties,
      Clock clock) {
    return new ActionDispatcher(
        store, actions, specs, clock, rawDataPrefix(properties.execution().rawDataPrefix()));
  }

  /** The configured default raw data prefix: blank is unset, a malformed one stops startup. */
  private static String rawDataPrefix(String configured) {
    if (configured == null || configured.isBlank()) {
      return null;
    }
    StorageUri.parse(configured);
    return configured;
  }

  /**
   * The controller reconciles while this process leads: with the embedded store always (one manager
   * owns it) or, opted in, on the database's advisory lock; on the Lease with the Kubernetes store
   * (KubernetesConfiguration).
   */
  @Bean
  ExecutorLifecycle executorLifecycle(
      TaskActionStore store,
      ActionSpecReader specs,
      TaskPlugins plugins,
      io.aloft.application.events.RecordEventsUseCase events,
      DataStore data,
      LiteralCodec codec,
      ActionDispatcher dispatcher,
      AloftProperties properties,
      Clock clock,
      ObjectProvider<Leadership> leadership) {
    return new ExecutorLifecycle(
        store,
        specs,
        plugins,
        events,
        data,
        codec,
        dispatcher,
        properties.execution(),
        clock,
        leadership.getIfAvailable(Leadership::always));
  }
}
