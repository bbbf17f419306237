package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection as the reference does it: finished TaskActions carry {@code
 * aloft.io/termination-status=terminated} and {@code aloft.io/completed-time}, and collection lists
 * them with that label selector, on the API server stand-in.
 */
class GarbageCollectionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant FINISHED = Instant.parse("2026-11-21T10:00:42Z");

  private KubeApiStandIn api;
  private KubernetesTaskActionStore store;

  @BeforeEach
  void start() throws Exception {
    api = new KubeApiStandIn();
    store =
        new KubernetesTaskActionStore(
            api.client(), KubernetesTaskActionStoreTest.SETTINGS, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    store.close();
    api.close();
  }

  @Test
  void givenTaskAction_whenItsStatusTurnsTerminal_thenItIsLabelledWithItsCompletedMinute() {
    TaskAction running = running("run1");
    assertThat(labels("run1")).doesNotContainKey("aloft.io/termination-status");

    TaskAction done = finish(running, FINISHED);

    assertThat(labels("run1"))
        .containsEntry("aloft.io/termination-status", "terminated")
        .containsEntry("aloft.io/completed-time", "2026-11-21.10-00");
    assertThat(done.resourceVersion())
        .isEqualTo(store.get(done.spec().action()).block(WAIT).resourceVersion());
    TaskAction unheld = done.withStatus(done.status().toBuilder().finalizer(false).build());
    assertThat(store.updateStatus(unheld).block(WAIT))
        .as("the labelled version is current")
        .isNotNull();
    assertThat(labels("run1")).containsEntry("aloft.io/completed-time", "2026-11-21.10-00");
  }

  @Test
  void
      givenFinishedAndRunning_whenCollected_thenTheSelectorListsAndOnlyWholeMinutesBeforeTheCutoffGo() {
    finish(running("old"), FINISHED);
    finish(running("new"), FINISHED.plus(Duration.ofMinutes(30)));
    running("busy");

    assertThat(store.deleteFinishedBefore(Instant.parse("2026-11-21T10:00:59Z")).block(WAIT))
        .as("its minute has not passed: never collected early")
        .isZero();
    assertThat(store.deleteFinishedBefore(Instant.parse("2026-11-21T10:01:00Z")).block(WAIT))
        .isEqualTo(1);

    assertThat(exists("old")).isFalse();
    assertThat(exists("new")).isTrue();
    assertThat(exists("busy")).isTrue();
    assertThat(api.requests())
        .map(request -> URLDecoder.decode(request, StandardCharsets.UTF_8))
        .anyMatch(
            request -> request.contains("labelSelector=aloft.io/termination-status=terminated"));
  }

  @Test
  void givenServerIgnoringSelectors_whenCollected_thenStillOnlyLabelledOldOnesGo() {
    api.ignoreSelectors(true);
    finish(running("old"), FINISHED);
    TaskAction held = running("held");
    store
        .updateStatus(
            held.withStatus(
                held.status().toBuilder()
                    .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
                    .finalizer(true)
                    .updatedAt(FINISHED)
                    .build()))
        .block(WAIT);
    running("busy");

    assertThat(store.deleteFinishedBefore(FINISHED.plus(Duration.ofHours(2))).block(WAIT))
        .isEqualTo(1);

    assertThat(exists("old")).isFalse();
    assertThat(exists("held")).as("the plugin still holds it").isTrue();
    assertThat(exists("busy")).isTrue();
  }

  @Test
  void givenFinishedButUnlabelled_whenCollected_thenItIsLabelledAndCollected() {
    finish(running("lost"), FINISHED);
    try (var fabric8 = api.fabric8()) {
      fabric8
          .genericKubernetesResources("aloft.io/v1", "TaskAction")
          .inNamespace("aloft")
          .withName("lost-a0")
          .edit(
              r -> {
                r.getMetadata().getLabels().remove("aloft.io/termination-status");
                r.getMetadata().getLabels().remove("aloft.io/completed-time");
                return r;
              });
    }
    assertThat(labels("lost")).doesNotContainKey("aloft.io/termination-status");

    assertThat(store.deleteFinishedBefore(FINISHED.plus(Duration.ofHours(2))).block(WAIT))
        .isEqualTo(1);
    assertThat(exists("lost")).isFalse();
  }

  private TaskAction running(String run) {
    ActionId id = ActionId.of("proj", "development", run, "a0");
    TaskAction created = store.create(Samples.fullSpec(id, null)).block(WAIT);
    return store
        .updateStatus(
            created.withStatus(
                created.status().toBuilder()
                    .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, null)
                    .updatedAt(FINISHED.minusSeconds(30))
                    .build()))
        .block(WAIT);
  }

  private TaskAction finish(TaskAction running, Instant at) {
    return store
        .updateStatus(
            running.withStatus(
                running.status().toBuilder()
                    .phase(ActionPhase.SUCCEEDED, ExecutionReason.COMPLETED, null)
                    .updatedAt(at)
                    .build()))
        .block(WAIT);
  }

  private GenericKubernetesResource resource(String run) {
    try (var fabric8 = api.fabric8()) {
      return fabric8
          .genericKubernetesResources("aloft.io/v1", "TaskAction")
          .inNamespace("aloft")
          .withName(run + "-a0")
          .get();
    }
  }

  private Map<String, String> labels(String run) {
    return resource(run).getMetadata().getLabels();
  }

  private boolean exists(String run) {
    return resource(run) != null;
  }
}
