package io.aloft.adapters.kubernetes.scenario;

import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller on the Kubernetes store when the API server misbehaves: watches that drop or
 * expire, conflicting writers, and an outage long enough to open the circuit breaker.
 */
class ControllerFaultsTest {

  private static final Duration OPEN_FOR = Duration.ofSeconds(30);

  @TempDir Path storage;
  private ControllerKit kit;
  private KubernetesTaskActionStore otherManager;

  @AfterEach
  void stop() {
    if (otherManager != null) {
      otherManager.close();
    }
    if (kit != null) {
      kit.close();
    }
  }

  /** Runs once (RUNNING), then succeeds on the recheck. */
  private static ScriptedPlugin runThenSucceed() {
    return new ScriptedPlugin(
        call ->
            call.earlier() == 0
                ? ScriptedPlugin.running(Duration.ofMillis(100))
                : ScriptedPlugin.success());
  }

  @Test
  void givenWatchesDroppedAndExpired_WhenOthersCreateTaskActions_ThenARelistFindsThemAllOnce()
      throws Exception {
    kit = new ControllerKit(storage);
    ScriptedPlugin plugin = runThenSucceed();
    // No periodic resync of the controller within the test: only the watch and its re-list tell it.
    kit.start(Duration.ofMinutes(10), plugin);
    otherManager =
        new KubernetesTaskActionStore(
            kit.api.client(),
            KubernetesSettings.defaults(ControllerKit.NAMESPACE),
            Clock.systemUTC());
    List<ActionId> all = new ArrayList<>();

    all.addAll(createElsewhere(5));
    awaitSucceeded(all);

    kit.api.blockWatches(true);
    List<ActionId> unseen = createElsewhere(10);
    kit.api.expireHistory();
    kit.api.blockWatches(false);
    all.addAll(unseen);
    awaitSucceeded(all);

    kit.api.dropWatches();
    all.addAll(createElsewhere(5));
    awaitSucceeded(all);

    assertThat(plugin.overlapped()).as("no TaskAction was reconciled twice at once").isFalse();
    for (ActionId id : all) {
      assertThat(kit.events.phases(id)).as(id.toString()).containsExactly(RUNNING, SUCCEEDED);
      assertThat(plugin.calls(id)).as(id.toString()).hasSize(2);
    }
  }

  @Test
  void givenAConcurrentWriter_WhenTheStatusUpdateConflicts_ThenItIsRetriedOnAFreshVersion()
      throws Exception {
    kit = new ControllerKit(storage);
    AtomicBoolean touched = new AtomicBoolean();
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            call -> {
              if (touched.compareAndSet(false, true)) {
                touch(call.context().spec().resourceName()); // someone else writes meanwhile
              }
              return ScriptedPlugin.success();
            });
    kit.start(plugin);
    ActionId id = ControllerKit.newRoot();
    TaskAction created = kit.create(kit.spec(id, null, ControllerKit.template(0)));

    kit.awaitTerminal(id);
    TaskAction settled = kit.awaitSettled(id);

    assertThat(touched).isTrue();
    assertThat(plugin.calls(id)).as("the conflicting pass was repeated").hasSize(2);
    assertThat(settled.status().phase()).isEqualTo(SUCCEEDED);
    assertThat(settled.resourceVersion()).isGreaterThan(created.resourceVersion());
    assertThat(kit.resource(created.spec().resourceName()).getMetadata().getAnnotations())
        .as("the other writer's change is kept")
        .containsEntry("acme.io/touched", "yes");
    // The repeated pass sends the same event again, which the event store deduplicates by key.
    assertThat(kit.events.keys(id).stream().distinct().map(EventKey::phase))
        .containsExactly(SUCCEEDED);
  }

  @Test
  void givenServerErrors_WhenTheyOpenTheBreaker_ThenReconcilingResumesOnceItCloses()
      throws Exception {
    TestClock clock = new TestClock();
    kit =
        new ControllerKit(
            storage,
            KubernetesSettings.defaults(ControllerKit.NAMESPACE)
                .withRetry(2, Duration.ofMillis(10))
                .withBreaker(4, OPEN_FOR),
            clock);
    AtomicBoolean finish = new AtomicBoolean();
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            call ->
                finish.get()
                    ? ScriptedPlugin.success()
                    : ScriptedPlugin.running(Duration.ofMillis(50)));
    kit.start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(0)));
    await().atMost(ControllerKit.WAIT).until(() -> kit.events.phases(id).contains(RUNNING));

    kit.api.fail(1_000_000, 503);
    finish.set(true);
    await()
        .atMost(ControllerKit.WAIT)
        .until(() -> kit.store.circuitBreakerState() == CircuitBreaker.State.OPEN);
    int reached = kit.api.failuresLeft();
    // While open, the controller's retries fail fast without reaching the server.
    await()
        .during(Duration.ofMillis(500))
        .atMost(ControllerKit.WAIT)
        .until(() -> kit.api.failuresLeft() == reached);

    kit.api.recover();
    clock.advance(OPEN_FOR.plusSeconds(1));

    TaskAction settled = kit.awaitSettled(id);
    assertThat(settled.status().phase()).isEqualTo(SUCCEEDED);
    assertThat(kit.store.circuitBreakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(kit.events.keys(id).stream().distinct().map(EventKey::phase))
        .containsExactly(RUNNING, SUCCEEDED);
  }

  private List<ActionId> createElsewhere(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              ActionId id = ControllerKit.newRoot();
              otherManager
                  .create(kit.spec(id, null, ControllerKit.template(0)))
                  .block(ControllerKit.WAIT);
              return id;
            })
        .toList();
  }

  private void awaitSucceeded(List<ActionId> ids) {
    await()
        .atMost(ControllerKit.WAIT)
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            kit.events.terminal(id) != null
                                && kit.events.terminal(id).key().phase() == SUCCEEDED));
  }

  /** Another writer changes the resource (an annotation), so its resource version moves on. */
  private void touch(String name) {
    GenericKubernetesResource resource = kit.resource(name);
    var annotations =
        new HashMap<String, String>(
            resource.getMetadata().getAnnotations() == null
                ? java.util.Map.of()
                : resource.getMetadata().getAnnotations());
    annotations.put("acme.io/touched", "yes");
    resource.getMetadata().setAnnotations(annotations);
    kit.fabric8
        .genericKubernetesResources(ControllerKit.TASK_ACTIONS)
        .inNamespace(ControllerKit.NAMESPACE)
        .resource(resource)
        .update();
  }
}
