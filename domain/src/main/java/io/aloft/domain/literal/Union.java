package io.aloft.domain.literal;

import java.util.Objects;

/**
 * A value of a union type, tagged with the variant it belongs to.
 *
 * @param value never null
 * @param typeTag never null: the tag of the chosen variant's type
 */
public record Union(Literal value, String typeTag) implements Scalar {

  public Union {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(typeTag, "typeTag");
  }
}
