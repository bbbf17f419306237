package io.aloft.domain.literal;

/** The simple literal types of {@code flyteidl2.core.SimpleType}. */
public enum SimpleType {
  NONE,
  INTEGER,
  FLOAT,
  STRING,
  BOOLEAN,
  DATETIME,
  DURATION,
  BINARY,
  ERROR,
  STRUCT;

  /** Conditions can only be signalled with these types (else Enqueue is refused). */
  public boolean isConditionType() {
    return this == BOOLEAN || this == INTEGER || this == FLOAT || this == STRING;
  }
}
