package io.aloft.domain.literal;

import java.util.Objects;

/**
 * A file or directory in object storage.
 *
 * @param uri never null
 * @param format never null, may be empty (e.g. {@code csv})
 * @param dimensionality never null
 */
public record Blob(String uri, String format, Dimensionality dimensionality) implements Scalar {

  public Blob {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(dimensionality, "dimensionality");
  }
}
