package io.aloft.adapters.connect.mapping;

import io.aloft.proto.core.v1.EnrichedIdentity;

/** Principals to proto. They are stored as a subject only, until authentication adds more. */
public final class Identities {

  private Identities() {}

  public static EnrichedIdentity of(String subject) {
    return EnrichedIdentity.newBuilder().setSubject(subject).build();
  }
}
