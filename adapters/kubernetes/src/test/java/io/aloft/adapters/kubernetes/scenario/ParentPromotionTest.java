package io.aloft.adapters.kubernetes.scenario;

import static io.aloft.domain.action.ActionPhase.INITIALIZING;
import static io.aloft.domain.action.ActionPhase.RUNNING;
import static io.aloft.domain.action.ActionPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aloft.application.actions.EnqueueActionUseCase;
import io.aloft.application.data.Fakes;
import io.aloft.application.execution.ActionDispatcher;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.watch.DirtyActions;
import io.aloft.application.watch.ProjectionSync;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.execution.PluginPhase;
import io.aloft.domain.execution.PluginReport;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.TaskId;
import io.aloft.domain.support.Bytes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * ActionsService.Enqueue on the Kubernetes store: the first child promotes its parent to RUNNING
 * (version 0, before the parent's own executor says so), the child's TaskAction is owned by the
 * parent's resource, and the controller runs it.
 */
class ParentPromotionTest {

  @TempDir Path storage;
  private ControllerKit kit;

  @AfterEach
  void stop() {
    kit.close();
  }

  @Test
  void givenAQueuedParent_WhenItEnqueuesChildren_ThenTheFirstPromotesItAndEachIsOwnedByIt()
      throws Exception {
    kit = new ControllerKit(storage);
    // The parent's own executor has not got it running yet: it stays initializing.
    kit.start(
        new ScriptedPlugin(
            call ->
                call.context().spec().parent() == null
                    ? new PluginReport(
                        PluginPhase.INITIALIZING, Bytes.EMPTY, List.of(), null, null, null)
                    : ScriptedPlugin.success()));
    ActionId root = ControllerKit.newRoot();
    TaskActionSpec rootSpec = kit.spec(root, null, ControllerKit.template(0));
    kit.create(rootSpec);
    await().atMost(ControllerKit.WAIT).until(() -> kit.events.phases(root).contains(INITIALIZING));
    Fakes.Queries readModel = new Fakes.Queries();
    readModel.rows.put(root, row(rootSpec, ActionPhase.INITIALIZING));
    EnqueueActionUseCase enqueue =
        new EnqueueActionUseCase(
            kit.events,
            new ProjectionSync(new DirtyActions(Flux::never), readModel, Duration.ofSeconds(5)),
            new ActionDispatcher(kit.store, readModel, kit.specs, Clock.systemUTC()),
            Clock.systemUTC());

    ActionId first = new ActionId(root.run(), "c0");
    enqueue.enqueue(child(first, rootSpec)).block(ControllerKit.WAIT);
    readModel.rows.put(root, row(rootSpec, ActionPhase.RUNNING));
    ActionId second = new ActionId(root.run(), "c1");
    enqueue.enqueue(child(second, rootSpec)).block(ControllerKit.WAIT);

    assertThat(kit.events.keys(root))
        .as("one promotion, at version 0, on the parent's attempt")
        .containsOnlyOnce(new EventKey(1, RUNNING, 0));
    assertThat(kit.events.phases(root)).containsExactly(INITIALIZING, RUNNING);
    GenericKubernetesResource parent = kit.resource(rootSpec.resourceName());
    for (ActionId child : List.of(first, second)) {
      assertThat(kit.awaitTerminal(child).key().phase()).isEqualTo(SUCCEEDED);
      GenericKubernetesResource resource = kit.resource(root.run().name() + "-" + child.name());
      assertThat(resource.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(parent.getMetadata().getUid()));
    }
  }

  private static CreateAction child(ActionId id, TaskActionSpec parent) {
    return new CreateAction(
        id,
        parent.action(),
        ActionType.TASK,
        new TaskRef(
            TaskId.of("proj", "development", "child", "v1"), ScriptedPlugin.TYPE, "child", null),
        parent.inputUri(),
        parent.runOutputBase(),
        null,
        ControllerKit.taskSpec(ControllerKit.template(0)).toArray(),
        new byte[0],
        null,
        null,
        null,
        Instant.now());
  }

  private static ActionView row(TaskActionSpec spec, ActionPhase phase) {
    return new ActionView(
        spec.action(),
        null,
        ActionType.TASK,
        null,
        null,
        spec.inputUri(),
        spec.runOutputBase(),
        spec.spec().toArray(),
        new byte[0],
        null,
        null,
        null,
        phase,
        1,
        CacheStatus.UNSPECIFIED,
        null,
        null,
        null,
        spec.createdAt(),
        null,
        spec.createdAt(),
        null,
        null,
        Map.of(),
        0,
        0);
  }
}
