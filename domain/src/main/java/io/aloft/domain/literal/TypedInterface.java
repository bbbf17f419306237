package io.aloft.domain.literal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task's inputs and outputs by name; copied keeping order, unmodifiable, never null. */
public record TypedInterface(Map<String, Variable> inputs, Map<String, Variable> outputs) {

  public TypedInterface {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}
