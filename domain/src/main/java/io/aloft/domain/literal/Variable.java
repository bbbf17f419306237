package io.aloft.domain.literal;

import java.util.Objects;

/**
 * A typed input or output of a task interface.
 *
 * @param type never null
 * @param description never null, may be empty
 */
public record Variable(LiteralType type, String description) {

  public Variable {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }
}
