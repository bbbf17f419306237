package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import org.junit.jupiter.api.Test;

/** The mapping between TaskActions and resources, as the API server would hand them back. */
class TaskActionResourcesTest {

  private static final ActionId ROOT = ActionId.of("proj", "development", "r1", "a0");
  private static final ActionId CHILD = ActionId.of("proj", "development", "r1", "n0");

  @Test
  void givenEveryFieldSet_WhenWrittenAndRead_ThenEqual() {
    TaskActionSpec spec = Samples.fullSpec(CHILD, ROOT);
    JsonObject resource = stored(spec, Samples.fullStatus());

    TaskAction read = TaskActionResources.read(resource);

    assertThat(read.spec()).isEqualTo(spec);
    assertThat(read.status()).isEqualTo(Samples.fullStatus());
    assertThat(read.resourceVersion()).isEqualTo(42);
    assertThat(read.isDeleting()).isFalse();
  }

  @Test
  void givenNothingOptionalSet_WhenWrittenAndRead_ThenEqual() {
    TaskActionSpec spec = Samples.minimalSpec(ROOT);
    TaskActionStatus status = TaskActionStatus.queued(Samples.CREATED);

    TaskAction read = TaskActionResources.read(stored(spec, status));

    assertThat(read.spec()).isEqualTo(spec);
    assertThat(read.status()).isEqualTo(status);
  }

  @Test
  void givenANewResourceWithoutStatus_WhenRead_ThenQueuedOnTheFirstAttempt() {
    JsonObject resource = stored(Samples.fullSpec(CHILD, ROOT), null);

    assertThat(TaskActionResources.read(resource).status())
        .isEqualTo(TaskActionStatus.queued(Samples.CREATED));
  }

  @Test
  void givenAChild_WhenCreated_ThenOwnedByItsParentWithTheFinalizerAndLabels() {
    JsonObject resource =
        TaskActionResources.newResource(
            Samples.fullSpec(CHILD, ROOT), "aloft", new TaskActionResources.Owner("r1-a0", "u-1"));

    JsonObject metadata = resource.getAsJsonObject("metadata");
    assertThat(metadata.get("name").getAsString()).isEqualTo("r1-n0");
    assertThat(metadata.get("namespace").getAsString()).isEqualTo("aloft");
    JsonObject owner = metadata.getAsJsonArray("ownerReferences").get(0).getAsJsonObject();
    assertThat(owner.get("kind").getAsString()).isEqualTo("TaskAction");
    assertThat(owner.get("name").getAsString()).isEqualTo("r1-a0");
    assertThat(owner.get("uid").getAsString()).isEqualTo("u-1");
    assertThat(metadata.getAsJsonArray("finalizers").get(0).getAsString())
        .isEqualTo(TaskActionResources.FINALIZER);
    assertThat(metadata.getAsJsonObject("labels").get("aloft.io/run").getAsString())
        .isEqualTo("r1");
    assertThat(resource.has("status")).isFalse();
  }

  @Test
  void givenStatusHoldsTheFinalizerButTheResourceNoLonger_WhenRead_ThenNotHeld() {
    JsonObject resource = stored(Samples.fullSpec(CHILD, ROOT), Samples.fullStatus());
    resource.getAsJsonObject("metadata").add("finalizers", new JsonArray());

    assertThat(TaskActionResources.read(resource).status().finalizer()).isFalse();
  }

  @Test
  void givenDeletedThroughTheApi_WhenRead_ThenDeletingWithThatReason() {
    JsonObject resource = stored(Samples.fullSpec(CHILD, ROOT), Samples.fullStatus());
    resource.getAsJsonObject("metadata").addProperty("deletionTimestamp", "2026-11-21T11:00:00Z");

    TaskAction read = TaskActionResources.read(resource);

    assertThat(read.isDeleting()).isTrue();
    assertThat(read.deletionReason()).isEqualTo(TaskActionResources.DELETED_THROUGH_API);
  }

  @Test
  void givenAbortAnnotations_WhenRead_ThenDeletingAtThatTimeForThatReason() {
    JsonObject resource = stored(Samples.fullSpec(CHILD, ROOT), Samples.fullStatus());
    JsonObject patch =
        Patches.markDeletion(
            resource, Samples.CREATED.plusSeconds(5), "User requested abort", true);
    resource
        .getAsJsonObject("metadata")
        .add("annotations", patch.getAsJsonObject("metadata").get("annotations"));

    TaskAction read = TaskActionResources.read(resource);

    assertThat(read.deletionRequestedAt()).isEqualTo(Samples.CREATED.plusSeconds(5));
    assertThat(read.deletionReason()).isEqualTo("User requested abort");
    assertThat(read.status().finalizer()).isTrue();
  }

  /** As the API server returns it: metadata filled in, nulls gone, through JSON text. */
  private static JsonObject stored(TaskActionSpec spec, TaskActionStatus status) {
    JsonObject resource = TaskActionResources.newResource(spec, "aloft", null);
    JsonObject metadata = resource.getAsJsonObject("metadata");
    metadata.addProperty("uid", "uid-1");
    metadata.addProperty("resourceVersion", "42");
    if (status != null) {
      resource.add("status", StatusJson.write(status));
    }
    return JsonParser.parseString(new Gson().toJson(resource)).getAsJsonObject();
  }
}
