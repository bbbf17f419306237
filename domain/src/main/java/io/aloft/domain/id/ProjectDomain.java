package io.aloft.domain.id;

import java.util.Objects;

/** The scope most Flyte entities live in: a project and one of its domains. Both non-null. */
public record ProjectDomain(ProjectId project, Domain domain) {

  public ProjectDomain {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(domain, "domain");
  }

  /**
   * Validates both names; throws {@link io.aloft.domain.error.InvalidArgument} naming the field.
   */
  public static ProjectDomain of(String project, String domain) {
    return new ProjectDomain(new ProjectId(project), new Domain(domain));
  }

  /** {@code project/domain}: the prefix of every key in this scope. */
  public String key() {
    return project.name() + "/" + domain.name();
  }

  @Override
  public String toString() {
    return key();
  }
}
