package io.aloft.adapters.protobuf;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.CacheSettings;
import io.aloft.domain.execution.ContainerResources;
import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.literal.TypedInterface;
import io.aloft.proto.task.v1.Container;
import io.aloft.proto.task.v1.Resources;
import io.aloft.proto.task.v1.TaskMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a proto task template the executor acts on. */
final class TaskTemplates {

  private static final String PATH = "task_template";

  private TaskTemplates() {}

  static TaskTemplate fromProto(io.aloft.proto.task.v1.TaskTemplate template) {
    TaskMetadata metadata = template.getMetadata();
    return new TaskTemplate(
        template.getType(),
        iface(template),
        retries(metadata),
        metadata.hasTimeout() ? ProtoTime.duration(metadata.getTimeout()) : null,
        metadata.getInterruptibleValueCase() == TaskMetadata.InterruptibleValueCase.INTERRUPTIBLE
            && metadata.getInterruptible(),
        cache(metadata),
        template.hasContainer() ? container(template.getContainer()) : null,
        template.getConfigMap(),
        metadata.getMetadata().getLabelsMap(),
        metadata.getMetadata().getAnnotationsMap());
  }

  private static TypedInterface iface(io.aloft.proto.task.v1.TaskTemplate template) {
    return template.hasInterface()
        ? Interfaces.fromProto(template.getInterface(), PATH + ".interface")
        : new TypedInterface(Map.of(), Map.of());
  }

  /** The proto's uint32 arrives as a Java int: values past 2^31 - 1 show up negative. */
  private static int retries(TaskMetadata metadata) {
    int retries = metadata.getRetries().getRetries();
    if (retries < 0) {
      throw new InvalidArgument(
          PATH
              + ".metadata.retries.retries is "
              + Integer.toUnsignedString(retries)
              + ", too many; use at most 10");
    }
    return retries;
  }

  private static CacheSettings cache(TaskMetadata metadata) {
    return new CacheSettings(
        metadata.getDiscoverable(),
        metadata.getDiscoveryVersion(),
        metadata.getCacheSerializable(),
        metadata.getCacheIgnoreInputVarsList());
  }

  private static ContainerSpec container(Container container) {
    return new ContainerSpec(
        container.getImage(),
        container.getCommandList(),
        container.getArgsList(),
        container.getEnvList().stream()
            .map(pair -> new EnvVar(pair.getKey(), pair.getValue()))
            .toList(),
        new ContainerResources(
            resources(container.getResources().getRequestsList()),
            resources(container.getResources().getLimitsList())));
  }

  /**
   * Entries by the domain's resource names; an unnamed entry is a bad spec (it cannot be applied),
   * and storage is ephemeral storage, the only storage a container can ask for.
   */
  private static Map<String, String> resources(List<Resources.ResourceEntry> entries) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Resources.ResourceEntry entry : entries) {
      String name =
          switch (entry.getName()) {
            case RESOURCE_NAME_CPU -> "cpu";
            case RESOURCE_NAME_GPU -> "gpu";
            case RESOURCE_NAME_MEMORY -> "memory";
            case RESOURCE_NAME_STORAGE, RESOURCE_NAME_EPHEMERAL_STORAGE -> "ephemeral-storage";
            default ->
                throw new InvalidArgument(
                    PATH + ".container.resources has an entry without a known resource name");
          };
      byName.put(name, entry.getValue());
    }
    return byName;
  }
}
