package io.aloft.adapters.local.storage;

import io.aloft.application.port.storage.ContentMd5;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.FileDigests;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.TransferListener;
import io.aloft.application.port.storage.UploadSources;
import io.aloft.application.port.storage.VerifiedDownloads;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link DataStore} for {@code file:///absolute/path} uris, on the local filesystem below the
 * configured root directories. Writes are atomic (see {@link FileObjects}); the MD5, content type
 * and user metadata live in a hidden sidecar file that listings skip. All file I/O runs on {@link
 * Schedulers#boundedElastic()}.
 *
 * <p>Unlike S3, a path cannot be both an object and a "directory": writing {@code a/b} when {@code
 * a/b/c} exists is a {@code FailedPrecondition}. Empty directories left by deletes are kept.
 */
public final class FileDataStore implements DataStore {

  public static final String SCHEME = StorageUri.FILE_SCHEME;

  private final FileRoots roots;
  private final FileObjects objects = new FileObjects();

  /** Creates the roots that do not exist yet; blocking, so meant for startup. */
  public FileDataStore(Collection<Path> roots) {
    this.roots = new FileRoots(roots);
  }

  @Override
  public Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options) {
    return io(
        "put",
        uri,
        () -> {
          Path path = roots.object(uri);
          String md5 = ContentMd5.of(bytes, options.contentMd5Base64());
          Map<String, String> metadata = options.storedMetadata(md5);
          roots.checkNoEscape(uri, path);
          BasicFileAttributes written =
              objects.write(path, bytes, new Sidecar(options.contentType(), metadata));
          return new ObjectInfo(
              uri, bytes.length, md5, written.lastModifiedTime().toInstant(), metadata);
        });
  }

  @Override
  public Mono<byte[]> get(StorageUri uri) {
    return io("get", uri, () -> objects.read(checked(uri)));
  }

  @Override
  public Mono<ObjectInfo> putFile(
      StorageUri uri, Path file, PutOptions options, TransferListener listener) {
    return io(
        "put",
        uri,
        () -> {
          Path path = checked(uri);
          UploadSources.requireReadableFile(file, uri);
          MessageDigest digest = FileDigests.md5();
          Path staged = objects.stage(path, file, digest, listener);
          String md5 = FileDigests.base64(digest);
          try {
            ContentMd5.requireMatchesFile(options.contentMd5Base64(), md5);
          } catch (InvalidArgument e) {
            Files.deleteIfExists(staged);
            throw e;
          }
          Map<String, String> metadata = options.storedMetadata(md5);
          BasicFileAttributes written =
              objects.install(path, staged, new Sidecar(options.contentType(), metadata));
          return new ObjectInfo(
              uri, written.size(), md5, written.lastModifiedTime().toInstant(), metadata);
        });
  }

  @Override
  public Mono<ObjectInfo> getFile(StorageUri uri, Path file, TransferListener listener) {
    return VerifiedDownloads.download(
        uri,
        file,
        temp ->
            io(
                "get",
                uri,
                () -> {
                  Path path = checked(uri);
                  FileObjects.Stat stat = objects.stat(path);
                  if (stat == null) {
                    return null;
                  }
                  MessageDigest digest = FileDigests.md5();
                  long copied;
                  try {
                    copied = FileObjects.copy(path, temp, digest, listener, false);
                  } catch (NoSuchFileException deleted) {
                    return null;
                  }
                  return new VerifiedDownloads.Attempt(
                      info(uri, stat), copied, FileDigests.base64(digest));
                }));
  }

  @Override
  public Mono<ObjectInfo> head(StorageUri uri) {
    return io(
        "head",
        uri,
        () -> {
          FileObjects.Stat stat = objects.stat(checked(uri));
          return stat == null ? null : info(uri, stat);
        });
  }

  @Override
  public Mono<Boolean> delete(StorageUri uri) {
    return io("delete", uri, () -> objects.delete(checked(uri)));
  }

  @Override
  public Flux<ObjectInfo> list(StorageUri prefix) {
    return io(
            "list",
            prefix,
            () -> {
              Path directory = roots.listingDirectory(prefix);
              roots.checkNoEscape(prefix, directory);
              return FileListing.list(directory, prefix);
            })
        .flatMapIterable(infos -> infos);
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  private static ObjectInfo info(StorageUri uri, FileObjects.Stat stat) {
    Map<String, String> metadata = stat.sidecar().metadata();
    return new ObjectInfo(
        uri,
        stat.attributes().size(),
        metadata.get(ObjectInfo.MD5_METADATA_KEY),
        stat.attributes().lastModifiedTime().toInstant(),
        metadata);
  }

  private Path checked(StorageUri uri) throws IOException {
    Path path = roots.object(uri);
    roots.checkNoEscape(uri, path);
    return path;
  }

  /** Runs blocking file work off the event loop; a null result is an empty Mono. */
  private static <T> Mono<T> io(String operation, StorageUri uri, Callable<T> work) {
    return Mono.fromCallable(work)
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(IOException.class, e -> error(operation, uri, e));
  }

  private static DomainError error(String operation, StorageUri uri, IOException e) {
    String what = "cannot " + operation + " " + uri + ": ";
    if (e instanceof AccessDeniedException) {
      return new FailedPrecondition(
          what + "permission denied on " + e.getMessage() + "; give the manager access", e);
    }
    if (e instanceof FileSystemException fs && "Not a directory".equals(fs.getReason())) {
      return new FailedPrecondition(
          what + "a file stands where a directory is needed (" + fs.getFile() + ")", e);
    }
    return new Unavailable(what + e, e);
  }
}
