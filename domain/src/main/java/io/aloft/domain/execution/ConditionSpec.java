package io.aloft.domain.execution;

import io.aloft.domain.literal.SimpleType;
import java.time.Duration;
import java.util.Objects;

/**
 * A condition action: it waits (PAUSED) until someone signals a value of {@code type}, or until
 * {@code timeout} passes.
 *
 * @param timeout null to wait forever
 */
public record ConditionSpec(String name, SimpleType type, String prompt, Duration timeout) {
  public ConditionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(prompt, "prompt");
  }
}
