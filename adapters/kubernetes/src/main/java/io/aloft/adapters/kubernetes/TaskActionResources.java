package io.aloft.adapters.kubernetes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.id.ActionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@link TaskAction} ⇄ the {@code aloft.io/v1} TaskAction resource.
 *
 * <ul>
 *   <li>A resource without a status is a new one: the API server drops the status of a create when
 *       the status subresource is on, so it reads as queued on its first attempt.
 *   <li>The domain's finalizer flag is {@code status.finalizer}, written with the rest of the
 *       status in one patch. The Kubernetes finalizer {@value #FINALIZER} is set at creation and
 *       stays until the store removes the resource, so a deletion through the API (kubectl, or a
 *       parent's owner cascade) waits for the controller too. The flag reads true only while both
 *       hold.
 *   <li>An abort requested through the store is the two {@code aloft.io/deletion-*} annotations
 *       (its time and reason); a deletion through the API is {@code deletionTimestamp}. Either
 *       makes the TaskAction deleting.
 *   <li>The resource version is the API server's, which is an etcd revision: an integer that grows
 *       with every write, as the domain's resource version must.
 * </ul>
 */
public final class TaskActionResources {

  public static final String API_VERSION = ResourceNames.GROUP + "/v1";
  public static final String KIND = "TaskAction";
  public static final String PLURAL = "taskactions";
  public static final String FINALIZER = ResourceNames.GROUP + "/plugin-finalizer";
  static final String DELETION_REQUESTED_AT = ResourceNames.GROUP + "/deletion-requested-at";
  static final String DELETION_REASON = ResourceNames.GROUP + "/deletion-reason";

  /** The reason given to a TaskAction deleted through the API rather than aborted through us. */
  static final String DELETED_THROUGH_API = "deleted through the Kubernetes API";

  private TaskActionResources() {}

  /** The parent's identity an owner reference needs. */
  record Owner(String name, String uid) {}

  /** A new resource for {@code spec}, owned by {@code parent} when it has one that exists. */
  static JsonObject newResource(TaskActionSpec spec, String namespace, @Nullable Owner parent) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", ResourceNames.name(spec.action()));
    metadata.addProperty("namespace", namespace);
    JsonObject labels = new JsonObject();
    ResourceNames.labels(spec).forEach(labels::addProperty);
    metadata.add("labels", labels);
    JsonArray finalizers = new JsonArray();
    finalizers.add(FINALIZER);
    metadata.add("finalizers", finalizers);
    if (parent != null) {
      metadata.add("ownerReferences", ownerReferences(parent));
    }
    JsonObject resource = new JsonObject();
    resource.addProperty("apiVersion", API_VERSION);
    resource.addProperty("kind", KIND);
    resource.add("metadata", metadata);
    resource.add("spec", SpecJson.write(spec));
    return resource;
  }

  /**
   * The TaskAction; the resource's offloaded parts must have been read back ({@link LargeParts}).
   */
  static TaskAction read(JsonObject resource) {
    JsonObject metadata = metadata(resource);
    JsonObject specJson = required(resource, "spec");
    JsonObject statusJson = Json.object(resource, "status");
    if (LargeParts.hasRefs(specJson, statusJson)) {
      throw new IllegalArgumentException(
          "the TaskAction resource has parts in storage that were not read back");
    }
    TaskActionSpec spec = SpecJson.read(specJson);
    TaskActionStatus status =
        statusJson == null
            ? TaskActionStatus.queued(spec.createdAt())
            : StatusJson.read(statusJson);
    if (status.finalizer() && !hasFinalizer(resource)) {
      status = status.toBuilder().finalizer(false).build();
    }
    JsonObject annotations = Json.object(metadata, "annotations");
    Instant requested =
        annotations == null ? null : Json.instant(annotations, DELETION_REQUESTED_AT);
    String reason = annotations == null ? null : Json.string(annotations, DELETION_REASON);
    Instant deleted = Json.instant(metadata, "deletionTimestamp");
    if (requested == null && deleted != null) {
      requested = deleted;
      reason = DELETED_THROUGH_API;
    }
    return new TaskAction(spec, status, requested, reason, resourceVersion(resource));
  }

  static ActionId actionOf(JsonObject resource) {
    return SpecJson.actionOf(required(resource, "spec"));
  }

  static String name(JsonObject resource) {
    return Json.required(metadata(resource), "name");
  }

  static String uid(JsonObject resource) {
    return Json.required(metadata(resource), "uid");
  }

  static long resourceVersion(JsonObject resource) {
    return Long.parseLong(Json.required(metadata(resource), "resourceVersion"));
  }

  /** The resource version, or null for an object without one (a watch's bookmark has one). */
  static @Nullable String resourceVersionText(@Nullable JsonObject resource) {
    JsonObject metadata = resource == null ? null : Json.object(resource, "metadata");
    return metadata == null ? null : Json.string(metadata, "resourceVersion");
  }

  static boolean hasFinalizer(JsonObject resource) {
    JsonElement finalizers = metadata(resource).get("finalizers");
    if (finalizers == null || !finalizers.isJsonArray()) {
      return false;
    }
    for (JsonElement finalizer : finalizers.getAsJsonArray()) {
      if (FINALIZER.equals(finalizer.getAsString())) {
        return true;
      }
    }
    return false;
  }

  /** Marked through the API ({@code kubectl delete}, an owner cascade), not by an abort. */
  static boolean hasDeletionTimestamp(JsonObject resource) {
    return Json.string(metadata(resource), "deletionTimestamp") != null;
  }

  private static JsonArray ownerReferences(Owner parent) {
    JsonObject owner = new JsonObject();
    owner.addProperty("apiVersion", API_VERSION);
    owner.addProperty("kind", KIND);
    owner.addProperty("name", parent.name());
    owner.addProperty("uid", parent.uid());
    owner.addProperty("blockOwnerDeletion", true);
    JsonArray references = new JsonArray();
    references.add(owner);
    return references;
  }

  private static JsonObject metadata(JsonObject resource) {
    return required(resource, "metadata");
  }

  private static JsonObject required(JsonObject resource, String member) {
    JsonObject value = Json.object(resource, member);
    if (value == null) {
      throw new IllegalArgumentException("the TaskAction resource has no " + member);
    }
    return value;
  }
}
