package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import java.time.Instant;
import java.util.Objects;

/**
 * An abort was requested and the action is now ABORTED. Until an executor exists, abort takes
 * effect at once; the executor's cleanup will report an ABORTED event that is then ignored.
 *
 * @param actionId never null
 * @param reason never null
 * @param requestedBy nullable
 * @param requestedAt never null
 * @param previousPhase never null: the phase before the abort, for projections
 * @param attempt the attempt that was aborted
 */
public record ActionAbortRequested(
    ActionId actionId,
    String reason,
    String requestedBy,
    Instant requestedAt,
    ActionPhase previousPhase,
    int attempt)
    implements ActionEvent {

  public ActionAbortRequested {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(previousPhase, "previousPhase");
  }
}
