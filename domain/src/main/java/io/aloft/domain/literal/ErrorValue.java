package io.aloft.domain.literal;

import java.util.Objects;

/**
 * The error of a failed upstream node, passed on as a value (both components non-null).
 *
 * @param failedNodeId the node that failed
 * @param message what went wrong
 */
public record ErrorValue(String failedNodeId, String message) implements Scalar {

  public ErrorValue {
    Objects.requireNonNull(failedNodeId, "failedNodeId");
    Objects.requireNonNull(message, "message");
  }
}
