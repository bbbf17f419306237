package io.aloft.domain.action;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;

/** The structural rules of a new action: where it hangs in the run's tree and what it runs. */
final class ActionShape {

  private ActionShape() {}

  static void check(ActionId action, ActionId parent, ActionType type, TaskRef task) {
    if (action.isRoot() && parent != null) {
      throw new InvalidArgument(
          "action " + action + " is the root of its run and cannot have a parent; drop the parent");
    }
    if (!action.isRoot() && parent == null) {
      throw new InvalidArgument(
          "action " + action + " needs a parent; set the parent (the root action is a0)");
    }
    if (parent != null && !parent.run().equals(action.run())) {
      throw new InvalidArgument(
          "parent " + parent + " of action " + action + " must be in the same run " + action.run());
    }
    if (action.equals(parent)) {
      throw new InvalidArgument("action " + action + " cannot be its own parent");
    }
    if (type == ActionType.TASK && task == null) {
      throw new InvalidArgument("action " + action + " has type TASK; set the task it runs");
    }
  }
}
