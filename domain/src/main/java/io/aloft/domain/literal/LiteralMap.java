package io.aloft.domain.literal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Literals by name; copied keeping the caller's order (unlike {@code Map.copyOf}), unmodifiable.
 */
public record LiteralMap(Map<String, Literal> literals) implements Literal {

  public LiteralMap {
    literals.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "name");
          Objects.requireNonNull(value, "value");
        });
    literals = Collections.unmodifiableMap(new LinkedHashMap<>(literals));
  }
}
