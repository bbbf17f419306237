package io.aloft.adapters.kubernetes.bench;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.ResourceLimits;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.KeyValuePair;
import io.aloft.proto.task.v1.Container;
import io.aloft.proto.task.v1.Resources;
import io.aloft.proto.task.v1.TaskSpec;
import io.aloft.proto.task.v1.TaskTemplate;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the Kubernetes benchmarks share: the API stand-in, a store on it, specs, heap readings. */
final class BenchKit implements AutoCloseable {

  static final Duration WAIT = Duration.ofMinutes(5);
  static final String NAMESPACE = "aloft";

  final KubeApiStandIn api;
  final FileDataStore data;
  final Path storage;

  BenchKit() throws IOException {
    api = new KubeApiStandIn();
    storage = Files.createTempDirectory("aloft-k8s-bench");
    data = new FileDataStore(List.of(storage));
  }

  /** A store as the manager builds it (with storage for large parts), not started. */
  KubernetesTaskActionStore store() {
    io.kubernetes.client.openapi.ApiClient client = api.client();
    int perHost = Integer.getInteger("bench.maxRequestsPerHost", 0);
    if (perHost > 0) {
      client.getHttpClient().dispatcher().setMaxRequestsPerHost(perHost);
      client.getHttpClient().dispatcher().setMaxRequests(Math.max(64, perHost));
    }
    return new KubernetesTaskActionStore(
        client,
        KubernetesSettings.defaults(NAMESPACE),
        Clock.systemUTC(),
        data,
        ResourceLimits.defaults());
  }

  /**
   * A root action of run {@code prefix<i>}, of type {@code taskType}, with a small real template.
   */
  TaskActionSpec spec(String prefix, int i, String taskType) {
    RunId run = RunId.of("bench", "development", prefix + i);
    String base = storage.resolve("runs").resolve(run.key()).toUri().toString();
    return new TaskActionSpec(
        ActionId.root(run),
        null,
        ActionType.TASK,
        base + "inputs",
        base,
        taskType,
        "bench.task",
        TEMPLATE,
        null,
        null,
        Map.of(),
        Instant.now());
  }

  /** Heap in use after collections, in bytes. */
  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  @Override
  public void close() {
    api.close();
  }

  /** A container template of the usual size (image, command, args, env, resources): ~250 bytes. */
  private static final Bytes TEMPLATE =
      Bytes.of(
          TaskSpec.newBuilder()
              .setTaskTemplate(
                  TaskTemplate.newBuilder()
                      .setType("container")
                      .setContainer(
                          Container.newBuilder()
                              .setImage("ghcr.io/acme/train:1.2")
                              .addCommand("python")
                              .addArgs("-m")
                              .addArgs("acme.train")
                              .addArgs("--epochs=3")
                              .addEnv(KeyValuePair.newBuilder().setKey("MODE").setValue("fast"))
                              .setResources(
                                  Resources.newBuilder()
                                      .addRequests(
                                          Resources.ResourceEntry.newBuilder()
                                              .setName(Resources.ResourceName.RESOURCE_NAME_CPU)
                                              .setValue("500m"))
                                      .addRequests(
                                          Resources.ResourceEntry.newBuilder()
                                              .setName(Resources.ResourceName.RESOURCE_NAME_MEMORY)
                                              .setValue("1Gi")))))
              .build()
              .toByteArray());
}
