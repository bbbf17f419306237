package io.aloft.adapters.s3;

import io.aloft.application.port.storage.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's size, whole MD5 and the MD5 of each part of {@code partBytes}, from one streaming read:
 * S3 checks each part's Content-MD5 of a multipart upload, and the whole MD5 goes in the metadata.
 *
 * @param partMd5s base64 MD5 of part 1, 2, ...; one entry (the whole file) when it has one part
 */
record FileSums(long size, String md5, long partBytes, List<String> partMd5s) {

  private static final int BUFFER_BYTES = 256 * 1024;

  /** Reads {@code file}; blocking. */
  static FileSums of(Path file, long partBytes) throws IOException {
    MessageDigest whole = FileDigests.md5();
    MessageDigest part = FileDigests.md5();
    List<String> parts = new ArrayList<>();
    byte[] buffer = new byte[BUFFER_BYTES];
    long size = 0;
    long inPart = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        int offset = 0;
        while (offset < n) {
          int take = (int) Math.min(n - offset, partBytes - inPart);
          whole.update(buffer, offset, take);
          part.update(buffer, offset, take);
          offset += take;
          inPart += take;
          if (inPart == partBytes) {
            parts.add(FileDigests.base64(part));
            inPart = 0;
          }
        }
        size += n;
      }
    }
    if (inPart > 0 || parts.isEmpty()) {
      parts.add(FileDigests.base64(part));
    }
    return new FileSums(size, FileDigests.base64(whole), partBytes, List.copyOf(parts));
  }

  int parts() {
    return partMd5s.size();
  }

  long offset(int part) {
    return part * partBytes;
  }

  long length(int part) {
    return Math.min(partBytes, size - offset(part));
  }
}
