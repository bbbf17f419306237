package io.aloft.application.upload;

import io.aloft.application.port.storage.StorageUri;
import java.time.Duration;
import java.util.Objects;

/**
 * What uploads may do.
 *
 * @param maxSizeBytes the largest announced content length
 * @param maxExpiresIn the longest URL lifetime, also the default
 * @param base where uploads go, e.g. {@code s3://aloft/uploads}
 */
public record UploadLimits(long maxSizeBytes, Duration maxExpiresIn, StorageUri base) {

  public UploadLimits {
    if (maxSizeBytes <= 0) {
      throw new IllegalArgumentException("maxSizeBytes must be positive: " + maxSizeBytes);
    }
    Objects.requireNonNull(maxExpiresIn, "maxExpiresIn");
    if (maxExpiresIn.isNegative() || maxExpiresIn.isZero()) {
      throw new IllegalArgumentException("maxExpiresIn must be positive: " + maxExpiresIn);
    }
    Objects.requireNonNull(base, "base");
  }
}
