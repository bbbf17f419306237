package io.aloft.adapters.kubernetes.pod;

import io.aloft.adapters.kubernetes.KubeCalls;
import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.ResourceNames;
import io.aloft.adapters.kubernetes.logs.PodLogLinks;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.application.port.storage.DataStore;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.support.Bytes;
import io.kubernetes.client.openapi.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Runs {@code container} tasks as pods (configured with {@code aloft.execution.store=kubernetes}).
 * Each call looks the attempt's pod up by its name ({@link PodNames}); the first creates it (from
 * {@link PodManifests}, after {@link TemplateChecks}), later ones map its status ({@link
 * PodStatuses}) and, once it succeeded, check its outputs in storage ({@link PodOutputs}). The
 * state is the pod's name: a pod missing although the state says it was created was deleted outside
 * Aloft, a retryable SYSTEM failure. A repeated first call (after a crash) finds the pod and adopts
 * it. Abort deletes the pod; finished pods stay for their logs until their TaskAction is deleted
 * (they are owned by it).
 *
 * <p>Once {@link #start() started}, a pod informer ({@link PodWatcher}) keeps Aloft's pods in a
 * lean cache and wakes the controller on every change of a pod whose attempt it handles, so a phase
 * change is seen at once; the poll interval is then only a safety resync. A pod is read from the
 * cache while the informer follows the server and holds it; otherwise (not started, a watch down, a
 * pod created an instant ago whose event has not arrived) by a GET, so only the API server ever
 * says a pod is gone. Not started, it polls with a GET each interval, as before.
 */
public final class KubernetesPodPlugin implements TaskPlugin, AutoCloseable {

  public static final String TASK_TYPE = "container";

  /** How long after a grace ends the recheck comes, so the clock is surely past it. */
  private static final Duration GRACE_MARGIN = Duration.ofMillis(100);

  private final PodApi pods;
  private final PodCache cache = new PodCache();
  private final PodWakeUps wakeUps = new PodWakeUps();
  private final PodWatcher watcher;
  private final PodOutputs outputs;
  private final ActionSpecReader specs;
  private final PodSettings settings;
  private final Clock clock;

  public KubernetesPodPlugin(
      ApiClient client,
      KubernetesSettings calls,
      PodSettings settings,
      ActionSpecReader specs,
      DataStore data,
      LiteralCodec codec,
      Clock clock) {
    this.pods =
        new PodApi(
            client,
            new KubeCalls(client, calls, clock),
            settings.namespace(),
            calls.watchTimeout().plusSeconds(30));
    this.watcher = new PodWatcher(pods, calls, clock, cache, wakeUps);
    this.outputs = new PodOutputs(data, codec, clock);
    this.specs = specs;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Starts the pod informer (once); completes when it holds the first listing and watches. Until
   * then, and whenever its watch is down, pods are read with a GET.
   */
  public Mono<Void> start() {
    return watcher.start();
  }

  /** Stops the pod informer. */
  @Override
  public void close() {
    watcher.close();
  }

  /** How many attempts wait for their pod's changes (for tests: registrations must not leak). */
  int wakeUpRegistrations() {
    return wakeUps.count();
  }

  @Override
  public Set<String> taskTypes() {
    return Set.of(TASK_TYPE);
  }

  @Override
  public Mono<PluginReport> handle(PluginContext context) {
    return Mono.defer(
        () -> {
          var problem = TemplateChecks.find(context.template().container(), settings);
          if (problem.isPresent()) {
            return Mono.just(
                failed(
                    false,
                    context.state(),
                    List.of(),
                    problem.get().code(),
                    problem.get().message(),
                    ErrorKind.USER));
          }
          String name = PodNames.pod(context);
          Bytes state = Bytes.of(name.getBytes(StandardCharsets.UTF_8));
          List<TaskLog> logs = List.of(PodLogLinks.link(settings.namespace(), name, PodNames.TASK));
          // Before the read: a change arriving meanwhile wakes this attempt again.
          wakeUps.register(name, context.wakeUp());
          return read(name)
              .flatMap(pod -> observe(context, pod, state, logs))
              .switchIfEmpty(
                  Mono.defer(
                      () ->
                          context.state().isEmpty()
                              ? create(context, state, logs)
                              : Mono.just(
                                  failed(
                                      true,
                                      state,
                                      logs,
                                      "Interrupted",
                                      "the pod " + name + " was deleted outside Aloft",
                                      ErrorKind.SYSTEM))))
              .doOnNext(report -> forgetIfEnded(name, report));
        });
  }

  /** The cached pod when the informer follows the server and holds it; otherwise a GET. */
  private Mono<LeanPod> read(String name) {
    LeanPod cached = cache.find(name);
    return cached != null ? Mono.just(cached) : pods.get(name);
  }

  /** An attempt that ended needs no more wake-ups (a retry has a pod of another name). */
  private void forgetIfEnded(String pod, PluginReport report) {
    if (report.phase() == PluginPhase.SUCCESS || report.phase().isFailure()) {
      wakeUps.drop(pod);
    }
  }

  private Mono<PluginReport> create(PluginContext context, Bytes state, List<TaskLog> logs) {
    String owner = ResourceNames.name(context.spec().action());
    String iface =
        Base64.getEncoder().encodeToString(specs.taskInterface(context.spec().spec()).toArray());
    return pods.owner(owner)
        .flatMap(found -> pods.create(PodManifests.build(context, found, settings, iface)))
        .map(created -> report(PluginPhase.INITIALIZING, state, logs))
        .switchIfEmpty(
            Mono.fromSupplier(
                () ->
                    failed(
                        true,
                        state,
                        logs,
                        "TaskActionMissing",
                        "the TaskAction " + owner + " that would own the pod is gone",
                        ErrorKind.SYSTEM)))
        .onErrorResume(
            PodApi.AlreadyExists.class,
            e -> pods.get(PodNames.pod(context)).flatMap(pod -> observe(context, pod, state, logs)))
        .onErrorResume(
            InvalidArgument.class,
            e ->
                Mono.just(
                    failed(
                        false,
                        state,
                        logs,
                        TemplateChecks.BAD_SPEC,
                        "the API server refused the task's pod: " + e.getMessage(),
                        ErrorKind.USER)));
  }

  private Mono<PluginReport> observe(
      PluginContext context, LeanPod pod, Bytes state, List<TaskLog> logs) {
    return switch (PodStatuses.read(pod.toV1Pod(), clock.instant(), settings.pullGrace())) {
      case PodObservation.NotStarted waiting ->
          Mono.just(report(waiting.phase(), state, logs, recheck(waiting.decidedIn())));
      case PodObservation.Running r ->
          Mono.just(report(PluginPhase.RUNNING, state, logs, settings.pollInterval()));
      case PodObservation.Failed f ->
          Mono.just(failed(f.retryable(), state, logs, f.code(), f.message(), f.kind()));
      case PodObservation.Succeeded s ->
          outputs
              .check(context)
              .map(
                  outcome ->
                      outcome.error() == null
                          ? PluginReport.succeeded(
                              state, logs, outcome.outputsFile(), outcome.reportFile())
                          : PluginReport.failed(true, state, logs, outcome.error()));
    };
  }

  @Override
  public Mono<Void> abort(PluginContext context, String reason) {
    return Mono.defer(
        () -> {
          String name = PodNames.pod(context);
          wakeUps.drop(name);
          return pods.delete(name).then();
        });
  }

  /** The attempt is over (whatever ended it): its pod's changes need wake no one. */
  @Override
  public Mono<Void> finalizeAttempt(PluginContext context) {
    return Mono.fromRunnable(() -> wakeUps.drop(PodNames.pod(context)));
  }

  private PluginReport report(PluginPhase phase, Bytes state, List<TaskLog> logs) {
    return report(phase, state, logs, settings.pollInterval());
  }

  private PluginReport report(
      PluginPhase phase, Bytes state, List<TaskLog> logs, Duration recheckIn) {
    return new PluginReport(phase, state, logs, null, null, recheckIn);
  }

  /**
   * The safety resync, or sooner when a waiting error turns fatal before it: the moment its grace
   * ends brings no pod event to wake the attempt (just after it, so the grace has passed).
   */
  private Duration recheck(@Nullable Duration decidedIn) {
    Duration poll = settings.pollInterval();
    if (decidedIn == null) {
      return poll;
    }
    Duration justAfter = decidedIn.plus(GRACE_MARGIN);
    return justAfter.compareTo(poll) < 0 ? justAfter : poll;
  }

  private PluginReport failed(
      boolean retryable,
      Bytes state,
      List<TaskLog> logs,
      String code,
      String message,
      ErrorKind kind) {
    return PluginReport.failed(
        retryable, state, logs, new ExecutionError(code, message, kind, null, clock.instant()));
  }
}
