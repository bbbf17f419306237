package io.aloft.adapters.s3;

import io.aloft.application.port.storage.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A file's size, whole MD5 and the MD5 of each part of {@code partBytes}, from streaming reads: S3
 * checks each part's Content-MD5 of a multipart upload, and the whole MD5 goes in the metadata.
 *
 * @param partMd5s base64 MD5 of part 1, 2, ...; one entry (the whole file) when it has one part
 */
record FileSums(long size, String md5, long partBytes, List<String> partMd5s) {

  private static final int BUFFER_BYTES = 256 * 1024;

  public FileSums {
    partMd5s = List.copyOf(partMd5s);
  }

  /**
   * Reads {@code file} on {@code scheduler}. A file of {@code multipartBytes} or more also gets its
   * parts' MD5s, read in a second pass on another thread at the same time: MD5 runs at a few
   * hundred MB/s on one core, so one pass feeding both digests took twice as long.
   */
  static Mono<FileSums> of(Path file, long partBytes, long multipartBytes, Scheduler scheduler) {
    Mono<List<String>> whole = Mono.fromCallable(() -> md5s(file, Long.MAX_VALUE));
    return Mono.fromCallable(() -> Files.size(file))
        .subscribeOn(scheduler)
        .flatMap(
            size ->
                size < multipartBytes
                    ? whole.subscribeOn(scheduler).map(md5 -> sums(size, partBytes, md5, md5))
                    : Mono.zip(
                        whole.subscribeOn(scheduler),
                        Mono.fromCallable(() -> md5s(file, partBytes)).subscribeOn(scheduler),
                        (md5, parts) -> sums(size, partBytes, md5, parts)));
  }

  private static FileSums sums(long size, long partBytes, List<String> whole, List<String> parts) {
    return new FileSums(size, whole.getFirst(), partBytes, parts);
  }

  /** The MD5 of each {@code partBytes} of the file (one entry for an empty file); blocking. */
  private static List<String> md5s(Path file, long partBytes) throws IOException {
    MessageDigest part = FileDigests.md5();
    List<String> parts = new ArrayList<>();
    byte[] buffer = new byte[BUFFER_BYTES];
    long inPart = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        int offset = 0;
        while (offset < n) {
          int take = (int) Math.min(n - offset, partBytes - inPart);
          part.update(buffer, offset, take);
          offset += take;
          inPart += take;
          if (inPart == partBytes) {
            parts.add(FileDigests.base64(part));
            inPart = 0;
          }
        }
      }
    }
    if (inPart > 0 || parts.isEmpty()) {
      parts.add(FileDigests.base64(part));
    }
    return parts;
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
