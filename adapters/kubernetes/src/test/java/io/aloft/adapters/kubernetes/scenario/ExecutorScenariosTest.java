package io.aloft.adapters.kubernetes.scenario;

import static io.aloft.domain.action.ActionPhase.ABORTED;
import static io.aloft.domain.action.ActionPhase.FAILED;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Behaviour doc section 5, the executor's rules, run by the real controller on the Kubernetes
 * TaskAction store against the API server stand-in, with a scripted plugin.
 */
class ExecutorScenariosTest {

  @TempDir Path storage;
  private ControllerKit kit;

  @AfterEach
  void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  private ControllerKit start(ScriptedPlugin plugin) throws Exception {
    kit = new ControllerKit(storage);
    kit.start(plugin);
    return kit;
  }

  @ParameterizedTest
  @ValueSource(strings = {"inputUri", "runOutputBase", "taskType", "taskTemplate"})
  void givenASpecWithoutARequiredField_WhenReconciled_ThenInvalidSpecNamesIt(String field)
      throws Exception {
    ScriptedPlugin plugin = ScriptedPlugin.succeeding();
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(without(kit.spec(id, null, ControllerKit.template(0)), field));

    RecordActionEvent failed = kit.awaitTerminal(id);

    assertThat(kit.events.phases(id)).containsExactly(FAILED);
    assertThat(failed.error().code()).isEqualTo("InvalidSpec");
    assertThat(failed.error().message()).contains(field);
    TaskAction stored = kit.awaitSettled(id);
    assertThat(stored.status().reason()).isEqualTo(ExecutionReason.INVALID_SPEC);
    assertThat(stored.status().attempts()).isEqualTo(1);
    assertThat(plugin.calls(id)).isEmpty();
  }

  @Test
  void givenAnUnknownTaskType_WhenReconciled_ThenPluginNotFoundNamesTheKnownTypes()
      throws Exception {
    start(ScriptedPlugin.succeeding());
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(0).toBuilder().setType("spark").build()));

    RecordActionEvent failed = kit.awaitTerminal(id);

    assertThat(failed.key().phase()).isEqualTo(FAILED);
    assertThat(failed.error().code()).isEqualTo("PluginNotFound");
    assertThat(failed.error().message()).contains("'spark'").contains(ScriptedPlugin.TYPE);
    assertThat(kit.awaitSettled(id).status().reason()).isEqualTo(ExecutionReason.PLUGIN_NOT_FOUND);
  }

  @Test
  void givenRetryableUserFailures_WhenRetriesAreLeft_ThenTheNextAttemptIsQueuedInPlace()
      throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            call ->
                call.attempt() < 3
                    ? ScriptedPlugin.userFailure("ExitCode1")
                    : ScriptedPlugin.success());
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(2)));

    RecordActionEvent done = kit.awaitTerminal(id);

    assertThat(done.key().phase()).isEqualTo(SUCCEEDED);
    assertThat(done.key().attempt()).isEqualTo(3);
    assertThat(kit.events.keys(id))
        .extracting(key -> key.attempt() + ":" + key.phase())
        .containsExactly("1:FAILED", "2:QUEUED", "2:FAILED", "3:QUEUED", "3:SUCCEEDED");
    assertThat(kit.events.of(id).get(0).error().code()).isEqualTo("ExitCode1");
    assertThat(plugin.calls(id)).extracting(ScriptedPlugin.Call::attempt).containsExactly(1, 2, 3);
    assertThat(plugin.aborts(id)).as("each failed attempt is stopped").hasSize(2);
    assertThat(kit.awaitSettled(id).status().attempts()).isEqualTo(3);
  }

  @Test
  void givenRetryableUserFailures_WhenRetriesRunOut_ThenTheLastAttemptFailsTheAction()
      throws Exception {
    ScriptedPlugin plugin = new ScriptedPlugin(call -> ScriptedPlugin.userFailure("OOMKilled"));
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(1)));

    RecordActionEvent failed = kit.awaitTerminal(id);

    assertThat(kit.events.keys(id))
        .extracting(key -> key.attempt() + ":" + key.phase())
        .containsExactly("1:FAILED", "2:QUEUED", "2:FAILED");
    assertThat(failed.error().code()).isEqualTo("OOMKilled");
    TaskAction stored = kit.awaitSettled(id);
    assertThat(stored.status().attempts()).isEqualTo(2);
    assertThat(stored.status().reason()).isEqualTo(ExecutionReason.PERMANENT_FAILURE);
    assertThat(plugin.calls(id)).hasSize(2);
  }

  @Test
  void givenSystemFailures_WhenMoreThanThree_ThenMaxSystemFailuresExceededWithoutUsingRetries()
      throws Exception {
    ScriptedPlugin plugin = new ScriptedPlugin(call -> ScriptedPlugin.systemFailure("Interrupted"));
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(5)));

    RecordActionEvent failed = kit.awaitTerminal(id);

    assertThat(kit.events.phases(id)).containsExactly(FAILED);
    assertThat(failed.key().attempt()).as("system failures do not use retries").isEqualTo(1);
    assertThat(failed.error().code()).isEqualTo("MaxSystemFailuresExceeded");
    assertThat(failed.error().kind()).isEqualTo(ErrorKind.SYSTEM);
    assertThat(failed.error().message()).contains("Interrupted");
    assertThat(plugin.calls(id))
        .extracting(ScriptedPlugin.Call::systemFailures)
        .containsExactly(0, 1, 2, 3);
    assertThat(plugin.calls(id)).allMatch(call -> call.attempt() == 1);
  }

  @Test
  void givenSystemFailuresThenSuccess_WhenFewerThanTheLimit_ThenTheAttemptSucceeds()
      throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            call ->
                call.systemFailures() < 3
                    ? ScriptedPlugin.systemFailure("NodeLost")
                    : ScriptedPlugin.success());
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(0)));

    assertThat(kit.awaitTerminal(id).key().phase()).isEqualTo(SUCCEEDED);
    assertThat(kit.awaitSettled(id).status().systemFailures()).isZero();
  }

  @Test
  void givenABadTaskSpecification_WhenReported_ThenTheActionFailsAtOnce() throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(call -> ScriptedPlugin.permanentFailure("BadTaskSpecification"));
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    kit.create(kit.spec(id, null, ControllerKit.template(3)));

    RecordActionEvent failed = kit.awaitTerminal(id);

    assertThat(kit.events.phases(id)).containsExactly(FAILED);
    assertThat(failed.error().code()).isEqualTo("BadTaskSpecification");
    assertThat(plugin.calls(id)).hasSize(1);
    assertThat(kit.awaitSettled(id).status().reason()).isEqualTo(ExecutionReason.PERMANENT_FAILURE);
  }

  @Test
  void givenARunningAction_WhenAborted_ThenAbortedIsReportedBeforeTheFinalizerGoes()
      throws Exception {
    ScriptedPlugin plugin = new ScriptedPlugin(call -> ScriptedPlugin.running(null));
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    String name = kit.create(kit.spec(id, null, ControllerKit.template(0))).spec().resourceName();
    List<GenericKubernetesResource> whenAborted = watchAbortedEvent(name);
    await().atMost(ControllerKit.WAIT).until(() -> kit.events.phases(id).contains(RUNNING));

    kit.store.requestDeletion(id, "user asked", Instant.now()).block(ControllerKit.WAIT);

    RecordActionEvent aborted = kit.awaitTerminal(id);
    assertThat(aborted.key().phase()).isEqualTo(ABORTED);
    assertThat(whenAborted).hasSize(1);
    assertThat(whenAborted.getFirst().getMetadata().getFinalizers())
        .as("the finalizer is still there when ABORTED is sent")
        .contains("aloft.io/plugin-finalizer");
    await().atMost(ControllerKit.WAIT).until(() -> kit.resource(name) == null);
    assertThat(kit.store.get(id).blockOptional(ControllerKit.WAIT)).isEmpty();
    assertThat(plugin.aborts(id)).containsExactly("user asked");
    assertThat(kit.events.phases(id)).containsExactly(RUNNING, ABORTED);
  }

  @Test
  void givenARunningAction_WhenDeletedThroughTheKubernetesApi_ThenItIsAbortedAndGone()
      throws Exception {
    ScriptedPlugin plugin = new ScriptedPlugin(call -> ScriptedPlugin.running(null));
    start(plugin);
    ActionId id = ControllerKit.newRoot();
    String name = kit.create(kit.spec(id, null, ControllerKit.template(0))).spec().resourceName();
    await().atMost(ControllerKit.WAIT).until(() -> kit.events.phases(id).contains(RUNNING));

    kit.fabric8
        .genericKubernetesResources(ControllerKit.TASK_ACTIONS)
        .inNamespace(ControllerKit.NAMESPACE)
        .withName(name)
        .delete();

    RecordActionEvent aborted = kit.awaitTerminal(id);
    assertThat(aborted.key().phase()).isEqualTo(ABORTED);
    await().atMost(ControllerKit.WAIT).until(() -> kit.resource(name) == null);
    assertThat(plugin.aborts(id)).hasSize(1);
  }

  @Test
  void givenAChild_WhenCreated_ThenItsResourceIsOwnedByItsParentsResource() throws Exception {
    ScriptedPlugin plugin =
        new ScriptedPlugin(
            call ->
                call.context().spec().parent() == null
                    ? ScriptedPlugin.running(null)
                    : ScriptedPlugin.success());
    start(plugin);
    ActionId root = ControllerKit.newRoot();
    TaskAction parent = kit.create(kit.spec(root, null, ControllerKit.template(0)));
    ActionId child = new ActionId(root.run(), "c0");

    kit.create(kit.spec(child, root, ControllerKit.template(0)));

    assertThat(kit.awaitTerminal(child).key().phase()).isEqualTo(SUCCEEDED);
    GenericKubernetesResource resource =
        kit.resource(kit.spec(child, root, ControllerKit.template(0)).resourceName());
    GenericKubernetesResource owner = kit.resource(parent.spec().resourceName());
    assertThat(resource.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
              assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
              assertThat(ref.getKind()).isEqualTo("TaskAction");
              assertThat(ref.getBlockOwnerDeletion()).isTrue();
            });
    assertThat(resource.getMetadata().getLabels())
        .containsEntry("aloft.io/is-root", "false")
        .containsEntry("aloft.io/run", root.run().name());
  }

  @Test
  void givenAResourceWithoutItsIdentity_WhenWatchedAndListed_ThenItIsSkippedAndOthersStillRun()
      throws Exception {
    start(ScriptedPlugin.succeeding());
    // Created through the API without project and run (the real API server's schema would refuse
    // it; an edit of an older CRD version need not): there is no action to report a failure on.
    GenericKubernetesResource nameless = new GenericKubernetesResource();
    nameless.setApiVersion("aloft.io/v1");
    nameless.setKind("TaskAction");
    nameless.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("nameless").build());
    nameless.setAdditionalProperty(
        "spec",
        java.util.Map.of(
            "domain", "development",
            "actionName", "a0",
            "actionType", "task",
            "createdAt", Instant.now().toString()));
    kit.fabric8
        .genericKubernetesResources(ControllerKit.TASK_ACTIONS)
        .inNamespace(ControllerKit.NAMESPACE)
        .resource(nameless)
        .create();
    ActionId id = ControllerKit.newRoot();

    kit.create(kit.spec(id, null, ControllerKit.template(0)));

    assertThat(kit.awaitTerminal(id).key().phase()).isEqualTo(SUCCEEDED);
    assertThat(kit.resource("nameless")).as("left alone").isNotNull();
  }

  /** Reads the resource, as the API server holds it, when the controller sends its ABORTED. */
  private List<GenericKubernetesResource> watchAbortedEvent(String name) {
    List<GenericKubernetesResource> seen = new CopyOnWriteArrayList<>();
    kit.events.beforeAccepting(
        event ->
            event.key().phase() != ABORTED
                ? Mono.empty()
                : Mono.fromRunnable(() -> seen.add(kit.resource(name)))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then());
    return seen;
  }

  private static TaskActionSpec without(TaskActionSpec s, String field) {
    return new TaskActionSpec(
        s.action(),
        s.parent(),
        s.type(),
        field.equals("inputUri") ? null : s.inputUri(),
        field.equals("runOutputBase") ? null : s.runOutputBase(),
        field.equals("taskType") ? null : s.taskType(),
        s.shortName(),
        field.equals("taskTemplate") ? Bytes.EMPTY : s.spec(),
        s.cacheKey(),
        s.group(),
        s.envVars(),
        s.createdAt());
  }
}
