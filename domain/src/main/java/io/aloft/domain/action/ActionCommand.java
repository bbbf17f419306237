package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;

/** A request to change one action; {@link Action#decide} turns it into events. */
public sealed interface ActionCommand permits CreateAction, RecordActionEvent, AbortAction {

  ActionId actionId();
}
