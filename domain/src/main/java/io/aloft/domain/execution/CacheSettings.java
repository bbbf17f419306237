package io.aloft.domain.execution;

import java.util.List;
import java.util.Objects;

/**
 * How a task's results may be cached (behaviour doc section 6).
 *
 * @param discoverable whether results are cached at all
 * @param version the user's cache version; part of every key
 * @param serializable identical concurrent executions run once, the others wait
 * @param ignoredInputs inputs left out of the cache key
 */
public record CacheSettings(
    boolean discoverable, String version, boolean serializable, List<String> ignoredInputs) {

  public static final CacheSettings DISABLED = new CacheSettings(false, "", false, List.of());

  public CacheSettings {
    Objects.requireNonNull(version, "version");
    ignoredInputs = List.copyOf(ignoredInputs);
  }
}
