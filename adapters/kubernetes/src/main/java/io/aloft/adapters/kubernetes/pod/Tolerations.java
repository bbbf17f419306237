package io.aloft.adapters.kubernetes.pod;

import io.kubernetes.client.openapi.models.V1Toleration;
import java.util.Set;

/** Reads tolerations written as {@code key=value:Effect} or {@code key:Effect} in the settings. */
final class Tolerations {

  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private Tolerations() {}

  static V1Toleration parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || !EFFECTS.contains(text.substring(colon + 1))) {
      throw new IllegalArgumentException(
          "a toleration is key=value:Effect or key:Effect with Effect one of "
              + EFFECTS
              + ", not '"
              + text
              + "'");
    }
    String keyValue = text.substring(0, colon);
    int equals = keyValue.indexOf('=');
    V1Toleration toleration = new V1Toleration().effect(text.substring(colon + 1));
    if (equals < 0) {
      return toleration.key(keyValue).operator("Exists");
    }
    return toleration
        .key(keyValue.substring(0, equals))
        .operator("Equal")
        .value(keyValue.substring(equals + 1));
  }
}
