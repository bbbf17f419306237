package io.aloft.application.run;

import java.time.Duration;
import java.util.Objects;

/**
 * @param storagePrefix where run metadata goes unless a run names its own base, e.g. {@code
 *     s3://aloft/metadata}
 * @param readYourWritesTimeout how long a create waits for its row to reach the read model
 */
public record RunSettings(String storagePrefix, Duration readYourWritesTimeout) {

  public RunSettings {
    Objects.requireNonNull(storagePrefix, "storagePrefix");
    Objects.requireNonNull(readYourWritesTimeout, "readYourWritesTimeout");
  }
}
