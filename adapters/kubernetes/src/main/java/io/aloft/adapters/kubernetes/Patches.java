package io.aloft.adapters.kubernetes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;

/** The bodies of the merge patches the store sends. */
final class Patches {

  private Patches() {}

  /** {@code metadata} naming the version a patch is based on: the server refuses it otherwise. */
  static JsonObject precondition(long resourceVersion) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("resourceVersion", Long.toString(resourceVersion));
    return metadata;
  }

  /** Marks an abort (when and why) and, unless the plugin holds it, drops the finalizer. */
  static JsonObject markDeletion(JsonObject resource, Instant at, String reason, boolean held) {
    JsonObject metadata = precondition(TaskActionResources.resourceVersion(resource));
    JsonObject annotations = new JsonObject();
    annotations.addProperty(TaskActionResources.DELETION_REQUESTED_AT, at.toString());
    annotations.addProperty(TaskActionResources.DELETION_REASON, reason);
    metadata.add("annotations", annotations);
    if (!held) {
      metadata.add("finalizers", finalizersWithoutOurs(resource));
    }
    return wrap(metadata);
  }

  /** Drops the store's finalizer, keeping any other. */
  static JsonObject releaseFinalizer(JsonObject resource) {
    JsonObject metadata = precondition(TaskActionResources.resourceVersion(resource));
    metadata.add("finalizers", finalizersWithoutOurs(resource));
    return wrap(metadata);
  }

  /** A merge patch replaces lists whole, so the list is sent as it should be. */
  private static JsonArray finalizersWithoutOurs(JsonObject resource) {
    JsonArray kept = new JsonArray();
    JsonObject metadata = Json.object(resource, "metadata");
    JsonElement finalizers = metadata == null ? null : metadata.get("finalizers");
    if (finalizers != null && finalizers.isJsonArray()) {
      for (JsonElement finalizer : finalizers.getAsJsonArray()) {
        if (!TaskActionResources.FINALIZER.equals(finalizer.getAsString())) {
          kept.add(finalizer);
        }
      }
    }
    return kept;
  }

  private static JsonObject wrap(JsonObject metadata) {
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    return patch;
  }
}
