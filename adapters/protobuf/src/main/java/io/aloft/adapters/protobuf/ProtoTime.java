package io.aloft.adapters.protobuf;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Instants and durations between Java and the {@code google.protobuf} well-known types. */
final class ProtoTime {

  private static final int NANOS_PER_SECOND = 1_000_000_000;

  private ProtoTime() {}

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /**
   * Java keeps the nanos of a negative duration positive (-1.5 s is -2 s + 0.5 s) while protobuf
   * wants both parts with the same sign (-1 s - 0.5 s), so negative values are shifted.
   */
  static com.google.protobuf.Duration duration(Duration duration) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (seconds < 0 && nanos > 0) {
      seconds += 1;
      nanos -= NANOS_PER_SECOND;
    }
    return com.google.protobuf.Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
  }

  static Duration duration(com.google.protobuf.Duration duration) {
    return Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
  }
}
