package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.application.port.execution.TaskActionChange;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The change stream when the watch breaks: one manager watches, another one writes (so nothing
 * reaches the watcher but the watch), and the stand-in drops watches or forgets its history.
 */
class TaskActionWatchTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private KubeApiStandIn api;
  private KubernetesTaskActionStore watching;
  private KubernetesTaskActionStore writer;
  private RunId run;

  @BeforeEach
  void start() throws IOException {
    api = new KubeApiStandIn();
    KubernetesSettings settings = KubernetesSettings.defaults("aloft");
    watching = new KubernetesTaskActionStore(api.client(), settings, Clock.systemUTC());
    writer = new KubernetesTaskActionStore(api.client(), settings, Clock.systemUTC());
    watching.start().block(WAIT);
    run = RunId.of("proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterEach
  void stop() {
    watching.close();
    writer.close();
    api.close();
  }

  @Test
  void givenTheWatchDropped_WhenChangesHappenMeanwhile_ThenTheResumedWatchDeliversEachOnce() {
    ActionId a = ActionId.root(run);
    TaskAction[] created = new TaskAction[1];

    StepVerifier.create(changes())
        .then(() -> created[0] = writer.create(Samples.minimalSpec(a)).block(WAIT))
        .expectNext("written a0 QUEUED")
        .then(api::dropWatches)
        .then(() -> writer.updateStatus(running(created[0])).block(WAIT))
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "b"))).block(WAIT))
        .then(api::dropWatches)
        // garbage collection: the finalizer goes (a write), then the resource (a removal)
        .then(() -> writer.delete(new ActionId(run, "b")).block(WAIT))
        .expectNext("written a0 RUNNING", "written b QUEUED", "written b QUEUED", "removed b")
        // the next change is the next write: nothing was repeated
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "c"))).block(WAIT))
        .expectNext("written c QUEUED")
        .thenCancel()
        .verify(WAIT);
  }

  @Test
  void
      givenTheHistoryExpiredWhileDisconnected_WhenTheWatchResumes_ThenARelistAnnouncesOnlyTheDifferences() {
    ActionId a = ActionId.root(run);
    TaskAction[] created = new TaskAction[1];

    StepVerifier.create(changes())
        .then(() -> created[0] = writer.create(Samples.minimalSpec(a)).block(WAIT))
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "b"))).block(WAIT))
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "c"))).block(WAIT))
        .expectNext("written a0 QUEUED", "written b QUEUED", "written c QUEUED")
        .then(() -> api.blockWatches(true))
        .then(() -> writer.updateStatus(running(created[0])).block(WAIT))
        .then(() -> writer.delete(new ActionId(run, "b")).block(WAIT))
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "d"))).block(WAIT))
        .then(api::expireHistory)
        .then(() -> api.blockWatches(false))
        // 410 Gone, then a re-list: c did not change and is not announced again
        .recordWith(java.util.ArrayList::new)
        .expectNextCount(3)
        .consumeRecordedWith(
            seen ->
                assertThat(seen)
                    .containsExactlyInAnyOrder(
                        "written a0 RUNNING", "removed b", "written d QUEUED"))
        .then(() -> writer.create(Samples.minimalSpec(new ActionId(run, "e"))).block(WAIT))
        .expectNext("written e QUEUED")
        .thenCancel()
        .verify(WAIT);
  }

  private Flux<String> changes() {
    return watching
        .changes()
        .filter(change -> change.action().run().equals(run))
        .map(TaskActionWatchTest::describe);
  }

  private static TaskAction running(TaskAction current) {
    return current.withStatus(
        current.status().toBuilder()
            .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, null)
            .build());
  }

  static String describe(TaskActionChange change) {
    return switch (change) {
      case TaskActionChange.Written w ->
          "written " + w.action().name() + " " + w.current().status().phase();
      case TaskActionChange.Removed r -> "removed " + r.action().name();
    };
  }
}
