package io.aloft.domain.literal;

import java.util.Objects;

/** One named input or output (both components non-null). */
public record NamedLiteral(String name, Literal value) {

  public NamedLiteral {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
