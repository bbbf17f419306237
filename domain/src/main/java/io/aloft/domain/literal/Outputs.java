package io.aloft.domain.literal;

import java.util.List;
import java.util.Optional;

/** The content of {@code outputs.pb}: named literals, copied, unmodifiable, never null. */
public record Outputs(List<NamedLiteral> literals) {

  public Outputs {
    literals = List.copyOf(literals);
  }

  /** The first literal called {@code name}. */
  public Optional<Literal> get(String name) {
    return literals.stream()
        .filter(l -> l.name().equals(name))
        .map(NamedLiteral::value)
        .findFirst();
  }
}
