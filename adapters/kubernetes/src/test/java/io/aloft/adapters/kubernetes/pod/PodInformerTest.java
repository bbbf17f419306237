package io.aloft.adapters.kubernetes.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.id.ActionId;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin with its pod informer running, against the stand-in's pod watches: pods are read from
 * the cache once their event arrived and by a GET otherwise (a pod created an instant ago, a watch
 * that is down); a dropped watch resumes, an expired history re-lists; every change wakes the pod's
 * attempt, and registrations go with the attempt. The request log tells a cache read (no request)
 * from a GET.
 */
class PodInformerTest {

  private static final String PODS = "GET /api/v1/namespaces/" + PodTestKit.NAMESPACE + "/pods";

  @TempDir Path storage;
  private PodTestKit kit;
  private KubernetesPodPlugin plugin;

  @BeforeEach
  void start() throws Exception {
    kit = new PodTestKit(storage);
    plugin = kit.watchingPlugin(PodTestKit.settings(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    kit.close();
  }

  /** An attempt of a new action, its pod, and how often the informer woke it. */
  private final class Attempt {
    final AtomicInteger wakeUps = new AtomicInteger();
    final PluginContext first;
    final String pod;
    PluginReport last;

    Attempt(String run) {
      first = kit.context(ActionId.of("proj", "development", run, "a0"), template(), 1);
      pod = PodNames.pod(first);
    }

    /** A call as the controller makes it: with the state of the previous report. */
    PluginReport handle() {
      PluginContext context =
          last == null
              ? kit.context(first.spec(), 1, 0, first.state(), wakeUps::incrementAndGet)
              : kit.context(first.spec(), 1, 0, last.state(), wakeUps::incrementAndGet);
      last = plugin.handle(context).block(PodTestKit.WAIT);
      return last;
    }

    long gets() {
      return kit.api.requests().stream().filter((PODS + "/" + pod)::equals).count();
    }
  }

  @Test
  void givenAPodJustCreated_whenItsEventHasNotArrived_thenAGetFindsItAndItIsNotTakenForDeleted() {
    Attempt attempt = new Attempt("fresh");
    kit.api.holdPodEvents(true);
    assertThat(attempt.handle().phase()).isEqualTo(PluginPhase.INITIALIZING);
    long before = attempt.gets();

    PluginReport again = attempt.handle();

    assertThat(again.phase()).isEqualTo(PluginPhase.INITIALIZING);
    assertThat(again.error()).isNull();
    assertThat(attempt.gets()).isEqualTo(before + 1);

    kit.api.holdPodEvents(false);
    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > 0); // ADDED arrived
    long cachedFrom = attempt.gets();
    assertThat(attempt.handle().phase()).isEqualTo(PluginPhase.INITIALIZING);
    assertThat(attempt.gets()).isEqualTo(cachedFrom);
  }

  @Test
  void givenAWatchedPod_whenItsStatusChanges_thenItsAttemptIsWokenAndReadsItFromTheCache() {
    Attempt attempt = new Attempt("woken");
    attempt.handle();
    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > 0);
    int woken = attempt.wakeUps.get();
    long gets = attempt.gets();

    kit.status(attempt.pod, PodInformerTest::running);

    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > woken);
    assertThat(attempt.handle().phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(attempt.gets()).isEqualTo(gets);
  }

  @Test
  void givenTheWatchDropped_whenThePodChangesMeanwhile_thenTheResumedWatchBringsTheChange() {
    Attempt attempt = new Attempt("dropped");
    attempt.handle();
    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > 0);
    int woken = attempt.wakeUps.get();

    kit.api.dropWatches();
    kit.status(attempt.pod, PodInformerTest::running);
    kit.api.dropWatches();

    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > woken);
    long gets = attempt.gets();
    assertThat(attempt.handle().phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(attempt.gets()).isEqualTo(gets);
  }

  @Test
  void givenTheWatchIsDown_whenAPodIsRead_thenAGetAnswersNotTheStaleCache() {
    Attempt attempt = new Attempt("down");
    attempt.handle();
    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > 0);

    kit.api.blockWatches(true);
    kit.status(attempt.pod, PodInformerTest::running);

    await()
        .atMost(PodTestKit.WAIT)
        .until(() -> attempt.handle().phase() == PluginPhase.RUNNING); // by a GET
    kit.api.blockWatches(false);
  }

  @Test
  void givenTheHistoryExpiredWhileDisconnected_whenTheWatchResumes_thenARelistConverges() {
    Attempt changed = new Attempt("relist-a");
    Attempt deleted = new Attempt("relist-b");
    changed.handle();
    deleted.handle();
    await()
        .atMost(PodTestKit.WAIT)
        .until(() -> changed.wakeUps.get() > 0 && deleted.wakeUps.get() > 0);
    int changedWoken = changed.wakeUps.get();
    int deletedWoken = deleted.wakeUps.get();
    long lists = lists();
    assertThat(plugin.wakeUpRegistrations()).isEqualTo(2);

    kit.api.blockWatches(true);
    kit.status(changed.pod, PodInformerTest::running);
    kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).withName(deleted.pod).delete();
    kit.api.expireHistory();
    kit.api.blockWatches(false);

    // 410 Gone, then a re-list: the changed pod's attempt is woken, the deleted one's too (once,
    // and forgotten)
    await()
        .atMost(PodTestKit.WAIT)
        .until(
            () ->
                changed.wakeUps.get() > changedWoken
                    && deleted.wakeUps.get() > deletedWoken
                    && plugin.wakeUpRegistrations() == 1);
    assertThat(lists()).isGreaterThan(lists);
    long gets = changed.gets();
    assertThat(changed.handle().phase()).isEqualTo(PluginPhase.RUNNING);
    assertThat(changed.gets()).isEqualTo(gets);
    PluginReport gone = deleted.handle();
    assertThat(gone.phase()).isEqualTo(PluginPhase.RETRYABLE_FAILURE);
    assertThat(gone.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(gone.error().message()).contains("deleted outside Aloft");
  }

  @Test
  void givenAWatchedPod_whenItIsDeletedOutside_thenItsAttemptIsWokenAndForgotten() {
    Attempt attempt = new Attempt("deleted");
    attempt.handle();
    await().atMost(PodTestKit.WAIT).until(() -> attempt.wakeUps.get() > 0);
    int woken = attempt.wakeUps.get();
    assertThat(plugin.wakeUpRegistrations()).isEqualTo(1);

    kit.kubelet.pods().inNamespace(PodTestKit.NAMESPACE).withName(attempt.pod).delete();

    await()
        .atMost(PodTestKit.WAIT)
        .until(() -> attempt.wakeUps.get() > woken && plugin.wakeUpRegistrations() == 0);
  }

  @Test
  void givenAttempts_whenTheyEndOrAreAborted_thenNoWakeUpIsLeftRegistered() {
    Attempt failing = new Attempt("ends");
    Attempt aborted = new Attempt("aborted");
    failing.handle();
    aborted.handle();
    assertThat(plugin.wakeUpRegistrations()).isEqualTo(2);

    kit.status(failing.pod, PodInformerTest::failedTask);
    await()
        .atMost(PodTestKit.WAIT)
        .until(() -> failing.handle().phase() == PluginPhase.RETRYABLE_FAILURE);
    plugin.abort(aborted.first, "user").block(PodTestKit.WAIT);

    assertThat(plugin.wakeUpRegistrations()).isZero();
  }

  private long lists() {
    return kit.api.requests().stream().filter(request -> request.startsWith(PODS + "?")).count();
  }

  private static io.aloft.proto.task.v1.TaskTemplate template() {
    return PodTestKit.template().build();
  }

  private static PodStatus running(PodStatus status) {
    return task(status, "Running", new ContainerStateBuilder().withNewRunning().endRunning());
  }

  private static PodStatus failedTask(PodStatus status) {
    return task(
        status,
        "Failed",
        new ContainerStateBuilder().withNewTerminated().withExitCode(1).endTerminated());
  }

  private static PodStatus task(PodStatus status, String phase, ContainerStateBuilder state) {
    status.setPhase(phase);
    status.setContainerStatuses(
        List.of(
            new ContainerStatusBuilder()
                .withName(PodNames.TASK)
                .withImage(PodTestKit.IMAGE)
                .withImageID("")
                .withReady(false)
                .withRestartCount(0)
                .withState(state.build())
                .build()));
    return status;
  }
}
