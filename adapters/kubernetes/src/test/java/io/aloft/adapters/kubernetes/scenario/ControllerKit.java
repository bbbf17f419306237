package io.aloft.adapters.kubernetes.scenario;

import static org.awaitility.Awaitility.await;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.application.execution.ExecutionSettings;
import io.aloft.application.execution.TaskActionController;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.task.v1.RetryStrategy;
import io.aloft.proto.task.v1.TaskMetadata;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.scheduler.Schedulers;

/**
 * The real controller on the Kubernetes TaskAction store, against the API server stand-in, with
 * real stored formats (protobuf TaskSpecs), real file storage and the events it sends recorded.
 */
final class ControllerKit implements AutoCloseable {

  static final String NAMESPACE = "aloft";
  static final Duration WAIT = Duration.ofSeconds(30);
  static final ResourceDefinitionContext TASK_ACTIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("aloft.io")
          .withVersion("v1")
          .withPlural("taskactions")
          .withKind("TaskAction")
          .withNamespaced(true)
          .build();

  final KubeApiStandIn api;
  final KubernetesClient fabric8;
  final KubernetesTaskActionStore store;

  /** The test's own reads, with a circuit breaker of their own (not the controller's). */
  final KubernetesTaskActionStore observer;

  final ProtoActionSpecReader specs = new ProtoActionSpecReader();
  final FileDataStore data;
  final RecordedEvents events = new RecordedEvents();
  private final Path storage;
  private TaskActionController controller;

  ControllerKit(Path storage) throws Exception {
    this(storage, KubernetesSettings.defaults(NAMESPACE), Clock.systemUTC());
  }

  /**
   * @param storeClock the store's circuit breaker's clock (and its re-list schedule's)
   */
  ControllerKit(Path storage, KubernetesSettings settings, Clock storeClock) throws Exception {
    this.storage = storage;
    this.api = new KubeApiStandIn();
    this.fabric8 = api.fabric8();
    this.store = new KubernetesTaskActionStore(api.client(), settings, storeClock);
    this.observer =
        new KubernetesTaskActionStore(
            api.client(), KubernetesSettings.defaults(NAMESPACE), Clock.systemUTC());
    this.data = new FileDataStore(List.of(storage));
  }

  /** Starts the store's watch and the controller, with quick retries and a resync of 2 s. */
  void start(TaskPlugin... plugins) {
    start(Duration.ofSeconds(2), plugins);
  }

  void start(Duration resync, TaskPlugin... plugins) {
    store.start().block(WAIT);
    ExecutionSettings settings =
        new ExecutionSettings(
            8,
            NAMESPACE,
            "test",
            "http://aloft.aloft.svc:8090",
            resync,
            Duration.ofMillis(5),
            Duration.ofMillis(500),
            400,
            Duration.ofMillis(1),
            Duration.ofSeconds(10),
            Duration.ofHours(1));
    controller =
        new TaskActionController(
            store,
            specs,
            new TaskPlugins(List.of(plugins)),
            new RecordEventsUseCase(events),
            data,
            new ProtoLiteralCodec(),
            settings,
            Clock.systemUTC(),
            Schedulers.parallel());
    controller.start();
  }

  static ActionId newRoot() {
    return ActionId.of(
        "proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8), "a0");
  }

  /** A template of the scripted plugin's type allowing {@code retries} retries. */
  static TaskTemplate template(int retries) {
    return TaskTemplate.newBuilder()
        .setType(ScriptedPlugin.TYPE)
        .setMetadata(
            TaskMetadata.newBuilder().setRetries(RetryStrategy.newBuilder().setRetries(retries)))
        .build();
  }

  static Bytes taskSpec(TaskTemplate template) {
    return Bytes.of(TaskSpec.newBuilder().setTaskTemplate(template).build().toByteArray());
  }

  /** A complete task spec for {@code id} (a child of {@code parent} when not null). */
  TaskActionSpec spec(ActionId id, ActionId parent, TaskTemplate template) {
    return new TaskActionSpec(
        id,
        parent,
        ActionType.TASK,
        storage.resolve("in").toUri().toString(),
        storage.resolve("out").toUri().toString(),
        template.getType(),
        "scripted-task",
        taskSpec(template),
        null,
        null,
        Map.of(),
        Instant.now());
  }

  TaskAction create(TaskActionSpec spec) {
    return store.create(spec).block(WAIT);
  }

  /** Waits for the action's terminal event and returns it. */
  RecordActionEvent awaitTerminal(ActionId id) {
    return await().atMost(WAIT).until(() -> events.terminal(id), e -> e != null);
  }

  /** Waits until the stored TaskAction is terminal and has released its finalizer. */
  TaskAction awaitSettled(ActionId id) {
    return await()
        .atMost(WAIT)
        .until(
            () -> observer.get(id).block(WAIT),
            a -> a != null && a.status().isTerminal() && !a.status().finalizer());
  }

  /** The TaskAction's resource as the API server holds it (null when gone). */
  GenericKubernetesResource resource(String name) {
    return fabric8
        .genericKubernetesResources(TASK_ACTIONS)
        .inNamespace(NAMESPACE)
        .withName(name)
        .get();
  }

  @Override
  public void close() {
    if (controller != null) {
      controller.close();
    }
    store.close();
    observer.close();
    fabric8.close();
    api.close();
  }
}
