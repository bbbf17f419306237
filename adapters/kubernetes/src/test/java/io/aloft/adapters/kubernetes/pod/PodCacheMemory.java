package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.application.port.plugin.PluginContext;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.task.v1.TaskSpec;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Pod;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Heap per pod in the informer's cache (run by {@code KubernetesBench --scenarios=pod-memory}).
 * Each pod is what the plugin creates ({@link PodManifests}) as the API server would hand it back
 * while it runs: uid, resource version, managedFields for the manager's create and the kubelet's
 * status writes, and a running status (five conditions, IPs, three container statuses with image
 * ids and container ids). The server's spec defaults (tolerations, the service account volume,
 * per-container defaults) are left out, so the full pod is smaller here than on a cluster. Each
 * reading is heap used after full collections; the full client model is measured for comparison, as
 * an informer that kept whole pods would hold them.
 */
public final class PodCacheMemory {

  private PodCacheMemory() {}

  public static void measure(int count, Callable<Long> usedAfterGc) throws Exception {
    JsonObject template = runningPod();
    int jsonBytes = template.toString().length();
    long before = usedAfterGc.call();
    PodCache cache = new PodCache();
    for (int i = 0; i < count; i++) {
      cache.put(LeanPod.of(copy(template, i)));
    }
    long lean = usedAfterGc.call();
    List<V1Pod> full = new ArrayList<>(count);
    JSON json = new JSON();
    for (int i = 0; i < count; i++) {
      full.add(json.deserialize(copy(template, i).toString(), V1Pod.class));
    }
    long whole = usedAfterGc.call();
    System.out.printf(
        "RESULT scenario=k8s-pod-memory cached=%d pod_json_bytes=%d lean_bytes_per_pod=%.0f"
            + " lean_per_10000_mib=%.1f full_model_bytes_per_pod=%.0f%n",
        cache.size(),
        jsonBytes,
        (double) (lean - before) / count,
        (lean - before) / (1024.0 * 1024.0) * 10_000 / count,
        (double) (whole - lean) / count);
    Reference.reachabilityFence(cache);
    Reference.reachabilityFence(full);
  }

  /** The template with a name, uid and resource version of its own. */
  private static JsonObject copy(JsonObject template, int i) {
    JsonObject pod = template.deepCopy();
    JsonObject metadata = pod.getAsJsonObject("metadata");
    metadata.addProperty("name", "rk3f9x2m1q7z-train-step-" + i + "-0");
    metadata.addProperty("uid", String.format("5f0c1d2e-%04x-4a5b-9c8d-%012d", i % 65536, i));
    metadata.addProperty("resourceVersion", Long.toString(48_213_000L + i));
    return pod;
  }

  private static JsonObject runningPod() {
    V1Pod built = PodManifests.build(context(), new PodManifests.Owner("o", "u"), settings(), "");
    JsonObject pod = JsonParser.parseString(new JSON().serialize(built)).getAsJsonObject();
    JsonObject metadata = pod.getAsJsonObject("metadata");
    metadata.addProperty("creationTimestamp", "2026-11-21T10:00:00Z");
    metadata.addProperty("generation", 1);
    JsonArray managed = new JsonArray();
    managed.add(managedField("aloft", null, fields(pod.get("spec"))));
    managed.add(managedField("kubelet", "status", fields(status())));
    metadata.add("managedFields", managed);
    pod.add("status", status());
    return pod;
  }

  private static JsonObject managedField(String manager, String subresource, JsonObject fields) {
    JsonObject entry = new JsonObject();
    entry.addProperty("manager", manager);
    entry.addProperty("operation", "Update");
    entry.addProperty("apiVersion", "v1");
    entry.addProperty("time", "2026-11-21T10:00:05Z");
    entry.addProperty("fieldsType", "FieldsV1");
    if (subresource != null) {
      entry.addProperty("subresource", subresource);
    }
    JsonObject wrapped = new JsonObject();
    wrapped.add("f:" + (subresource == null ? "spec" : subresource), fields);
    entry.add("fieldsV1", wrapped);
    return entry;
  }

  /** The shape of a fieldsV1 entry: every member as {@code f:<name>}, leaves as {@code {}}. */
  private static JsonObject fields(JsonElement element) {
    JsonObject fields = new JsonObject();
    if (element.isJsonObject()) {
      element
          .getAsJsonObject()
          .entrySet()
          .forEach(member -> fields.add("f:" + member.getKey(), fields(member.getValue())));
    } else if (element.isJsonArray()) {
      int i = 0;
      for (JsonElement item : element.getAsJsonArray()) {
        fields.add("k:{\"name\":\"item-" + i++ + "\"}", fields(item));
      }
    }
    return fields;
  }

  private static JsonObject status() {
    JsonObject status = new JsonObject();
    status.addProperty("phase", "Running");
    JsonArray conditions = new JsonArray();
    for (String type :
        List.of("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady")) {
      conditions.add(condition(type));
    }
    conditions.add(condition("PodScheduled"));
    status.add("conditions", conditions);
    status.addProperty("hostIP", "10.0.3.17");
    status.add("hostIPs", JsonParser.parseString("[{\"ip\":\"10.0.3.17\"}]"));
    status.addProperty("podIP", "10.244.3.41");
    status.add("podIPs", JsonParser.parseString("[{\"ip\":\"10.244.3.41\"}]"));
    status.addProperty("startTime", "2026-11-21T10:00:01Z");
    status.addProperty("qosClass", "Burstable");
    JsonArray init = new JsonArray();
    init.add(container(PodNames.DOWNLOAD, PodTestKit.COPILOT, terminated()));
    init.add(container(PodNames.UPLOAD, PodTestKit.COPILOT, running()));
    status.add("initContainerStatuses", init);
    JsonArray containers = new JsonArray();
    containers.add(container(PodNames.TASK, PodTestKit.IMAGE, running()));
    status.add("containerStatuses", containers);
    return status;
  }

  private static JsonObject condition(String type) {
    JsonObject condition = new JsonObject();
    condition.addProperty("type", type);
    condition.addProperty("status", "True");
    condition.add("lastProbeTime", null);
    condition.addProperty("lastTransitionTime", "2026-11-21T10:00:04Z");
    return condition;
  }

  private static JsonObject container(String name, String image, JsonObject state) {
    JsonObject container = new JsonObject();
    container.addProperty("name", name);
    container.add("state", state);
    container.add("lastState", new JsonObject());
    container.addProperty("ready", true);
    container.addProperty("restartCount", 0);
    container.addProperty("image", image);
    container.addProperty("imageID", image.split(":")[0] + "@sha256:" + "9f".repeat(32));
    container.addProperty("containerID", "containerd://" + "3c".repeat(32));
    container.addProperty("started", true);
    return container;
  }

  private static JsonObject running() {
    return JsonParser.parseString("{\"running\":{\"startedAt\":\"2026-11-21T10:00:04Z\"}}")
        .getAsJsonObject();
  }

  private static JsonObject terminated() {
    return JsonParser.parseString(
            "{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\","
                + "\"startedAt\":\"2026-11-21T10:00:02Z\",\"finishedAt\":\"2026-11-21T10:00:03Z\","
                + "\"containerID\":\"containerd://"
                + "7a".repeat(32)
                + "\"}}")
        .getAsJsonObject();
  }

  private static PodSettings settings() {
    return PodTestKit.settings();
  }

  private static PluginContext context() {
    ActionId id = ActionId.of("proj", "development", "rk3f9x2m1q7z", "train-step");
    Bytes taskSpec =
        Bytes.of(
            TaskSpec.newBuilder().setTaskTemplate(PodTestKit.template()).build().toByteArray());
    TaskActionSpec spec =
        new TaskActionSpec(
            id,
            null,
            ActionType.TASK,
            "s3://aloft/metadata/proj/development/rk3f9x2m1q7z/inputs",
            "s3://aloft/metadata/proj/development/rk3f9x2m1q7z",
            "container",
            "train",
            taskSpec,
            null,
            null,
            Map.of(),
            Instant.parse("2026-11-21T10:00:00Z"));
    String out = "s3://aloft/metadata/proj/development/rk3f9x2m1q7z/train-step/1";
    return new PluginContext(
        spec,
        new ProtoActionSpecReader().taskTemplate(taskSpec),
        1,
        0,
        Bytes.EMPTY,
        spec.inputUri() + "/inputs.pb",
        out,
        out + "/raw",
        Map.of("ACTION_NAME", "train-step", "RUN_NAME", "rk3f9x2m1q7z"),
        null,
        () -> {});
  }
}
