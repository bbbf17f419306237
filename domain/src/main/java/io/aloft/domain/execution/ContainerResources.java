package io.aloft.domain.execution;

import java.util.Map;

/**
 * What a container asks for ({@code requests}) and may use at most ({@code limits}), by resource
 * name ({@code cpu}, {@code memory}, {@code gpu}, {@code ephemeral-storage}) as quantity strings in
 * the Kubernetes notation ({@code 500m}, {@code 1Gi}). Locally they are ignored; the pod plugin
 * checks and applies them.
 */
public record ContainerResources(Map<String, String> requests, Map<String, String> limits) {

  public static final ContainerResources NONE = new ContainerResources(Map.of(), Map.of());

  public ContainerResources {
    requests = Map.copyOf(requests);
    limits = Map.copyOf(limits);
  }
}
