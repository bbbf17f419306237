package io.aloft.application.port.storage;

import io.aloft.domain.error.InvalidArgument;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of an object (or of a prefix) in an object store: {@code scheme://bucket/key}, for
 * example {@code s3://aloft/metadata/run-1/inputs.pb}. The key is everything after the first slash
 * that follows the bucket, taken literally (spaces and any Unicode allowed, no percent-decoding);
 * it is empty for the bucket itself.
 *
 * <p>A {@code file} uri names a local path and has no bucket (RFC 8089's empty authority): {@code
 * file:///data/run-1/inputs.pb} has the empty bucket and the key {@code data/run-1/inputs.pb}. Only
 * the {@code file} scheme may leave the bucket empty.
 */
public record StorageUri(String scheme, String bucket, String key) {

  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
  private static final Pattern BUCKET = Pattern.compile("[^\\s/]+");

  /** The scheme of local paths, the one scheme whose uris have no bucket. */
  public static final String FILE_SCHEME = "file";

  /** Validates the parts; a violation is an {@link InvalidArgument} naming the part. */
  public StorageUri {
    if (scheme == null || !SCHEME.matcher(scheme).matches()) {
      throw new InvalidArgument(
          "storage uri scheme '" + scheme + "' is invalid: use a lowercase name such as 's3'");
    }
    boolean localPath = FILE_SCHEME.equals(scheme) && "".equals(bucket);
    if (bucket == null || !localPath && !BUCKET.matcher(bucket).matches()) {
      throw new InvalidArgument(
          "storage uri bucket '" + bucket + "' is invalid: it must be non-empty without spaces");
    }
    Objects.requireNonNull(key, "key");
  }

  /** Parses {@code scheme://bucket[/key]}; anything else is an {@link InvalidArgument}. */
  public static StorageUri parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new InvalidArgument("storage uri is required, e.g. s3://bucket/path");
    }
    int sep = uri.indexOf("://");
    if (sep <= 0) {
      throw new InvalidArgument(
          "storage uri '" + uri + "' is malformed: expected scheme://bucket/path");
    }
    String rest = uri.substring(sep + 3);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty() && !uri.startsWith(FILE_SCHEME + ":///")) {
      throw new InvalidArgument("storage uri '" + uri + "' is malformed: the bucket is missing");
    }
    return new StorageUri(uri.substring(0, sep), bucket, key);
  }

  /**
   * The uri of {@code relative} below this one, joined with a single slash: {@code
   * s3://b/a}.resolve("c/d") is {@code s3://b/a/c/d}. The relative path must be non-empty, must not
   * start with a slash and must not contain "." or ".." segments.
   */
  public StorageUri resolve(String relative) {
    if (relative == null || relative.isEmpty() || relative.startsWith("/")) {
      throw new InvalidArgument(
          "relative storage path '" + relative + "' is invalid: use a non-empty path like 'a/b'");
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new InvalidArgument(
            "relative storage path '" + relative + "' is invalid: '.' and '..' are not allowed");
      }
    }
    if (key.isEmpty()) {
      return new StorageUri(scheme, bucket, relative);
    }
    String joined = key.endsWith("/") ? key + relative : key + "/" + relative;
    return new StorageUri(scheme, bucket, joined);
  }

  /**
   * {@code scheme://bucket/key}, or {@code scheme://bucket} when the key is empty; {@code
   * file:///key} for a local path.
   */
  @Override
  public String toString() {
    if (bucket.isEmpty()) {
      return scheme + ":///" + key;
    }
    return key.isEmpty() ? scheme + "://" + bucket : scheme + "://" + bucket + "/" + key;
  }
}
