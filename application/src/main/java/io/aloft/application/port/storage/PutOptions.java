package io.aloft.application.port.storage;

import java.util.Map;

/**
 * Optional settings for a put.
 *
 * @param contentType the MIME type, or null for the store's default
 * @param contentMd5Base64 the base64 MD5 of the bytes, or null to have the store compute it; a
 *     wrong value makes the put fail with {@code InvalidArgument}
 * @param metadata user metadata to store with the object (use lowercase keys)
 */
public record PutOptions(
    String contentType, String contentMd5Base64, Map<String, String> metadata) {

  private static final PutOptions NONE = new PutOptions(null, null, Map.of());

  public PutOptions {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** No content type, computed MD5, no metadata. */
  public static PutOptions none() {
    return NONE;
  }

  /** What a store keeps with the object: the user metadata (keys lowercased) and its MD5. */
  public Map<String, String> storedMetadata(String md5) {
    Map<String, String> stored = new java.util.HashMap<>();
    metadata.forEach((k, v) -> stored.put(k.toLowerCase(java.util.Locale.ROOT), v));
    stored.put(ObjectInfo.MD5_METADATA_KEY, md5);
    return stored;
  }
}
