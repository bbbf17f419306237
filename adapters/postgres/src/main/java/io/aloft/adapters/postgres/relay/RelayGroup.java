package io.aloft.adapters.postgres.relay;

/** The relay's processing group: a tracking processor of its own, with its own token. */
public final class RelayGroup {

  public static final String NAME = "aloft-event-relay";

  private RelayGroup() {}
}
