package io.aloft.manager.demo;

import static io.aloft.manager.demo.SampleCatalogue.DOMAIN;
import static io.aloft.manager.demo.SampleCatalogue.PROJECT;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.proto.core.v1.ActionIdentifier;
import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.core.v1.BlobType;
import io.aloft.proto.core.v1.Inputs;
import io.aloft.proto.core.v1.Literal;
import io.aloft.proto.core.v1.NamedLiteral;
import io.aloft.proto.core.v1.ProjectIdentifier;
import io.aloft.proto.core.v1.RunIdentifier;
import io.aloft.proto.core.v1.TaskIdentifier;
import io.aloft.proto.dataproxy.v1.GetActionDataRequest;
import io.aloft.proto.dataproxy.v1.GetActionDataResponse;
import io.aloft.proto.dataproxy.v1.LogLine;
import io.aloft.proto.dataproxy.v1.LogLines;
import io.aloft.proto.dataproxy.v1.TailLogsRequest;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import io.aloft.proto.project.v1.CreateProjectRequest;
import io.aloft.proto.project.v1.CreateProjectResponse;
import io.aloft.proto.project.v1.Project;
import io.aloft.proto.run.v1.AbortRunRequest;
import io.aloft.proto.run.v1.AbortRunResponse;
import io.aloft.proto.run.v1.CreateRunRequest;
import io.aloft.proto.run.v1.CreateRunResponse;
import io.aloft.proto.run.v1.GetActionDetailsRequest;
import io.aloft.proto.run.v1.GetActionDetailsResponse;
import io.aloft.proto.run.v1.RunSource;
import io.aloft.proto.run.v1.WatchActionsRequest;
import io.aloft.proto.run.v1.WatchActionsResponse;
import io.aloft.proto.task.v1.DeployTaskRequest;
import io.aloft.proto.task.v1.DeployTaskResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo's flow against a running manager, through its public API only (plus the object store, to
 * upload the file inputs): create the project, deploy the samples, start one run of each, show
 * their action trees as they change, then read how each run ended and check it.
 */
final class Demo {

  static final String CREATE_PROJECT = "aloft.project.v1.ProjectService/CreateProject";
  static final String DEPLOY_TASK = "aloft.task.v1.TaskService/DeployTask";
  static final String CREATE_RUN = "aloft.run.v1.RunService/CreateRun";
  static final String ABORT_RUN = "aloft.run.v1.RunService/AbortRun";
  static final String WATCH_ACTIONS = "aloft.run.v1.RunService/WatchActions";
  static final String GET_ACTION_DETAILS = "aloft.run.v1.RunService/GetActionDetails";
  static final String GET_ACTION_DATA = "aloft.dataproxy.v1.DataProxyService/GetActionData";
  static final String TAIL_LOGS = "aloft.dataproxy.v1.DataProxyService/TailLogs";

  /** How long the demo follows a log stream that does not end by itself. */
  static final Duration LOG_WAIT = Duration.ofSeconds(2);

  /** Changes are shown together when they come within this time of each other. */
  static final Duration FRAME = Duration.ofMillis(200);

  /** How long the executor gets to stop the processes of aborted runs. */
  static final Duration ABORT_WAIT = Duration.ofSeconds(2);

  static final int LOG_LINES = 4;
  static final int FILE_LINES = 8;

  private final ConnectClient api;
  private final DataStore store;
  private final String bucket;
  private final Console console;
  private final List<Sample> samples;
  private final String suffix;
  private final Duration timeout;

  /**
   * @param suffix makes this demo's run names unique, e.g. {@code wordcount-<suffix>}
   * @param timeout how long the runs may take, all together
   */
  Demo(
      ConnectClient api,
      DataStore store,
      String bucket,
      Console console,
      List<Sample> samples,
      String suffix,
      Duration timeout) {
    this.api = api;
    this.store = store;
    this.bucket = bucket;
    this.console = console;
    this.samples = samples;
    this.suffix = suffix;
    this.timeout = timeout;
  }

  /** A run the demo started. */
  record Started(Sample sample, String run) {}

  /** Runs the whole flow; true when every run ended as expected. */
  Mono<Boolean> run(Path examples) {
    return createProject()
        .then(console.print("Deploying the sample tasks of " + examples + ":"))
        .thenMany(Flux.fromIterable(samples).concatMap(this::deploy))
        .then(
            console.print(
                List.of("", "Starting one run of each; their action trees as they change:")))
        .then(Mono.defer(this::runAndWatch))
        .flatMap(this::report);
  }

  private String runName(Sample sample) {
    return sample.name() + "-" + suffix;
  }

  /**
   * Starts the runs one after the other, following each one's action tree (RunService.WatchActions)
   * from just after its creation, and prints the runs that changed (at most every {@link #FRAME}),
   * until every run is over; then reads how each ended.
   */
  private Mono<List<RunOutcome>> runAndWatch() {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    samples.forEach(sample -> attempts.put(runName(sample), sample.maxAttempts()));
    ActionTrees trees = new ActionTrees(attempts, console.unicode());
    Instant begin = Instant.now();
    List<Started> runs = new CopyOnWriteArrayList<>();
    Flux<Started> started =
        Flux.fromIterable(samples).concatMap(sample -> start(sample, begin)).doOnNext(runs::add);
    Flux<List<ActionTrees.Update>> updates = started.flatMap(this::watch).bufferTimeout(256, FRAME);
    // Ticks re-check the runs when nothing changes (a failure that is not retried, the timeout).
    Flux<List<ActionTrees.Update>> ticks =
        Flux.interval(Duration.ofMillis(500)).map(tick -> List.of());
    return Flux.merge(updates, ticks)
        .publishOn(console.scheduler())
        .map(
            batch -> {
              Instant now = Instant.now();
              var changed = trees.apply(batch, now);
              if (!changed.isEmpty()) {
                console.printNow(trees.render(changed, Duration.between(begin, now)));
              }
              return trees.allDone(now);
            })
        .takeUntil(done -> done)
        .then()
        .timeout(
            timeout,
            Mono.defer(
                () ->
                    Mono.error(
                        new IllegalStateException(
                            "runs still going after "
                                + timeout.toSeconds()
                                + " s: "
                                + trees.pending(Instant.now())))))
        .onErrorResume(e -> abortAll().then(Mono.error(e)))
        .then(Mono.defer(() -> outcomes(runs, trees)));
  }

  /**
   * Aborts every run, so that no task process outlives a demo that gave up; the executor stops the
   * processes of aborted actions shortly after.
   */
  private Mono<Void> abortAll() {
    return Flux.fromIterable(samples)
        .flatMap(
            sample ->
                api.call(
                        ABORT_RUN,
                        AbortRunRequest.newBuilder()
                            .setRunId(runId(runName(sample)))
                            .setReason("the demo gave up")
                            .build(),
                        AbortRunResponse.getDefaultInstance())
                    .onErrorResume(e -> Mono.empty()))
        .then(Mono.delay(ABORT_WAIT))
        .then();
  }

  private Mono<Void> createProject() {
    CreateProjectRequest request =
        CreateProjectRequest.newBuilder()
            .setProject(
                Project.newBuilder()
                    .setId(ProjectIdentifier.newBuilder().setName(PROJECT))
                    .setName("Demo")
                    .setDescription("the sample tasks of ./aloft demo"))
            .build();
    return api.call(CREATE_PROJECT, request, CreateProjectResponse.getDefaultInstance())
        .then()
        .onErrorResume(
            e -> e instanceof ConnectError error && error.code().equals("already_exists"),
            e -> Mono.empty());
  }

  private Mono<Void> deploy(Sample sample) {
    DeployTaskRequest request =
        DeployTaskRequest.newBuilder().setTaskId(taskId(sample)).setSpec(sample.spec()).build();
    String line =
        String.format(
            "  %-10s %s  %s",
            sample.name(), sample.version(), sample.spec().getDescription().getShortDescription());
    return api.call(DEPLOY_TASK, request, DeployTaskResponse.getDefaultInstance())
        .then(console.print(line));
  }

  /** Uploads the sample's file inputs, then creates its run with all its inputs inline. */
  private Mono<Started> start(Sample sample, Instant begin) {
    String run = runName(sample);
    return Flux.fromIterable(sample.files().entrySet())
        .concatMap(file -> upload(file.getValue()).map(uri -> Map.entry(file.getKey(), uri)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
        .flatMap(
            uploaded -> {
              CreateRunRequest request =
                  CreateRunRequest.newBuilder()
                      .setRunId(runId(run))
                      .setTaskId(taskId(sample))
                      .setInputs(inputs(sample, uploaded))
                      .setSource(RunSource.RUN_SOURCE_CLI)
                      .build();
              List<String> described = new ArrayList<>();
              sample.values().forEach((k, v) -> described.add(k + " = " + Literals.describe(v)));
              uploaded.forEach(
                  (k, uri) ->
                      described.add(
                          k
                              + " = "
                              + sample.files().get(k).fileName()
                              + " (uploaded to "
                              + uri
                              + ")"));
              String inputs = described.isEmpty() ? "no inputs" : String.join(", ", described);
              return api.call(CREATE_RUN, request, CreateRunResponse.getDefaultInstance())
                  .flatMap(
                      created ->
                          console.print(
                              ActionTrees.time(Duration.between(begin, Instant.now()))
                                  + "created "
                                  + run
                                  + ": "
                                  + inputs))
                  .thenReturn(new Started(sample, run));
            });
  }

  /**
   * Puts a file where DataProxyService.CreateUploadLocation would: under {@code uploads/}, at a
   * path named by its content's hash.
   */
  private Mono<String> upload(Sample.FileInput file) {
    String uri =
        "s3://"
            + bucket
            + "/uploads/"
            + PROJECT
            + "/"
            + DOMAIN
            + "/"
            + sha256(file.content()).substring(0, 16)
            + "/"
            + file.fileName();
    return store.put(StorageUri.parse(uri), file.content(), PutOptions.none()).thenReturn(uri);
  }

  private static Inputs inputs(Sample sample, Map<String, String> uploaded) {
    Inputs.Builder inputs = Inputs.newBuilder();
    sample.values().forEach((name, value) -> inputs.addLiterals(named(name, value)));
    uploaded.forEach(
        (name, uri) -> {
          String format = sample.files().get(name).format();
          inputs.addLiterals(named(name, blob(uri, format)));
        });
    return inputs.build();
  }

  private static NamedLiteral named(String name, Literal value) {
    return NamedLiteral.newBuilder().setName(name).setValue(value).build();
  }

  private static Literal blob(String uri, String format) {
    Literal.Builder literal = Literal.newBuilder();
    literal
        .getScalarBuilder()
        .getBlobBuilder()
        .setUri(uri)
        .getMetadataBuilder()
        .setType(
            BlobType.newBuilder()
                .setFormat(format)
                .setDimensionality(BlobType.BlobDimensionality.BLOB_DIMENSIONALITY_SINGLE));
    return literal.build();
  }

  private Flux<ActionTrees.Update> watch(Started run) {
    WatchActionsRequest request =
        WatchActionsRequest.newBuilder().setRunId(runId(run.run())).build();
    return api.stream(WATCH_ACTIONS, request, WatchActionsResponse.getDefaultInstance())
        .flatMapIterable(WatchActionsResponse::getEnrichedActionsList)
        .map(enriched -> new ActionTrees.Update(run.run(), enriched.getAction()));
  }

  private Mono<List<RunOutcome>> outcomes(List<Started> runs, ActionTrees trees) {
    return Flux.fromIterable(runs)
        .flatMapSequential(run -> outcome(run, trees.children(run.run())))
        .collectList();
  }

  /** Reads how a run ended: its root's details, outputs, logs, and file outputs' content. */
  private Mono<RunOutcome> outcome(Started run, Map<String, ActionPhase> children) {
    ActionIdentifier root =
        ActionIdentifier.newBuilder().setRun(runId(run.run())).setName("a0").build();
    GetActionDetailsRequest request =
        GetActionDetailsRequest.newBuilder().setActionId(root).build();
    return api.call(GET_ACTION_DETAILS, request, GetActionDetailsResponse.getDefaultInstance())
        .map(GetActionDetailsResponse::getDetails)
        .flatMap(
            details ->
                Mono.zip(outputs(root), logs(root, details.getStatus().getAttempts()))
                    .flatMap(
                        data -> {
                          Outputs outputs = data.getT1();
                          return files(outputs.values())
                              .map(
                                  files ->
                                      new RunOutcome(
                                          run.sample(),
                                          run.run(),
                                          details,
                                          children,
                                          outputs.values(),
                                          outputs.error(),
                                          data.getT2(),
                                          files));
                        }));
  }

  /** The outputs, or why they could not be read. */
  private record Outputs(Map<String, Literal> values, String error) {}

  private Mono<Outputs> outputs(ActionIdentifier action) {
    return api.call(
            GET_ACTION_DATA,
            GetActionDataRequest.newBuilder().setActionId(action).build(),
            GetActionDataResponse.getDefaultInstance())
        .map(
            data -> {
              Map<String, Literal> values = new LinkedHashMap<>();
              data.getOutputs()
                  .getLiteralsList()
                  .forEach(literal -> values.put(literal.getName(), literal.getValue()));
              return new Outputs(values, null);
            })
        .onErrorResume(e -> Mono.just(new Outputs(Map.of(), e.getMessage())));
  }

  /** The last lines of each attempt's log (DataProxyService.TailLogs). */
  private Mono<List<List<String>>> logs(ActionIdentifier action, int attempts) {
    return Flux.range(1, Math.max(1, attempts))
        .flatMapSequential(attempt -> tail(action, attempt))
        .collectList();
  }

  private Mono<List<String>> tail(ActionIdentifier action, int attempt) {
    TailLogsRequest request =
        TailLogsRequest.newBuilder().setActionId(action).setAttempt(attempt).build();
    return api.stream(TAIL_LOGS, request, TailLogsResponse.getDefaultInstance())
        .take(LOG_WAIT)
        .flatMapIterable(TailLogsResponse::getLogsList)
        .flatMapIterable(LogLines::getLinesList)
        .map(LogLine::getMessage)
        .map(String::stripTrailing)
        .collectList()
        .map(lines -> lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()))
        .onErrorResume(e -> Mono.just(List.of("(no logs: " + e.getMessage() + ")")));
  }

  /** The first lines of each file output, read back from the object store. */
  private Mono<Map<String, List<String>>> files(Map<String, Literal> outputs) {
    return Flux.fromIterable(outputs.entrySet())
        .filter(output -> output.getValue().getScalar().hasBlob())
        .concatMap(
            output ->
                store
                    .get(StorageUri.parse(output.getValue().getScalar().getBlob().getUri()))
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().toList())
                    .map(lines -> lines.subList(0, Math.min(FILE_LINES, lines.size())))
                    .defaultIfEmpty(List.of("(missing)"))
                    .onErrorResume(e -> Mono.just(List.of("(unreadable: " + e.getMessage() + ")")))
                    .map(lines -> Map.entry(output.getKey(), lines)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
  }

  private Mono<Boolean> report(List<RunOutcome> outcomes) {
    Results results = new Results(console.unicode());
    List<String> lines = new ArrayList<>(List.of("", "Results:"));
    outcomes.forEach(outcome -> lines.addAll(results.describe(outcome)));
    long failed = outcomes.stream().filter(outcome -> !outcome.problems().isEmpty()).count();
    lines.add("");
    lines.add(
        failed == 0
            ? "All " + outcomes.size() + " runs ended as expected."
            : failed + " of " + outcomes.size() + " runs did not end as expected.");
    return console.print(lines).thenReturn(failed == 0);
  }

  private static TaskIdentifier taskId(Sample sample) {
    return TaskIdentifier.newBuilder()
        .setProject(PROJECT)
        .setDomain(DOMAIN)
        .setName(sample.name())
        .setVersion(sample.version())
        .build();
  }

  private static RunIdentifier runId(String run) {
    return RunIdentifier.newBuilder().setProject(PROJECT).setDomain(DOMAIN).setName(run).build();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
