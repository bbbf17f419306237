package io.aloft.adapters.kubernetes.pod;

import io.aloft.domain.execution.ContainerSpec;
import io.aloft.domain.execution.EnvVar;
import io.kubernetes.client.custom.Quantity;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a template unfit for a pod, found before any pod is created: the API server or the
 * kubelet would refuse it later with a less helpful message, or (an image typo) only after the pull
 * grace. Each problem is a permanent failure: retrying cannot fix the template.
 */
final class TemplateChecks {

  /** A problem: the error code and a message naming the field and what is allowed. */
  record Problem(String code, String message) {}

  static final String BAD_SPEC = "BadTaskSpecification";
  static final String TOO_MUCH = "ResourceLimitExceeded";

  /**
   * An image reference as the distribution spec defines it: an optional registry host (with port),
   * a lower-case path, an optional tag and an optional digest.
   */
  private static final Pattern IMAGE =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9-]+)*(?::[0-9]+)?/)?"
              + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
              + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
              + "(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,})?");

  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private TemplateChecks() {}

  static Optional<Problem> find(ContainerSpec container, PodSettings settings) {
    if (container == null) {
      return bad("a container task needs a container (image, command); the template has none");
    }
    if (container.image().isBlank()) {
      return bad("the container has no image: a pod needs one (task_template.container.image)");
    }
    if (container.image().length() > 4096 || !IMAGE.matcher(container.image()).matches()) {
      return bad(
          "the container image '"
              + container.image()
              + "' is not a valid image reference ([registry/]name[:tag][@digest], lower-case"
              + " name)");
    }
    if (!container.command().isEmpty() && container.command().getFirst().isBlank()) {
      // The API server accepts it; the kubelet fails the container only after the pull grace.
      return bad(
          "the container's command starts with an empty executable name"
              + " (task_template.container.command[0]); leave the command out to run the"
              + " image's entrypoint");
    }
    for (String arg : container.argv()) {
      if (arg.indexOf('\0') >= 0) {
        return bad("the container's command or args contain a NUL character");
      }
    }
    for (EnvVar var : container.env()) {
      if (!ENV_NAME.matcher(var.name()).matches()) {
        return bad("the container's environment variable name '" + var.name() + "' is invalid");
      }
    }
    return resources(container, settings);
  }

  private static Optional<Problem> resources(ContainerSpec container, PodSettings settings) {
    Optional<Problem> requests = within("requests", container.resources().requests(), settings);
    return requests.isPresent()
        ? requests
        : within("limits", container.resources().limits(), settings);
  }

  private static Optional<Problem> within(
      String what, Map<String, String> asked, PodSettings settings) {
    for (Map.Entry<String, String> entry : asked.entrySet()) {
      Quantity quantity;
      try {
        quantity = Quantity.fromString(entry.getValue());
      } catch (RuntimeException e) {
        return bad(
            "the container's "
                + what
                + " give "
                + entry.getKey()
                + " as '"
                + entry.getValue()
                + "', which is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)");
      }
      String max = settings.maxRequests().get(entry.getKey());
      if (max != null && quantity.getNumber().compareTo(Quantity.fromString(max).getNumber()) > 0) {
        return Optional.of(
            new Problem(
                TOO_MUCH,
                "the container's "
                    + what
                    + " ask for "
                    + entry.getValue()
                    + " of "
                    + entry.getKey()
                    + ", more than the "
                    + max
                    + " a task may have here"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> bad(String message) {
    return Optional.of(new Problem(BAD_SPEC, message));
  }
}
