package io.aloft.domain.action;

import io.aloft.domain.id.ActionId;

/**
 * Something that happened to one action: the unit stored in the event store. Not to be confused
 * with the executor's ActionEvent message, which {@link ActionEventRecorded} records.
 */
public sealed interface ActionEvent
    permits ActionCreated, ActionEventRecorded, ActionAbortRequested {

  ActionId actionId();
}
