package io.aloft.domain.action;

/** Whose fault a failure is: USER errors come from the task code, SYSTEM from the platform. */
public enum ErrorKind {
  UNSPECIFIED,
  USER,
  SYSTEM
}
