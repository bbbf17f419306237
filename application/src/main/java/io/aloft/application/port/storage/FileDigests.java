package io.aloft.application.port.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** MD5s of files and streams, computed in small buffers so that no file is held whole. */
public final class FileDigests {

  static final int BUFFER_BYTES = 64 * 1024;

  private FileDigests() {}

  /** A fresh MD5 digest. */
  public static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }

  /** The base64 MD5 of {@code file}'s content; blocking. */
  public static String md5Of(Path file) throws IOException {
    MessageDigest digest = md5();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return base64(digest);
  }

  /** Adds the buffer's remaining bytes to {@code digest} without moving its position. */
  public static void update(MessageDigest digest, ByteBuffer buffer) {
    digest.update(buffer.duplicate());
  }

  /** The digest's result in base64, as S3's Content-MD5 and the MD5 metadata carry it. */
  public static String base64(MessageDigest digest) {
    return Base64.getEncoder().encodeToString(digest.digest());
  }
}
