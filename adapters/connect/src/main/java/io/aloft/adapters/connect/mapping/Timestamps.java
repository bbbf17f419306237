package io.aloft.adapters.connect.mapping;

import com.google.protobuf.Timestamp;
import io.aloft.domain.error.InvalidArgument;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Instants between Java and {@code google.protobuf.Timestamp}. */
public final class Timestamps {

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range Timestamp allows. */
  static final long MIN_SECONDS = -62_135_596_800L;

  static final long MAX_SECONDS = 253_402_300_799L;

  private Timestamps() {}

  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /** A timestamp a client sent; values outside the range the type allows are rejected. */
  public static Instant fromProto(Timestamp timestamp, String path) {
    if (timestamp.getSeconds() < MIN_SECONDS
        || timestamp.getSeconds() > MAX_SECONDS
        || timestamp.getNanos() < 0
        || timestamp.getNanos() > 999_999_999) {
      throw new InvalidArgument(
          path
              + " is not a valid timestamp (seconds "
              + timestamp.getSeconds()
              + ", nanos "
              + timestamp.getNanos()
              + "); use a time between years 1 and 9999");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** An optional timestamp field: null when the client did not set it. */
  public static @Nullable Instant fromProtoIfSet(
      boolean present, Timestamp timestamp, String path) {
    return present ? fromProto(timestamp, path) : null;
  }
}
