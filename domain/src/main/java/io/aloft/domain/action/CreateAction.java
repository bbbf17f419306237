package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Require;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Create an action: the root {@code a0} when a run is created, or a child the parent enqueues. The
 * byte arrays are copied in and out, so the command stays immutable.
 *
 * @param actionId never null
 * @param parent null exactly for the root action; otherwise an action of the same run
 * @param type never null
 * @param task required for {@link ActionType#TASK}, else nullable
 * @param inputUri never null
 * @param runOutputBase never null: where the run's outputs are written
 * @param group nullable: the SDK's grouping of children in the UI
 * @param spec nullable: the opaque serialized action spec
 * @param runSpec nullable: the opaque serialized run spec
 * @param source nullable: how the run was started (web, cli, trigger...)
 * @param triggerName nullable
 * @param createdBy nullable: the principal
 * @param requestedAt never null
 */
public record CreateAction(
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
    Instant requestedAt)
    implements ActionCommand {

  public CreateAction {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(inputUri, "inputUri");
    Objects.requireNonNull(runOutputBase, "runOutputBase");
    Objects.requireNonNull(requestedAt, "requestedAt");
    ActionShape.check(actionId, parent, type, task);
    spec = Require.copy(spec);
    runSpec = Require.copy(runSpec);
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
    return o instanceof CreateAction other
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
        requestedAt);
  }
}
