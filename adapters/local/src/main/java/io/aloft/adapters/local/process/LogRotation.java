package io.aloft.adapters.local.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a running task's log within its budget without stopping the task, the way the kubelet
 * rotates container logs: when {@code task.log} grows past half the budget, its last half-budget of
 * bytes (from a line start) are copied to {@code task.log.1}, replacing the previous one, and
 * {@code task.log} is truncated in place ("copytruncate"). The task's stdout is opened in append
 * mode, so it goes on writing at the new end of the file, without a hole.
 *
 * <p>So the two files together stay under about the budget (task.log.1 may hold up to a quarter
 * more: what the task wrote while it was copied) plus what the task writes between two checks (the
 * plugin checks every poll interval). Copytruncate has a small window: what the task writes between
 * the last size check and the truncation is lost, so the copy first catches up with what was
 * appended while it ran, which leaves microseconds. A line appended to the new {@code task.log}
 * says that older output was dropped. Blocking: call on a blocking-capable thread, one rotation per
 * log at a time.
 */
final class LogRotation {

  static final String ROTATED_SUFFIX = ".1";

  /** How far the copy may move forward to start at a line; past this it cuts a line. */
  private static final int LINE_SEARCH = 64 * 1024;

  /** How many times a rotation copies what was appended while it copied. */
  private static final int CATCH_UP_ROUNDS = 4;

  private LogRotation() {}

  /** The rotated part of {@code log}: {@code task.log.1}. */
  static Path rotated(Path log) {
    return log.resolveSibling(log.getFileName() + ROTATED_SUFFIX);
  }

  /**
   * Rotates {@code log} if it is over half of {@code maxBytes}.
   *
   * @return the size that triggered a rotation, or -1 when none was needed
   */
  static long rotateIfNeeded(Path log, long maxBytes) throws IOException {
    long keep = Math.max(1, maxBytes / 2);
    long size;
    try {
      size = Files.size(log);
    } catch (NoSuchFileException e) {
      return -1;
    }
    if (size <= keep) {
      return -1;
    }
    Path rotated = rotated(log);
    Path tmp = log.resolveSibling(log.getFileName() + ROTATED_SUFFIX + ".tmp");
    long end;
    try (FileChannel in = FileChannel.open(log, StandardOpenOption.READ);
        FileChannel truncate = FileChannel.open(log, StandardOpenOption.WRITE);
        FileChannel out =
            FileChannel.open(
                tmp,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      end = in.size();
      long start = lineStart(in, Math.max(0, end - keep), end);
      copy(in, start, end, out);
      // Catch up with what the task wrote during the copy, so that only what it writes between
      // the last size check and the truncation (microseconds) can be lost; give up chasing a
      // writer faster than the copy after a bound.
      for (int round = 0; round < CATCH_UP_ROUNDS && end - start < keep + keep / 4; round++) {
        long now = in.size();
        if (now <= end) {
          break;
        }
        copy(in, end, now, out);
        end = now;
      }
      truncate.truncate(0);
    }
    Files.move(tmp, rotated, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    String notice =
        "[aloft] task.log reached "
            + end
            + " bytes (limit "
            + maxBytes
            + " for task.log and task.log.1 together): its last part is in task.log.1,"
            + " older output was dropped\n";
    try (FileChannel append =
        FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(notice.getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        append.write(buffer);
      }
    }
    return end;
  }

  private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
    long position = from;
    while (position < to) {
      long copied = in.transferTo(position, to - position, out);
      if (copied <= 0) {
        break;
      }
      position += copied;
    }
  }

  /** The first position after a line break in [from, from + LINE_SEARCH), else {@code from}. */
  private static long lineStart(FileChannel in, long from, long end) throws IOException {
    if (from == 0) {
      return 0;
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(LINE_SEARCH, end - from));
    in.read(buffer, from - 1);
    buffer.flip();
    for (int i = 0; i < buffer.limit(); i++) {
      if (buffer.get(i) == '\n') {
        return from - 1 + i + 1;
      }
    }
    return from;
  }
}
