package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Size limits: a TaskAction whose task template alone is 2 MB, which etcd would refuse (the
 * stand-in answers writes above 1 MB with 413 "request is too large", as the API server does), is
 * stored with its template in storage and reads back unchanged through every path.
 */
class LargeResourcesTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final KubernetesSettings SETTINGS = KubernetesSettings.defaults("aloft");

  @TempDir Path storage;
  private KubeApiStandIn api;
  private FileDataStore data;
  private KubernetesTaskActionStore store;
  private KubernetesTaskActionStore watching;
  private RunId run;

  @BeforeEach
  void start() throws IOException {
    api = new KubeApiStandIn();
    data = new FileDataStore(List.of(storage));
    store = store(ResourceLimits.defaults());
    watching = store(ResourceLimits.defaults()); // reads only what the watch brings
    watching.start().block(WAIT);
    run = RunId.of("proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void stop() {
    store.close();
    watching.close();
    api.close();
  }

  @Test
  void givenATwoMegabyteTemplate_WhenCreatedReadListedAndWatched_ThenTheSameSpecUnderBudget()
      throws IOException {
    TaskActionSpec spec = largeSpec(ActionId.root(run), 2 * 1024 * 1024);
    CompletableFuture<TaskAction> watched = written(watching, spec.action());

    TaskAction created = store.create(spec).block(WAIT);

    assertThat(created.spec()).isEqualTo(spec);
    assertThat(store.get(spec.action()).block(WAIT).spec()).isEqualTo(spec);
    assertThat(store.listActive().collectList().block(WAIT))
        .singleElement()
        .satisfies(a -> assertThat(a.spec()).isEqualTo(spec));
    assertThat(watched.join().spec()).isEqualTo(spec);
    assertThat(api.largestTaskActionBytes()).isLessThan(ResourceLimits.DEFAULT_MAX_RESOURCE_BYTES);
    assertThat(storedParts()).hasSize(1).allSatisfy(p -> assertThat(p).startsWith(runBase()));
    assertThat(new StructuralSchema(TaskActionCrdTest.schema()).violations(raw(spec.action())))
        .isEmpty();
  }

  @Test
  void givenALargeSpecStored_WhenCreatedAgain_ThenTheSameObjectAndTheExistingTaskAction()
      throws IOException {
    TaskActionSpec spec = largeSpec(ActionId.root(run), 1024 * 1024);
    TaskAction first = store.create(spec).block(WAIT);

    TaskAction again = store(ResourceLimits.defaults()).create(spec).block(WAIT);

    assertThat(again.spec()).isEqualTo(spec);
    assertThat(again.resourceVersion()).isEqualTo(first.resourceVersion());
    assertThat(storedParts()).hasSize(1);
  }

  @Test
  void givenALargeSignalAndAHugeMessage_WhenTheStatusIsWritten_ThenItIsBoundedAndReadsBack() {
    TaskActionSpec spec = largeSpec(ActionId.root(run), 1000);
    TaskAction created = store.create(spec).block(WAIT);
    Bytes signal = random(900 * 1024);
    TaskAction failed =
        created.withStatus(
            created.status().toBuilder()
                .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, "x".repeat(600_000))
                .error(new ExecutionError("Boom", "y".repeat(600_000), ErrorKind.USER, null, null))
                .signal(signal)
                .build());
    CompletableFuture<TaskAction> watched = written(watching, spec.action(), ActionPhase.RUNNING);

    TaskAction stored = store.updateStatus(failed).block(WAIT);

    assertThat(stored.status().signal()).isEqualTo(signal);
    assertThat(stored.status().message())
        .hasSize(ResourceLimits.DEFAULT_MAX_MESSAGE_CHARS)
        .endsWith("more characters cut)");
    assertThat(stored.status().error().message()).hasSize(ResourceLimits.DEFAULT_MAX_MESSAGE_CHARS);
    assertThat(store.get(spec.action()).block(WAIT).status()).isEqualTo(stored.status());
    assertThat(watched.join().status()).isEqualTo(stored.status());
    assertThat(api.largestTaskActionBytes()).isLessThan(ResourceLimits.DEFAULT_MAX_RESOURCE_BYTES);
    assertThat(new StructuralSchema(TaskActionCrdTest.schema()).violations(raw(spec.action())))
        .isEmpty();
  }

  @Test
  void givenAStoredPartThatIsGone_WhenRead_ThenGetFailsAndListingsSkipIt() throws IOException {
    TaskActionSpec spec = largeSpec(ActionId.root(run), 1024 * 1024);
    store.create(spec).block(WAIT);
    for (String part : storedParts()) {
      Files.delete(Path.of(java.net.URI.create(part)));
    }
    KubernetesTaskActionStore fresh = store(ResourceLimits.defaults()); // nothing cached

    assertThatThrownBy(() -> fresh.get(spec.action()).block(WAIT))
        .isInstanceOf(FailedPrecondition.class)
        .hasMessageContaining("missing from storage");
    assertThat(fresh.listActive().collectList().block(WAIT)).isEmpty();
  }

  @Test
  void givenNoOffloading_WhenTheResourceIsTooLarge_ThenTheApiServerRefusesIt() {
    KubernetesTaskActionStore unlimited =
        store(ResourceLimits.defaults().withMaxResourceBytes(Integer.MAX_VALUE));
    TaskActionSpec spec = largeSpec(ActionId.root(run), 2 * 1024 * 1024);

    assertThatThrownBy(() -> unlimited.create(spec).block(WAIT))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("HTTP 413")
        .hasMessageContaining("request is too large");
  }

  @Test
  void givenNoStorage_WhenTheResourceWouldBeTooLarge_ThenCreateFailsBeforeTheApiServer() {
    KubernetesTaskActionStore noStorage =
        new KubernetesTaskActionStore(api.client(), SETTINGS, Clock.systemUTC());
    TaskActionSpec spec = largeSpec(ActionId.root(run), 2 * 1024 * 1024);

    assertThatThrownBy(() -> noStorage.create(spec).block(WAIT))
        .isInstanceOf(FailedPrecondition.class)
        .hasMessageContaining("no storage is configured");
    assertThat(api.largestTaskActionBytes()).isZero();
  }

  /** The resource as the API server stores it. */
  private Map<String, Object> raw(ActionId action) {
    try (var client = api.fabric8()) {
      return client
          .genericKubernetesResources(TaskActionResources.API_VERSION, TaskActionResources.KIND)
          .inNamespace("aloft")
          .withName(ResourceNames.name(action))
          .get()
          .getAdditionalProperties()
          .entrySet()
          .stream()
          .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
  }

  private KubernetesTaskActionStore store(ResourceLimits limits) {
    return new KubernetesTaskActionStore(api.client(), SETTINGS, Clock.systemUTC(), data, limits);
  }

  private String runBase() {
    return storage.resolve("runs").resolve(run.key()).toUri().toString();
  }

  private TaskActionSpec largeSpec(ActionId id, int templateBytes) {
    return new TaskActionSpec(
        id,
        null,
        ActionType.TASK,
        runBase() + "inputs",
        runBase(),
        "container",
        "big",
        random(templateBytes),
        null,
        null,
        Map.of("MODE", "fast"),
        Samples.CREATED);
  }

  private static Bytes random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Bytes.of(bytes);
  }

  private List<String> storedParts() throws IOException {
    try (Stream<Path> files = Files.walk(storage)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")) // the store's metadata
          .filter(f -> f.getParent().getFileName().toString().equals(LargeParts.DIRECTORY))
          .map(f -> f.toUri().toString())
          .toList();
    }
  }

  private static CompletableFuture<TaskAction> written(
      KubernetesTaskActionStore from, ActionId action) {
    return written(from, action, ActionPhase.QUEUED);
  }

  private static CompletableFuture<TaskAction> written(
      KubernetesTaskActionStore from, ActionId action, ActionPhase phase) {
    return from.changes()
        .ofType(TaskActionChange.Written.class)
        .map(TaskActionChange.Written::current)
        .filter(a -> a.spec().action().equals(action) && a.status().phase() == phase)
        .next()
        .timeout(WAIT)
        .toFuture();
  }
}
