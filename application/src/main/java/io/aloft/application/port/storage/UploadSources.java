package io.aloft.application.port.storage;

import io.aloft.domain.error.FailedPrecondition;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local file a {@link DataStore#putFile} reads, checked the same way by every store. */
public final class UploadSources {

  private UploadSources() {}

  /**
   * Fails with FailedPrecondition, naming the file, when {@code file} is not a readable regular
   * file: retrying cannot help, so it must not read as a storage outage. Blocking (a stat).
   */
  public static void requireReadableFile(Path file, StorageUri target) {
    if (!Files.isRegularFile(file)) {
      throw new FailedPrecondition(
          "cannot put "
              + target
              + ": the local file "
              + file
              + (Files.exists(file) ? " is not a regular file" : " does not exist"));
    }
    if (!Files.isReadable(file)) {
      throw new FailedPrecondition(
          "cannot put "
              + target
              + ": the local file "
              + file
              + " is not readable; check its permissions");
    }
  }
}
