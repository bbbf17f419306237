package io.aloft.application.port.storage;

import io.aloft.domain.error.FailedPrecondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The part of {@link DataStore#getFile} every adapter shares: each attempt streams into a fresh
 * temporary file next to the target, its MD5 and size are checked against what the store recorded,
 * and only a verified file is renamed into place, so a partial or corrupt file never appears under
 * the target's name. A mismatch is retried (the bytes may have been damaged on the way) and, when
 * it persists, is a {@link FailedPrecondition} naming the object.
 */
public final class VerifiedDownloads {

  /** Attempts per download when the bytes do not match the recorded MD5 or size. */
  public static final int MAX_ATTEMPTS = 3;

  private VerifiedDownloads() {}

  /**
   * What one attempt wrote.
   *
   * @param info what the store says about the object (its recorded MD5 may be null)
   * @param bytesWritten how many bytes went into the temporary file
   * @param md5Base64 the MD5 of those bytes
   */
  public record Attempt(ObjectInfo info, long bytesWritten, String md5Base64) {}

  /**
   * Runs {@code attempt} (given the temporary file to fill; empty when the object does not exist)
   * until its bytes verify, then renames them to {@code target}, creating its directory.
   */
  public static Mono<ObjectInfo> download(
      StorageUri uri, Path target, Function<Path, Mono<Attempt>> attempt) {
    Mono<ObjectInfo> once =
        Mono.usingWhen(
            temporaryNextTo(target),
            temp ->
                attempt
                    .apply(temp)
                    .flatMap(written -> verified(uri, written))
                    .flatMap(info -> moveIntoPlace(temp, target).thenReturn(info)),
            VerifiedDownloads::deleteQuietly);
    return once.retryWhen(Retry.max(MAX_ATTEMPTS - 1L).filter(Mismatch.class::isInstance))
        .onErrorMap(Exceptions::isRetryExhausted, e -> corrupt(uri, e.getCause()));
  }

  private static Mono<ObjectInfo> verified(StorageUri uri, Attempt written) {
    ObjectInfo info = written.info();
    String recorded = info.contentMd5Base64();
    if (recorded != null && !recorded.equals(written.md5Base64())) {
      return Mono.error(
          new Mismatch(
              "its bytes have the MD5 "
                  + written.md5Base64()
                  + " but "
                  + recorded
                  + " was recorded when it was written"));
    }
    if (written.bytesWritten() != info.sizeBytes()) {
      return Mono.error(
          new Mismatch(
              written.bytesWritten() + " bytes arrived of the " + info.sizeBytes() + " announced"));
    }
    return Mono.just(info);
  }

  private static FailedPrecondition corrupt(StorageUri uri, Throwable mismatch) {
    return new FailedPrecondition(
        "object "
            + uri
            + " is corrupt: "
            + mismatch.getMessage()
            + " (checked "
            + MAX_ATTEMPTS
            + " times); write the object again",
        mismatch);
  }

  /** Created with the default permissions (unlike Files.createTempFile's owner-only ones). */
  private static Mono<Path> temporaryNextTo(Path target) {
    return Mono.fromCallable(
            () -> {
              Path absolute = target.toAbsolutePath();
              Files.createDirectories(absolute.getParent());
              String name = "." + absolute.getFileName() + "." + UUID.randomUUID() + ".part";
              return Files.createFile(absolute.resolveSibling(name));
            })
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static Mono<Void> moveIntoPlace(Path temp, Path target) {
    return Mono.fromCallable(
            () ->
                Files.move(
                    temp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  private static Mono<Void> deleteQuietly(Path temp) {
    return Mono.fromRunnable(
            () -> {
              try {
                Files.deleteIfExists(temp);
              } catch (IOException e) {
                // A leftover hidden .part file is harmless; the download's own outcome matters.
              }
            })
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  /** The bytes did not verify: worth another attempt. */
  private static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message, null, false, false);
    }
  }
}
