package io.aloft.application.upload;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an upload lands: {@code <base>/<project>/<domain>/<root>/<filename>}, empty parts dropped,
 * where root is the filename root or the padded base32 of the content MD5. Client-given names are
 * checked so that they cannot leave their directory or confuse a filesystem-backed store.
 */
final class UploadPath {

  /** Longest filename or filename_root, in characters; S3 keys end at 1,024 bytes. */
  static final int MAX_NAME_LENGTH = 512;

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private UploadPath() {}

  static StorageUri of(
      StorageUri base, String project, String domain, String root, String filename) {
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {project, domain, root, filename}) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return base.resolve(String.join("/", parts));
  }

  /**
   * Checks a client-given relative name: no absolute path, no empty, "." or ".." segment, no
   * backslash or control character, at most {@link #MAX_NAME_LENGTH} characters. Empty is allowed.
   */
  static void checkName(String name, String field) {
    if (name.length() > MAX_NAME_LENGTH) {
      throw invalid(field, name, "is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (name.startsWith("/")) {
      throw invalid(field, name, "is an absolute path: give a relative one like 'dir/file.tgz'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\') {
        throw invalid(field, name, "contains a backslash: separate directories with '/'");
      }
      if (Character.isISOControl(c)) {
        throw invalid(field, name, "contains a control character (such as NUL)");
      }
    }
    if (name.isEmpty()) {
      return;
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid(field, name, "has an empty, '.' or '..' segment: name a file below it");
      }
    }
  }

  /** RFC 4648 base32 with padding, as Go's {@code base32.StdEncoding} writes it. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length + 4) / 5 * 8);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  private static InvalidArgument invalid(String field, String name, String problem) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
    return new InvalidArgument(field + " '" + shown.replaceAll("\\p{Cntrl}", "?") + "' " + problem);
  }
}
