package io.aloft.adapters.local.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link LocalProcessPlugin}.
 *
 * @param workRoot where attempts get their work directories, {@code
 *     <workRoot>/<project>/<domain>/<attempt name>/}; made absolute
 * @param terminationGrace how long a task may take to exit after SIGTERM before it is SIGKILLed
 * @param maxLogBytes the disk budget of one attempt's log ({@code task.log} and its rotated part
 *     {@code task.log.1} together), exceeded at most by what the task writes in one poll interval;
 *     at least 64 KiB
 * @param pollInterval how often a running attempt's log size is checked, and when the controller is
 *     asked to call again while the process runs
 */
public record LocalProcessSettings(
    Path workRoot, Duration terminationGrace, long maxLogBytes, Duration pollInterval) {

  public static final Duration DEFAULT_TERMINATION_GRACE = Duration.ofSeconds(10);
  public static final long DEFAULT_MAX_LOG_BYTES = 64L * 1024 * 1024;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
  public static final long MIN_LOG_BYTES = 64L * 1024;

  public LocalProcessSettings {
    workRoot = Objects.requireNonNull(workRoot, "workRoot").toAbsolutePath().normalize();
    Objects.requireNonNull(terminationGrace, "terminationGrace");
    if (terminationGrace.isNegative()) {
      throw new IllegalArgumentException(
          "terminationGrace must not be negative: " + terminationGrace);
    }
    if (maxLogBytes < MIN_LOG_BYTES) {
      throw new IllegalArgumentException(
          "maxLogBytes must be at least " + MIN_LOG_BYTES + ": " + maxLogBytes);
    }
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
  }

  /** Defaults: 10 s grace, 64 MiB of log, a 1 s poll interval. */
  public static LocalProcessSettings defaults(Path workRoot) {
    return new LocalProcessSettings(
        workRoot, DEFAULT_TERMINATION_GRACE, DEFAULT_MAX_LOG_BYTES, DEFAULT_POLL_INTERVAL);
  }
}
