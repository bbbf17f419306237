package io.aloft.adapters.kubernetes.logs;

import io.aloft.adapters.kubernetes.KubeCalls;
import io.aloft.adapters.kubernetes.KubeErrors;
import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogReader;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the pod log links ({@link PodLogLinks}) through the API server's pod log endpoint with
 * {@code timestamps=true}, so every line starts with its RFC 3339 time (which TailLogs splits off).
 * {@link #lastLines} asks for {@code tailLines}; {@link #follow} asks for the same with {@code
 * follow=true}, which the API server ends when the container ends; when the attempt is reported
 * ended first, the stream is read for a short drain and then closed. Opening a stream is one
 * guarded call (timeout, retry, circuit breaker, as the store's); the stream itself has no read
 * timeout, since a running task may be silent for hours. Links to another namespace than the
 * manager's are NotFound, so a crafted link reads nothing else.
 */
public final class PodLogReader implements LogReader {

  /** How long a followed log is still read after the attempt was reported ended. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(5);

  private final CoreV1Api api;
  private final KubeCalls calls;
  private final OkHttpClient streams;
  private final String namespace;
  private final Duration drain;

  public PodLogReader(ApiClient client, KubernetesSettings settings, Clock clock, Duration drain) {
    this.api = new CoreV1Api(client);
    this.calls = new KubeCalls(client, settings, clock);
    this.streams =
        client.getHttpClient().newBuilder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    this.namespace = settings.namespace();
    this.drain = drain;
  }

  @Override
  public boolean handles(TaskLog log) {
    return PodLogLinks.isPodLink(log.uri());
  }

  @Override
  public Flux<LogChunk> lastLines(TaskLog log, int lines) {
    return read(log, lines, false);
  }

  @Override
  public Flux<LogChunk> follow(TaskLog log, int lastLines, Publisher<?> ended) {
    Mono<Long> endedThenDrained =
        Flux.from(ended).next().onErrorResume(e -> Mono.empty()).then(Mono.delay(drain));
    return read(log, lastLines, true).takeUntilOther(endedThenDrained);
  }

  private Flux<LogChunk> read(TaskLog log, int tailLines, boolean follow) {
    return Mono.fromCallable(() -> resolve(log))
        .flatMapMany(
            container ->
                open(container, tailLines, follow)
                    .flatMapMany(LogStream::chunks)
                    .onErrorResume(PodLogReader::notStarted, e -> Flux.empty()));
  }

  private PodLogLinks.Container resolve(TaskLog log) {
    PodLogLinks.Container container = PodLogLinks.parse(log.uri());
    if (!container.namespace().equals(namespace)) {
      throw new NotFound("no pod log at " + log.uri());
    }
    return container;
  }

  private Mono<Response> open(PodLogLinks.Container target, int tailLines, boolean follow) {
    String what = "read the log of pod " + target.pod() + " (" + target.container() + ")";
    return calls
        .guard(
            Mono.defer(
                () -> LogStream.execute(streams.newCall(request(target, tailLines, follow)))))
        .onErrorMap(
            KubeErrors::isNotFound,
            e -> new NotFound("the pod " + target.pod() + " is gone, and its log with it"))
        .onErrorMap(
            e -> !(e instanceof NotFound) && !notStarted(e),
            e -> KubeErrors.translate(what, calls.attempts(), e));
  }

  private okhttp3.Request request(PodLogLinks.Container target, int tailLines, boolean follow) {
    try {
      Call call =
          api.readNamespacedPodLog(target.pod(), namespace)
              .container(target.container())
              .timestamps(true)
              .follow(follow)
              .tailLines(tailLines)
              .buildCall(null);
      return call.request();
    } catch (ApiException e) {
      throw new IllegalArgumentException("could not build the request: " + e.getMessage(), e);
    }
  }

  /** The API server answers 400 for a container that has not started: no lines yet. */
  private static boolean notStarted(@Nullable Throwable error) {
    return error instanceof ApiException api && api.getCode() == 400;
  }
}
