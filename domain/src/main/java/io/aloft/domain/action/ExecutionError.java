package io.aloft.domain.action;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an attempt failed, as reported by the executor.
 *
 * @param code never null, may be empty (e.g. {@code OOMKilled}, {@code MaxRetriesExceeded})
 * @param message never null, may be empty
 * @param kind never null
 * @param errorUri nullable: where the full error document is stored
 * @param timestamp nullable
 */
public record ExecutionError(
    String code, String message, ErrorKind kind, String errorUri, Instant timestamp) {

  public ExecutionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(kind, "kind");
  }
}
