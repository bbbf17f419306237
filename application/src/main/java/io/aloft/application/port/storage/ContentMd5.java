package io.aloft.application.port.storage;

import io.aloft.domain.error.InvalidArgument;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The base64 MD5 that stores keep in an object's metadata ({@link ObjectInfo#MD5_METADATA_KEY}) and
 * that S3 checks (Content-MD5); shared so that every adapter checks a given MD5 the same way.
 */
public final class ContentMd5 {

  private ContentMd5() {}

  /**
   * The MD5 of {@code bytes}, base64. When the caller gave one, it must match the bytes: a wrong or
   * malformed value is an {@link InvalidArgument}, before anything is sent.
   */
  /**
   * Refuses a file whose MD5, computed while it was read, is not the one the caller gave (null:
   * none given, nothing to check).
   */
  public static void requireMatchesFile(String given, String actual) {
    if (given != null && !given.equals(actual)) {
      throw new InvalidArgument(
          "contentMd5Base64 '" + given + "' does not match the file (its MD5 is " + actual + ")");
    }
  }

  public static String of(byte[] bytes, String given) {
    String actual = Base64.getEncoder().encodeToString(digest(bytes));
    if (given != null && !given.equals(actual)) {
      throw new InvalidArgument(
          "contentMd5Base64 '"
              + given
              + "' does not match the bytes (their MD5 is "
              + actual
              + ")");
    }
    return actual;
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }
}
