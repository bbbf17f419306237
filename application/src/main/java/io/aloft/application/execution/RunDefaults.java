package io.aloft.application.execution;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a run gives every one of its actions (behaviour doc, section 5): the RunSpec's environment
 * variables, and the start time that replaces {@code {{.runStartTime}}} in container args (the
 * RunSpec's, else when the run was created), and the raw data prefix under which each attempt gets
 * its own folder (the RunSpec's, else the configured default; null: below each attempt's outputs).
 */
record RunDefaults(Map<String, String> environment, Instant startTime, String rawDataPrefix) {

  private static final System.Logger LOG = System.getLogger(RunDefaults.class.getName());

  RunDefaults {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(startTime, "startTime");
  }

  /**
   * The defaults of the run rooted at {@code root}, created at {@code createdAt}. A run spec that
   * cannot be read was refused at CreateRun; an old corrupt one runs without its settings.
   *
   * @param defaultRawDataPrefix nullable: the configured raw data prefix of runs that set none
   */
  static RunDefaults of(
      ActionSpecReader specs,
      ActionId root,
      byte[] runSpec,
      Instant createdAt,
      String defaultRawDataPrefix) {
    try {
      Bytes spec = Bytes.of(runSpec);
      return new RunDefaults(
          specs.runEnvironment(spec),
          specs.runStartTime(spec).orElse(createdAt),
          specs.rawDataPrefix(spec).orElse(defaultRawDataPrefix));
    } catch (InvalidArgument e) {
      LOG.log(
          Level.WARNING,
          "run spec of " + root.key() + " is unreadable; its actions get no run settings",
          e);
      return none(createdAt, defaultRawDataPrefix);
    }
  }

  /** A run without settings of its own: only the configured ones. */
  static RunDefaults none(Instant createdAt, String defaultRawDataPrefix) {
    return new RunDefaults(Map.of(), createdAt, defaultRawDataPrefix);
  }
}
