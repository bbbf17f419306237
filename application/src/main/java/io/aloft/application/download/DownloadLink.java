package io.aloft.application.download;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Signed URLs to GET an artifact, valid until {@code expiresAt}.
 *
 * @param urls never empty
 */
public record DownloadLink(List<String> urls, Instant expiresAt) {

  public DownloadLink {
    urls = List.copyOf(urls);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
