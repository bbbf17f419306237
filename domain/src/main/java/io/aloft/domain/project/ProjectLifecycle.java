package io.aloft.domain.project;

/** Archived projects are hidden from default lists but keep their runs and tasks. */
public enum ProjectLifecycle {
  ACTIVE,
  ARCHIVED
}
