package io.aloft.adapters.local.storage;

import io.aloft.application.port.storage.TransferListener;
import io.aloft.domain.error.FailedPrecondition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;

/**
 * The blocking file operations behind {@link FileDataStore}. A write goes to a temporary file in
 * the target's directory, is flushed to disk, then renamed over the target, so readers see the old
 * object or the new one, never a part. The object and its {@link Sidecar} are swapped under a
 * per-path lock, so that in this process an object's metadata always matches its bytes.
 */
final class FileObjects {

  private static final String TEMP_PREFIX = FileRoots.RESERVED_PREFIX + "tmp.";
  private static final int STRIPES = 64;
  private static final int BUFFER_BYTES = 256 * 1024;

  private final Object[] locks = new Object[STRIPES];

  FileObjects() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Writes {@code bytes} and {@code sidecar} for the object at {@code target}. */
  BasicFileAttributes write(Path target, byte[] bytes, Sidecar sidecar) throws IOException {
    Path directory = prepareDirectory(target);
    return install(target, temporary(directory, bytes), sidecar);
  }

  /**
   * Copies {@code source} into a temporary file next to the object at {@code target}, in small
   * buffers, feeding {@code digest} and {@code listener}; {@link #install} it or delete it.
   */
  Path stage(Path target, Path source, MessageDigest digest, TransferListener listener)
      throws IOException {
    Path temp = Files.createTempFile(prepareDirectory(target), TEMP_PREFIX, "");
    try {
      copy(source, temp, digest, listener, true);
      return temp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Copies {@code source} over {@code target} in small buffers; returns the bytes copied. Only
   * {@code durable} copies (objects) are flushed to disk: a download can be fetched again.
   */
  static long copy(
      Path source, Path target, MessageDigest digest, TransferListener listener, boolean durable)
      throws IOException {
    long total = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(source);
        FileChannel out =
            FileChannel.open(
                target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
        total += n;
        listener.transferred(n);
      }
      if (durable) {
        out.force(true);
      }
    }
    return total;
  }

  /** Renames the staged {@code data} and the {@code sidecar} into place as the object. */
  BasicFileAttributes install(Path target, Path data, Sidecar sidecar) throws IOException {
    Path directory = target.getParent();
    Path meta = null;
    try {
      meta = temporary(directory, sidecarBytes(sidecar));
      synchronized (lockFor(target)) {
        move(meta, Sidecar.pathFor(target));
        move(data, target);
        syncDirectory(directory);
        return attributes(target);
      }
    } finally {
      Files.deleteIfExists(data);
      if (meta != null) {
        Files.deleteIfExists(meta);
      }
    }
  }

  private static Path prepareDirectory(Path target) throws IOException {
    Path directory = target.getParent();
    Files.createDirectories(directory);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FailedPrecondition(
          "cannot write file://" + target + ": a directory of that name exists; choose another");
    }
    return directory;
  }

  /** The bytes of the file at {@code path}, or null when there is no such file. */
  byte[] read(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return null;
    }
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The file's attributes and sidecar, read together; null when there is no such file. */
  Stat stat(Path path) throws IOException {
    synchronized (lockFor(path)) {
      BasicFileAttributes attributes = attributes(path);
      return attributes == null ? null : new Stat(attributes, Sidecar.read(path));
    }
  }

  /** Deletes the object and its sidecar: true if there was an object. */
  boolean delete(Path path) throws IOException {
    synchronized (lockFor(path)) {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      Files.deleteIfExists(Sidecar.pathFor(path));
      return Files.deleteIfExists(path);
    }
  }

  /** What {@link #stat} reads. */
  record Stat(BasicFileAttributes attributes, Sidecar sidecar) {}

  private static BasicFileAttributes attributes(Path path) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isRegularFile() ? attributes : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static Path temporary(Path directory, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(directory, TEMP_PREFIX, "");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  private static byte[] sidecarBytes(Sidecar sidecar) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      sidecar.write(writer);
    }
    return out.toByteArray();
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Makes the renames durable; not every platform can open a directory, which is then skipped. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Best effort: the object is complete either way, only its durability after a crash differs.
    }
  }

  private Object lockFor(Path path) {
    return locks[Math.floorMod(path.hashCode(), STRIPES)];
  }
}
