package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Server-side limits of the Connect endpoints.
 *
 * @param maxMessageBytes the largest request message accepted, before and after decompression
 * @param maxTimeout if set, caps the deadline a client asks for with Connect-Timeout-Ms; calls
 *     without that header get no server-side deadline (long-lived watch streams rely on this)
 * @param streamPrefetch how many messages a stream handler is asked for ahead of the network
 */
public record ConnectOptions(
    int maxMessageBytes, @Nullable Duration maxTimeout, int streamPrefetch) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_STREAM_PREFETCH = 16;

  public ConnectOptions {
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (maxTimeout != null && (maxTimeout.isNegative() || maxTimeout.isZero())) {
      throw new IllegalArgumentException("maxTimeout must be positive: " + maxTimeout);
    }
    if (streamPrefetch <= 0) {
      throw new IllegalArgumentException("streamPrefetch must be positive: " + streamPrefetch);
    }
  }

  /** 4 MiB messages, no timeout cap, a prefetch of 16 messages. */
  public static ConnectOptions defaults() {
    return new ConnectOptions(DEFAULT_MAX_MESSAGE_BYTES, null, DEFAULT_STREAM_PREFETCH);
  }

  public ConnectOptions withMaxMessageBytes(int bytes) {
    return new ConnectOptions(bytes, maxTimeout, streamPrefetch);
  }

  public ConnectOptions withMaxTimeout(@Nullable Duration cap) {
    return new ConnectOptions(maxMessageBytes, cap, streamPrefetch);
  }

  public ConnectOptions withStreamPrefetch(int messages) {
    return new ConnectOptions(maxMessageBytes, maxTimeout, messages);
  }

  Optional<Duration> timeoutCap() {
    return Optional.ofNullable(maxTimeout);
  }
}
