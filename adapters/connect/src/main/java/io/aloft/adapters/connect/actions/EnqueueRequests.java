package io.aloft.adapters.connect.actions;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.actions.v1.Action;
import io.aloft.proto.actions.v1.EnqueueRequest;
import java.time.Instant;

/** Checks an Enqueue request (a running action creating a child) and makes the command. */
public final class EnqueueRequests {

  private EnqueueRequests() {}

  /**
   * @param caller who sent the request; the action's {@code subject}, when set, names the user the
   *     run belongs to and wins
   */
  public static CreateAction toCommand(EnqueueRequest request, String caller, Instant now) {
    Fields.require(request.hasAction(), "action");
    Action action = request.getAction();
    ActionId id = childId(action);
    ActionId parent = parent(action, id);
    ActionSpecRequests.Spec spec = ActionSpecRequests.of(action, id);
    String subject = Fields.optional(action.getSubject(), Fields.SHORT_TEXT_MAX, "action.subject");
    byte[] runSpec = request.hasRunSpec() ? ProtoBytes.deterministic(request.getRunSpec()) : null;
    return new CreateAction(
        id,
        parent,
        spec.type(),
        spec.task(),
        Fields.required(action.getInputUri(), Fields.URI_MAX, "action.input_uri"),
        Fields.required(action.getRunOutputBase(), Fields.URI_MAX, "action.run_output_base"),
        Fields.optional(action.getGroup(), Fields.SHORT_TEXT_MAX, "action.group"),
        spec.bytes(),
        runSpec,
        null,
        null,
        subject != null ? subject : caller,
        now);
  }

  private static ActionId childId(Action action) {
    Fields.require(action.hasActionId(), "action.action_id");
    ActionId id = Ids.actionId(action.getActionId(), "action.action_id");
    if (id.isRoot()) {
      throw new InvalidArgument(
          "action.action_id names the root action a0; root actions are created by"
              + " RunService.CreateRun");
    }
    if (action.hasRecoveredFrom()) {
      throw new InvalidArgument("action.recovered_from is set by the server; leave it unset");
    }
    return id;
  }

  /** Enqueue only creates children; root actions come from RunService.CreateRun. */
  private static ActionId parent(Action action, ActionId id) {
    if (!action.hasParentActionName() || action.getParentActionName().isBlank()) {
      throw new InvalidArgument(
          "action.parent_action_name is required; root actions are created by"
              + " RunService.CreateRun");
    }
    return Ids.actionName(id.run(), action.getParentActionName(), "action.parent_action_name");
  }
}
