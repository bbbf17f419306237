package io.aloft.domain.id;

import io.aloft.domain.support.Require;
import java.util.Objects;

/**
 * An action within a run. The root action is always {@value #ROOT}; its phase is the run's phase.
 *
 * @param run never null
 * @param name a DNS-1123 label of 1 to 63 characters
 */
public record ActionId(RunId run, String name) {

  public static final String ROOT = "a0";

  public ActionId {
    Objects.requireNonNull(run, "run");
    Require.name(name, "action name", Dns.LABEL_MAX, Dns.LABEL, Dns.labelRule(Dns.LABEL_MAX));
  }

  public static ActionId of(String project, String domain, String run, String name) {
    return new ActionId(RunId.of(project, domain, run), name);
  }

  public static ActionId root(RunId run) {
    return new ActionId(run, ROOT);
  }

  /** Parses {@code project/domain/run/action}, the payload of action notifications. */
  public static ActionId parseKey(String key) {
    String[] parts = Keys.split(key, 4, "action key", "project/domain/run/action");
    return of(parts[0], parts[1], parts[2], parts[3]);
  }

  public boolean isRoot() {
    return ROOT.equals(name);
  }

  /** {@code project/domain/run/action}. */
  public String key() {
    return run.key() + "/" + name;
  }

  @Override
  public String toString() {
    return key();
  }
}
