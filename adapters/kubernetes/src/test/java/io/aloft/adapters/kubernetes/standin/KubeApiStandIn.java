package io.aloft.adapters.kubernetes.standin;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.yaml.snakeyaml.Yaml;

/**
 * The API server for the tests: fabric8's mock in CRUD mode, told about the TaskAction CRD by
 * creating infra/k8s/taskaction-crd.yaml in it, behind a small HTTP front that
 *
 * <ul>
 *   <li>serves watches of TaskActions and of pods over HTTP from the writes the mock recorded (a
 *       {@link WatchEvents} history each; pod watches honour their label selector), which the CRUD
 *       mock itself offers only over WebSocket while client-java streams HTTP;
 *   <li>refuses writes above {@value #MAX_OBJECT_BYTES} bytes as the API server does when etcd
 *       refuses them (413, "etcdserver: request is too large"), which the mock would store;
 *   <li>passes every other request through to the mock;
 *   <li>can answer requests with an error status instead (outages), and drop, expire, block or
 *       (pods) hold watches.
 * </ul>
 */
public final class KubeApiStandIn implements AutoCloseable {

  public static final Path CRD = Path.of("../../infra/k8s/taskaction-crd.yaml");

  /** etcd's limit is 1.5 MiB by default; issue 5 holds Aloft to 1 MB. */
  public static final int MAX_OBJECT_BYTES = 1_000_000;

  private final java.util.concurrent.atomic.AtomicLong requestCount =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong largestTaskAction =
      new java.util.concurrent.atomic.AtomicLong();

  private static final java.util.regex.Pattern POD_WATCH =
      java.util.regex.Pattern.compile("/api/v1/namespaces/[^/]+/pods");

  private final WatchEvents events = new WatchEvents();
  private final WatchEvents podEvents = new WatchEvents();
  private final PodLogs podLogs = new PodLogs();
  private final KubernetesMockServer mock;
  private final HttpServer front;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 503;
  private final AtomicInteger stallsLeft = new AtomicInteger();
  private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean ignoreSelectors;
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);

  public KubeApiStandIn() throws IOException {
    mock =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new RecordingCrudDispatcher(events, podEvents),
            false);
    mock.init();
    front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    front.setExecutor(threads);
    front.createContext("/", this::handle);
    front.start();
    createCrd();
  }

  /** A client of the official library for this API server. */
  public ApiClient client() {
    return new ClientBuilder().setBasePath(baseUrl()).build();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + front.getAddress().getPort();
  }

  /** Adds a line to a container's log (and makes the log exist). */
  public void writeLog(String pod, String container, String line) {
    podLogs.write(pod, container, line);
  }

  /** Ends a container's log: followers get the rest and the end of the stream. */
  public void endLog(String pod, String container) {
    podLogs.end(pod, container);
  }

  /** fabric8's own client of the mock, for tests that play the kubelet (pod status). */
  public io.fabric8.kubernetes.client.KubernetesClient fabric8() {
    return mock.createClient();
  }

  /** The next {@code count} requests (watches aside) get {@code status} instead of an answer. */
  public void fail(int count, int status) {
    failureStatus = status;
    failuresLeft.set(count);
  }

  /** The next {@code count} requests (watches aside) get no answer at all. */
  public void stall(int count) {
    stallsLeft.set(count);
  }

  /** Every request so far (watches aside), as {@code METHOD path?decoded-query}. */
  public java.util.List<String> requests() {
    return java.util.List.copyOf(requests);
  }

  /** Passes lists on without their label selector, as a server that ignored it would answer. */
  public void ignoreSelectors(boolean on) {
    ignoreSelectors = on;
  }

  public void recover() {
    failuresLeft.set(0);
  }

  /** Requests answered with an error so far are not counted; this says how many are pending. */
  public int failuresLeft() {
    return failuresLeft.get();
  }

  /** Ends open watches and refuses new ones until called with false. */
  public void blockWatches(boolean on) {
    events.block(on);
    podEvents.block(on);
  }

  public void dropWatches() {
    events.dropWatches();
    podEvents.dropWatches();
  }

  /** Drops open watches and forgets the history, so resuming watches get 410 Gone. */
  public void expireHistory() {
    events.compact();
    podEvents.compact();
  }

  /** Keeps pod watches open but silent until called with false: their events wait meanwhile. */
  public void holdPodEvents(boolean on) {
    podEvents.hold(on);
  }

  /** Requests answered so far, watches included (a watch counts once). */
  public long requestCount() {
    return requestCount.get();
  }

  /** The largest TaskAction a write stored or was refused, in bytes of JSON. */
  public long largestTaskActionBytes() {
    return largestTaskAction.get();
  }

  @Override
  public void close() {
    closing.countDown();
    front.stop(0);
    threads.shutdownNow();
    mock.destroy();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requestCount.incrementAndGet();
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      boolean watch = query != null && query.contains("watch=true");
      java.util.regex.Matcher logPath = PodLogs.PATH.matcher(exchange.getRequestURI().getPath());
      if (!watch) {
        record(exchange);
      }
      WatchEvents history =
          POD_WATCH.matcher(exchange.getRequestURI().getPath()).matches() ? podEvents : events;
      if (watch && history.blocked()) {
        reply(exchange, 503, status(503, "watches are blocked"));
      } else if (watch) {
        new WatchStream(history, exchange).serve();
      } else if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        closing.await(); // no answer until the stand-in closes, as an API server that hangs
      } else if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, failureStatus, status(failureStatus, "injected failure"));
      } else if (logPath.matches()) {
        podLogs.serve(exchange, logPath);
      } else {
        forward(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(HttpExchange exchange) {
    String query = exchange.getRequestURI().getQuery();
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getPath()
            + (query == null ? "" : "?" + query));
  }

  private void forward(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String target = exchange.getRequestURI().toString();
    if (ignoreSelectors) {
      target = target.replaceAll("([?&])labelSelector=[^&]*&?", "$1");
    }
    boolean taskActionWrite =
        exchange.getRequestURI().getPath().contains("/taskactions")
            && !exchange.getRequestMethod().equals("GET")
            && !exchange.getRequestMethod().equals("DELETE");
    if (taskActionWrite) {
      largestTaskAction.accumulateAndGet(body.length, Math::max);
    }
    if (body.length > MAX_OBJECT_BYTES) {
      reply(exchange, 413, status(413, "etcdserver: request is too large"));
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.url(target)))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (taskActionWrite && response.statusCode() / 100 == 2) {
      largestTaskAction.accumulateAndGet(response.body().length, Math::max);
      if (response.body().length > MAX_OBJECT_BYTES) {
        // A patch made it too large: etcd would have refused the write (the mock has stored it).
        reply(exchange, 413, status(413, "etcdserver: request is too large"));
        return;
      }
    }
    reply(exchange, response.statusCode(), response.body());
  }

  static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  static byte[] status(int code, String message) {
    Map<String, Object> status =
        Map.of(
            "kind", "Status",
            "apiVersion", "v1",
            "status", "Failure",
            "code", code,
            "message", message);
    return new Gson().toJson(status).getBytes(StandardCharsets.UTF_8);
  }

  private void createCrd() throws IOException {
    Object crd;
    try (InputStream in = Files.newInputStream(CRD)) {
      crd = new Yaml().load(in);
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(mock.url("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(new Gson().toJson(crd)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IOException("the mock refused the CRD: " + response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
