package io.aloft.domain.action;

import java.util.Objects;

/**
 * A link to an attempt's logs. Logs of one attempt are merged by name, the newest winning.
 *
 * @param name never null
 * @param uri never null
 */
public record TaskLog(String name, String uri) {

  public TaskLog {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
  }
}
