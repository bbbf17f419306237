package io.aloft.domain.literal;

import java.util.Objects;

/**
 * A protobuf {@code Struct}, kept as its JSON text: the control plane never looks inside.
 *
 * @param json never null
 */
public record Generic(String json) implements Scalar {

  public Generic {
    Objects.requireNonNull(json, "json");
  }
}
