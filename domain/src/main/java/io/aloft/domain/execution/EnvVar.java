package io.aloft.domain.execution;

import java.util.Objects;

/** One environment variable of a task's process; order is kept, later entries win. */
public record EnvVar(String name, String value) {
  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
