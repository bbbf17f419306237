package io.aloft.application.port.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed URL.
 *
 * @param url the URL, signature included
 * @param expiresAt when the store stops accepting it
 * @param headers the headers the client must send with it, exactly (they are signed)
 */
public record SignedUrl(String url, Instant expiresAt, Map<String, String> headers) {

  public SignedUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
    headers = Map.copyOf(headers);
  }
}
