package io.aloft.application.run;

import io.aloft.application.data.LiteralOffloading;
import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.command.CommandPort;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.TaskView;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.project.ActiveProjects;
import io.aloft.application.task.TaskCatalog;
import io.aloft.application.watch.ProjectionSync;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.run.RunNames;
import io.aloft.domain.run.StoragePaths;
import java.time.Clock;
import java.util.random.RandomGenerator;
import reactor.core.publisher.Mono;

/**
 * CreateRun: checks the project and task, writes the inputs, creates the root action {@code a0} and
 * returns it as the read model shows it, after handing it to the executor. Creating an existing run
 * returns that run unchanged (the reference's behaviour). Unlike the reference, a failure to
 * enqueue fails the call, and repeating the call hands an unfinished run to the executor again
 * (idempotently): a client retrying a call that a crash interrupted between storing the run and
 * dispatching it must not leave the run queued with no TaskAction.
 */
public final class CreateRunUseCase {

  private final ActiveProjects projects;
  private final TaskCatalog tasks;
  private final ActionQueries actions;
  private final DataStore store;
  private final CommandPort commands;
  private final ProjectionSync sync;
  private final ActionDispatcher dispatcher;
  private final LiteralOffloading offloading;
  private final RunSettings settings;
  private final Clock clock;
  private final RandomGenerator random;

  public CreateRunUseCase(
      ActiveProjects projects,
      TaskCatalog tasks,
      ActionQueries actions,
      DataStore store,
      CommandPort commands,
      ProjectionSync sync,
      ActionDispatcher dispatcher,
      LiteralOffloading offloading,
      RunSettings settings,
      Clock clock,
      RandomGenerator random) {
    this.projects = projects;
    this.tasks = tasks;
    this.actions = actions;
    this.store = store;
    this.commands = commands;
    this.sync = sync;
    this.dispatcher = dispatcher;
    this.offloading = offloading;
    this.settings = settings;
    this.clock = clock;
    this.random = random;
  }

  public Mono<ActionView> create(CreateRunRequest request) {
    return Mono.defer(
        () -> {
          ActionId root =
              ActionId.root(RunNames.resolve(request.scope(), request.runName(), random));
          return projects
              .require(request.scope().project())
              .then(actions.find(root).flatMap(this::redispatchUnfinished))
              .switchIfEmpty(Mono.defer(() -> createNew(request, root)));
        });
  }

  /** An existing run: unchanged, but an unfinished one surely has its TaskAction. */
  private Mono<ActionView> redispatchUnfinished(ActionView run) {
    return run.phase().isTerminal() ? Mono.just(run) : dispatcher.dispatch(run).thenReturn(run);
  }

  private Mono<ActionView> createNew(CreateRunRequest request, ActionId root) {
    String base = request.runBaseDir() == null ? settings.storagePrefix() : request.runBaseDir();
    return checkRawDataPrefix(request.rawDataPrefix())
        .then(resolveTask(request.task()))
        .flatMap(
            task ->
                writeInputs(request.inputs(), base, root.run())
                    .map(inputUri -> command(request, root, task, inputUri, base)))
        .flatMap(create -> commands.send(create).then(dispatcher.dispatch(create)))
        .then(sync.await(root, row -> true));
  }

  /**
   * A raw data prefix is only written to by tasks, long after CreateRun; one that storage would
   * refuse is refused now, as a run_base_dir is when the inputs are written.
   */
  private Mono<Void> checkRawDataPrefix(String prefix) {
    if (prefix == null) {
      return Mono.empty();
    }
    return Mono.fromCallable(() -> StorageUri.parse(prefix))
        .flatMap(store::checkLocation)
        .onErrorMap(
            InvalidArgument.class,
            e ->
                new InvalidArgument(
                    "run_spec.raw_data_storage.raw_data_prefix: " + e.getMessage(), e));
  }

  private Mono<ResolvedTask> resolveTask(TaskSelector selector) {
    return switch (selector) {
      case TaskSelector.Deployed deployed -> tasks.get(deployed.id()).map(ResolvedTask::of);
      case TaskSelector.Inline inline -> Mono.just(new ResolvedTask(inline.ref(), inline.spec()));
    };
  }

  private Mono<String> writeInputs(RunInputs inputs, String base, RunId run) {
    return switch (inputs) {
      case RunInputs.Offloaded offloaded -> Mono.just(offloaded.uri());
      case RunInputs.Inline inline ->
          offloading
              .offloadSerializedInputs(inline.serialized(), StoragePaths.runInputsUri(base, run))
              .flatMap(serialized -> put(base, run, serialized));
      case RunInputs.None none -> put(base, run, new byte[0]);
    };
  }

  private Mono<String> put(String base, RunId run, byte[] serialized) {
    StorageUri file = StorageUri.parse(StoragePaths.runInputsFile(base, run));
    return store
        .put(file, serialized, PutOptions.none())
        .thenReturn(StoragePaths.runInputsUri(base, run));
  }

  private CreateAction command(
      CreateRunRequest request, ActionId root, ResolvedTask task, String inputUri, String base) {
    return new CreateAction(
        root,
        null,
        ActionType.TASK,
        task.ref(),
        inputUri,
        StoragePaths.runBase(base, root.run()),
        null,
        task.spec(),
        request.runSpec(),
        request.source(),
        null,
        request.createdBy(),
        clock.instant());
  }

  private record ResolvedTask(TaskRef ref, byte[] spec) {
    static ResolvedTask of(TaskView view) {
      return new ResolvedTask(
          new TaskRef(view.id(), view.taskType(), view.shortName(), view.environment()),
          view.spec());
    }
  }
}
