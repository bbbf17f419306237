package io.aloft.application.port.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a store knows about one object.
 *
 * @param uri where the object is
 * @param sizeBytes its length
 * @param contentMd5Base64 the base64 MD5 recorded when it was written (user metadata key {@link
 *     #MD5_METADATA_KEY}); null when unknown, e.g. for objects written by others or in listings
 * @param lastModified when it was last written, as the store (or, after a put, the client) saw it
 * @param metadata the user metadata, keys in lowercase; empty in listings
 */
public record ObjectInfo(
    StorageUri uri,
    long sizeBytes,
    String contentMd5Base64,
    Instant lastModified,
    Map<String, String> metadata) {

  /** The user metadata key holding the content MD5, as the Flyte reference writes it. */
  public static final String MD5_METADATA_KEY = "flytecontentmd5";

  public ObjectInfo {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(lastModified, "lastModified");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
