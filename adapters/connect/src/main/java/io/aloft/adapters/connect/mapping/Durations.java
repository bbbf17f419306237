package io.aloft.adapters.connect.mapping;

import io.aloft.domain.error.InvalidArgument;
import java.time.Duration;

/** {@code google.protobuf.Duration} to {@link Duration}, refusing values the spec calls invalid. */
public final class Durations {

  /** About 10,000 years, the range google.protobuf.Duration allows. */
  static final long MAX_SECONDS = 315_576_000_000L;

  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private Durations() {}

  public static Duration fromProto(com.google.protobuf.Duration duration, String path) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNanos();
    boolean mixedSigns = (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0);
    if (Math.abs(seconds) > MAX_SECONDS || Math.abs(nanos) >= NANOS_PER_SECOND || mixedSigns) {
      throw new InvalidArgument(
          path
              + " {seconds: "
              + seconds
              + ", nanos: "
              + nanos
              + "} is not a valid duration: seconds and nanos need the same sign, |nanos| < 1e9");
    }
    return Duration.ofSeconds(seconds, nanos);
  }
}
