package io.aloft.domain.id;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.support.Require;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A run: a DNS-1035 label of at most 30 characters, unique within its project and domain. The limit
 * leaves room for the action suffix in the executor's CR name {@code <run>-<action>}.
 *
 * @param scope never null
 * @param name validated, else {@link InvalidArgument}
 */
public record RunId(ProjectDomain scope, String name) {

  public static final int MAX_LENGTH = 30;

  /** Consonants and digits only, as in the reference: generated names never spell words. */
  public static final String GENERATED_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  public static final int GENERATED_LENGTH = 20;

  public RunId {
    Objects.requireNonNull(scope, "scope");
    Require.name(
        name,
        "run name",
        MAX_LENGTH,
        Dns.LABEL_1035,
        "use lowercase letters, digits and '-', start with a letter, end with a letter or digit,"
            + " at most "
            + MAX_LENGTH
            + " characters");
  }

  public static RunId of(String project, String domain, String name) {
    return new RunId(ProjectDomain.of(project, domain), name);
  }

  /** A server-chosen name: {@code r} followed by 19 characters of {@link #GENERATED_ALPHABET}. */
  public static RunId generate(ProjectDomain scope, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    var name = new StringBuilder(GENERATED_LENGTH).append('r');
    while (name.length() < GENERATED_LENGTH) {
      name.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
    }
    return new RunId(scope, name.toString());
  }

  /** Parses {@code project/domain/run}, the payload of run notifications. */
  public static RunId parseKey(String key) {
    String[] parts = Keys.split(key, 3, "run key", "project/domain/run");
    return of(parts[0], parts[1], parts[2]);
  }

  /** {@code project/domain/run}. */
  public String key() {
    return scope.key() + "/" + name;
  }

  /** The root action {@code a0} of this run. */
  public ActionId rootAction() {
    return ActionId.root(this);
  }

  @Override
  public String toString() {
    return key();
  }
}
