package io.aloft.domain.execution;

import java.util.List;
import java.util.Objects;

/**
 * What a {@code container} task runs. Locally the image is ignored and command + args run as a
 * process; in Kubernetes they become the pod's primary container.
 *
 * @param image may be empty
 * @param command never null, may be empty (then args alone form the command line)
 * @param args never null
 * @param env never null, in declaration order
 * @param resources never null
 */
public record ContainerSpec(
    String image,
    List<String> command,
    List<String> args,
    List<EnvVar> env,
    ContainerResources resources) {
  public ContainerSpec {
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(resources, "resources");
  }

  /** A container that asks for no particular resources. */
  public ContainerSpec(String image, List<String> command, List<String> args, List<EnvVar> env) {
    this(image, command, args, env, ContainerResources.NONE);
  }

  /** command followed by args: the process's argv. */
  public List<String> argv() {
    return java.util.stream.Stream.concat(command.stream(), args.stream()).toList();
  }
}
