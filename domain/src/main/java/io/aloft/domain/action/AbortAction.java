package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.Objects;

/**
 * Abort an action (AbortRun aborts the root action {@code a0}).
 *
 * @param actionId never null
 * @param reason never null; a null or blank reason becomes {@value #DEFAULT_REASON}
 * @param requestedBy nullable: the principal
 * @param requestedAt never null
 */
public record AbortAction(ActionId actionId, String reason, String requestedBy, Instant requestedAt)
    implements ActionCommand {

  public static final String DEFAULT_REASON = "User requested abort";

  public AbortAction {
    Objects.requireNonNull(actionId, "actionId");
    reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
