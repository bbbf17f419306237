package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** What only the Kubernetes store promises: the resources as kubectl would see them. */
class KubernetesResourcesTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static KubeApiStandIn api;
  private static KubernetesTaskActionStore store;
  private static CustomObjectsApi kubectl;

  @BeforeAll
  static void start() throws IOException {
    api = new KubeApiStandIn();
    store =
        new KubernetesTaskActionStore(
            api.client(), KubernetesSettings.defaults("aloft"), Clock.systemUTC());
    kubectl = new CustomObjectsApi(api.client());
  }

  @AfterAll
  static void stop() {
    store.close();
    api.close();
  }

  @Test
  void givenAParent_WhenAChildIsCreated_ThenItIsOwnedByTheParentsResource() throws ApiException {
    ActionId root = newRoot();
    ActionId child = new ActionId(root.run(), "n0");
    store.create(Samples.fullSpec(root, null)).block(WAIT);
    store.create(Samples.fullSpec(child, root)).block(WAIT);

    Map<String, Object> parent = raw(root);
    Map<String, Object> owned = raw(child);

    Map<String, Object> owner = first(metadata(owned).get("ownerReferences"));
    assertThat(owner)
        .containsEntry("kind", "TaskAction")
        .containsEntry("name", ResourceNames.name(root))
        .containsEntry("uid", metadata(parent).get("uid"))
        .containsEntry("blockOwnerDeletion", true);
    assertThat(metadata(owned).get("finalizers")).isEqualTo(List.of(TaskActionResources.FINALIZER));
    assertThat((Map<String, Object>) cast(metadata(owned).get("labels")))
        .containsEntry("aloft.io/action", "n0")
        .containsEntry("aloft.io/is-root", "false");
    assertThat(metadata(parent)).doesNotContainKey("ownerReferences");
  }

  @Test
  void givenNoParentResource_WhenAChildIsCreated_ThenItHasNoOwner() throws ApiException {
    ActionId root = newRoot();
    ActionId child = new ActionId(root.run(), "n0");

    store.create(Samples.fullSpec(child, root)).block(WAIT);

    assertThat(metadata(raw(child))).doesNotContainKey("ownerReferences");
  }

  @Test
  void givenADeletionThroughTheApi_ThenTheTaskActionIsDeletingUntilItsFinalizerGoes()
      throws ApiException {
    ActionId id = newRoot();
    store.create(Samples.minimalSpec(id)).block(WAIT);

    kubectl
        .deleteNamespacedCustomObject(
            "aloft.io", "v1", "aloft", "taskactions", ResourceNames.name(id))
        .execute();

    TaskAction deleting = store.get(id).block(WAIT);
    assertThat(deleting.isDeleting()).isTrue();
    assertThat(deleting.deletionReason()).isEqualTo(TaskActionResources.DELETED_THROUGH_API);
    assertThat(
            store.listActive().filter(a -> a.spec().action().equals(id)).collectList().block(WAIT))
        .hasSize(1);

    StepVerifier.create(store.removeFinalizer(id)).verifyComplete();
    StepVerifier.create(store.get(id)).verifyComplete();
  }

  @Test
  void givenAStatusUpdate_ThenOnlyTheStatusChangedAndATerminalOneIsLabelledForCollection()
      throws ApiException {
    ActionId id = newRoot();
    TaskAction created = store.create(Samples.fullSpec(id, null)).block(WAIT);
    Map<String, Object> before = raw(id);

    store.updateStatus(created.withStatus(Samples.fullStatus())).block(WAIT);

    Map<String, Object> after = raw(id);
    assertThat(after.get("spec")).isEqualTo(before.get("spec"));
    Map<String, Object> labels = new java.util.HashMap<>(cast(metadata(before).get("labels")));
    labels.put("aloft.io/termination-status", "terminated");
    labels.put(
        "aloft.io/completed-time",
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd.HH-mm")
            .withZone(java.time.ZoneOffset.UTC)
            .format(Samples.fullStatus().updatedAt()));
    assertThat(metadata(after).get("labels")).isEqualTo(labels);
    assertThat((Map<String, Object>) cast(after.get("status")))
        .containsEntry("phase", "FAILED")
        .doesNotContainKey("unknown");
  }

  @Test
  void givenTheSameRunAndActionInAnotherProject_WhenCreated_ThenAlreadyExistsAndNotMixedUp() {
    ActionId mine = newRoot();
    ActionId theirs = ActionId.of("other", "development", mine.run().name(), mine.name());
    store.create(Samples.minimalSpec(mine)).block(WAIT);

    StepVerifier.create(store.create(Samples.minimalSpec(theirs)))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(AlreadyExists.class)
                    .hasMessageContaining(mine.toString()))
        .verify(WAIT);
    StepVerifier.create(store.get(theirs)).verifyComplete();
    StepVerifier.create(store.get(mine)).expectNextCount(1).verifyComplete();
  }

  private static Map<String, Object> raw(ActionId id) throws ApiException {
    return cast(
        kubectl
            .getNamespacedCustomObject(
                "aloft.io", "v1", "aloft", "taskactions", ResourceNames.name(id))
            .execute());
  }

  private static Map<String, Object> metadata(Map<String, Object> resource) {
    return cast(resource.get("metadata"));
  }

  private static Map<String, Object> first(Object list) {
    return cast(((List<?>) list).getFirst());
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static ActionId newRoot() {
    return ActionId.of(
        "proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8), "a0");
  }
}
