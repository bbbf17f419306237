package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An action was created and queued (phase QUEUED, attempt 1). Nullability as in {@link
 * CreateAction}; the shape rules are not re-checked, so stored events always replay.
 */
public record ActionCreated(
    ActionId actionId,
    ActionId parent,
    ActionType type,
    TaskRef task,
    String inputUri,
    String runOutputBase,
    String group,
    byte[] spec,
    byte[] runSpec,
    String source,
    String triggerName,
    String createdBy,
    Instant createdAt)
    implements ActionEvent {

  public ActionCreated {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(inputUri, "inputUri");
    Objects.requireNonNull(runOutputBase, "runOutputBase");
    Objects.requireNonNull(createdAt, "createdAt");
    spec = Require.copy(spec);
    runSpec = Require.copy(runSpec);
  }

  static ActionCreated from(CreateAction c) {
    return new ActionCreated(
        c.actionId(),
        c.parent(),
        c.type(),
        c.task(),
        c.inputUri(),
        c.runOutputBase(),
        c.group(),
        c.spec(),
        c.runSpec(),
        c.source(),
        c.triggerName(),
        c.createdBy(),
        c.requestedAt());
  }

  @Override
  public byte[] spec() {
    return Require.copy(spec);
  }

  @Override
  public byte[] runSpec() {
    return Require.copy(runSpec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActionCreated other
        && Arrays.equals(spec, other.spec)
        && Arrays.equals(runSpec, other.runSpec)
        && scalars().equals(other.scalars());
  }

  @Override
  public int hashCode() {
    return 31 * scalars().hashCode() + 7 * Arrays.hashCode(spec) + Arrays.hashCode(runSpec);
  }

  /** Every component except the arrays, which records would compare by identity. */
  private List<Object> scalars() {
    return Arrays.asList(
        actionId,
        parent,
        type,
        task,
        inputUri,
        runOutputBase,
        group,
        source,
        triggerName,
        createdBy,
        createdAt);
  }
}
