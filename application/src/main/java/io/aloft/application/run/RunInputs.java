package io.aloft.application.run;

import java.util.Objects;

/** A run's inputs: none, serialized inline, or uploaded earlier (DataProxy.UploadInputs). */
public sealed interface RunInputs {

  record None() implements RunInputs {}

  /** The serialized Inputs message, written to the run's inputs/inputs.pb. */
  record Inline(byte[] serialized) implements RunInputs {
    public Inline {
      Objects.requireNonNull(serialized, "serialized");
    }
  }

  /** The directory holding an uploaded inputs.pb. */
  record Offloaded(String uri) implements RunInputs {
    public Offloaded {
      Objects.requireNonNull(uri, "uri");
    }
  }
}
