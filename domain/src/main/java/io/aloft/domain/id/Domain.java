package io.aloft.domain.id;

import io.aloft.domain.support.Require;

/**
 * A domain name (development, staging, production...): a DNS-1123 label of 1 to 63 characters.
 *
 * @param name never null; validated, else {@link io.aloft.domain.error.InvalidArgument}
 */
public record Domain(String name) {

  public Domain {
    Require.name(name, "domain", Dns.LABEL_MAX, Dns.LABEL, Dns.labelRule(Dns.LABEL_MAX));
  }

  @Override
  public String toString() {
    return name;
  }
}
