package io.aloft.application.port.storage;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The places Aloft may read and write, as uri prefixes naming a bucket or a directory ({@code
 * s3://aloft/}, {@code file:///srv/aloft/}); {@link #anywhere()} puts no limit. A prefix matches
 * whole path segments: {@code s3://b/data/} allows {@code s3://b/data/x}, not {@code
 * s3://b/database}.
 */
public final class StorageLocations {

  private static final StorageLocations ANYWHERE = new StorageLocations(null);

  private final List<StorageUri> prefixes;

  private StorageLocations(List<StorageUri> prefixes) {
    this.prefixes = prefixes;
  }

  /** No limit: every uri of a served scheme is allowed. */
  public static StorageLocations anywhere() {
    return ANYWHERE;
  }

  /** Only uris below one of {@code prefixes}. */
  public static StorageLocations of(Collection<StorageUri> prefixes) {
    if (prefixes.isEmpty()) {
      throw new IllegalArgumentException("name at least one storage location, or use anywhere()");
    }
    return new StorageLocations(prefixes.stream().map(StorageLocations::asDirectory).toList());
  }

  /** Whether {@code uri} (an object or a listing prefix) is below one of the locations. */
  public boolean allows(StorageUri uri) {
    return prefixes == null || prefixes.stream().anyMatch(prefix -> below(uri, prefix));
  }

  /** The locations, for messages: "s3://aloft/, file:///srv/aloft/"; "anywhere" without limit. */
  @Override
  public String toString() {
    return prefixes == null
        ? "anywhere"
        : prefixes.stream().map(StorageUri::toString).collect(Collectors.joining(", "));
  }

  private static boolean below(StorageUri uri, StorageUri prefix) {
    if (!uri.scheme().equals(prefix.scheme()) || !uri.bucket().equals(prefix.bucket())) {
      return false;
    }
    String directory = prefix.key();
    return directory.isEmpty()
        || uri.key().startsWith(directory)
        || (uri.key() + "/").equals(directory);
  }

  private static StorageUri asDirectory(StorageUri prefix) {
    String key = prefix.key();
    return key.isEmpty() || key.endsWith("/")
        ? prefix
        : new StorageUri(prefix.scheme(), prefix.bucket(), key + "/");
  }
}
