package io.aloft.application.port.storage;

/**
 * Hears about bytes as a streaming transfer moves them, for progress displays. Called from I/O
 * threads, possibly concurrently: implementations must be thread-safe and must not block. A retried
 * attempt reports its bytes again, so totals can briefly exceed the object's size.
 */
@FunctionalInterface
public interface TransferListener {

  /** Ignores everything. */
  TransferListener NONE = bytes -> {};

  /** {@code bytes} more bytes were read from or written to the store. */
  void transferred(long bytes);
}
