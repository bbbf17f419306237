package io.aloft.domain.literal;

import java.util.Objects;

/**
 * A literal too large to pass inline, stored at {@code uri}.
 *
 * @param uri never null
 * @param sizeBytes the stored size
 * @param inferredType nullable: the type of the stored literal, when known
 */
public record OffloadedLiteral(String uri, long sizeBytes, LiteralType inferredType)
    implements Literal {

  public OffloadedLiteral {
    Objects.requireNonNull(uri, "uri");
  }
}
