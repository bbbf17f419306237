package io.aloft.application.port.storage;

/**
 * Hears about bytes as a streaming transfer moves them, for progress displays. Called from I/O
 * threads, possibly concurrently: implementations must be thread-safe and must not block. An
 * attempt that fails takes back what it reported (a negative count) before a retry reports its
 * bytes again, so totals follow what has really arrived.
 */
@FunctionalInterface
public interface TransferListener {

  /** Ignores everything. */
  TransferListener NONE = bytes -> {};

  /**
   * {@code bytes} more bytes were read from or written to the store; negative when a failed attempt
   * takes its bytes back.
   */
  void transferred(long bytes);
}
