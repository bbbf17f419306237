package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link LeanPod} straight from the pod's JSON, picking out only what it keeps
 * (client-java's deserializer would build the whole pod first, and refuses container statuses
 * without fields the plugin never reads). Strings that repeat across pods (container names, phases,
 * reasons, images) are interned, so 10,000 cached pods share one copy of each.
 */
final class LeanPodJson {

  private LeanPodJson() {}

  /** Whether the resource is a pod Aloft created (a server ignoring the selector sends others). */
  static boolean isAloftPod(JsonObject pod) {
    JsonObject labels = object(object(pod, "metadata"), "labels");
    return labels != null && labels.has(PodApi.SELECTOR);
  }

  static String name(JsonObject pod) {
    String name = string(object(pod, "metadata"), "name");
    if (name == null) {
      throw new IllegalArgumentException("a pod without a name");
    }
    return name;
  }

  static @Nullable String resourceVersion(JsonObject pod) {
    return string(object(pod, "metadata"), "resourceVersion");
  }

  static LeanPod read(JsonObject pod) {
    String created = string(object(pod, "metadata"), "creationTimestamp");
    JsonObject status = object(pod, "status");
    return new LeanPod(
        name(pod),
        resourceVersion(pod),
        created == null ? null : OffsetDateTime.parse(created).toInstant(),
        shared(string(status, "phase")),
        shared(string(status, "reason")),
        string(status, "message"),
        unschedulable(array(status, "conditions")),
        containers(array(status, "initContainerStatuses")),
        containers(array(status, "containerStatuses")));
  }

  private static @Nullable String unschedulable(@Nullable JsonArray conditions) {
    for (JsonObject condition : objects(conditions)) {
      if ("PodScheduled".equals(string(condition, "type"))
          && "False".equals(string(condition, "status"))) {
        String reason = shared(string(condition, "reason"));
        return reason == null ? "" : reason;
      }
    }
    return null;
  }

  private static List<LeanPod.Container> containers(@Nullable JsonArray statuses) {
    List<LeanPod.Container> kept = new ArrayList<>();
    for (JsonObject status : objects(statuses)) {
      kept.add(container(status));
    }
    return kept;
  }

  private static LeanPod.Container container(JsonObject status) {
    JsonObject state = object(status, "state");
    JsonObject waiting = object(state, "waiting");
    JsonObject terminated = object(state, "terminated");
    String waitingReason = shared(string(waiting, "reason"));
    JsonElement exitCode = terminated == null ? null : terminated.get("exitCode");
    boolean exited = exitCode != null && !exitCode.isJsonNull();
    return new LeanPod.Container(
        shared(string(status, "name")),
        waitingReason == null ? null : shared(string(status, "image")),
        waitingReason,
        waitingReason == null ? null : string(waiting, "message"),
        exited ? exitCode.getAsInt() : null,
        exited ? shared(string(terminated, "reason")) : null,
        exited ? string(terminated, "message") : null);
  }

  /** One instance per distinct value (the JVM's string table lets unused ones go). */
  private static @Nullable String shared(@Nullable String value) {
    return value == null ? null : value.intern();
  }

  private static @Nullable JsonObject object(@Nullable JsonObject parent, String member) {
    JsonElement value = parent == null ? null : parent.get(member);
    return value == null || !value.isJsonObject() ? null : value.getAsJsonObject();
  }

  private static @Nullable JsonArray array(@Nullable JsonObject parent, String member) {
    JsonElement value = parent == null ? null : parent.get(member);
    return value == null || !value.isJsonArray() ? null : value.getAsJsonArray();
  }

  private static List<JsonObject> objects(@Nullable JsonArray array) {
    List<JsonObject> objects = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> objects.add(item.getAsJsonObject()));
    }
    return objects;
  }

  private static @Nullable String string(@Nullable JsonObject parent, String member) {
    JsonElement value = parent == null ? null : parent.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
