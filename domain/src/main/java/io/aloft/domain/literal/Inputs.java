package io.aloft.domain.literal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of {@code inputs.pb}: named literals plus context key/values. Both copied and
 * unmodifiable, never null; wire-compatible with a LiteralMap.
 */
public record Inputs(List<NamedLiteral> literals, Map<String, String> context) {

  public Inputs {
    literals = List.copyOf(literals);
    context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  public static Inputs of(List<NamedLiteral> literals) {
    return new Inputs(literals, Map.of());
  }

  /** The first literal called {@code name}. */
  public Optional<Literal> get(String name) {
    return literals.stream()
        .filter(l -> l.name().equals(name))
        .map(NamedLiteral::value)
        .findFirst();
  }
}
