package io.aloft.adapters.connect.mapping;

import io.aloft.proto.run.v1.RunSource;
import org.jspecify.annotations.Nullable;

/** The run source is stored as its proto enum name, e.g. {@code RUN_SOURCE_CLI}. */
public final class RunSources {

  private RunSources() {}

  /** Null for UNSPECIFIED: the run's source is then unknown. */
  public static @Nullable String toStored(RunSource source, int number, String path) {
    RunSource known = Fields.known(source, number, path);
    return known == RunSource.RUN_SOURCE_UNSPECIFIED ? null : known.name();
  }

  /** Unknown stored names (from a newer version) read as UNSPECIFIED rather than failing reads. */
  public static RunSource fromStored(@Nullable String stored) {
    if (stored == null) {
      return RunSource.RUN_SOURCE_UNSPECIFIED;
    }
    for (RunSource source : RunSource.values()) {
      if (source != RunSource.UNRECOGNIZED && source.name().equals(stored)) {
        return source;
      }
    }
    return RunSource.RUN_SOURCE_UNSPECIFIED;
  }
}
