package io.aloft.adapters.local.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a task's log ({@code task.log}, written by {@link LocalProcessPlugin}): its last lines, and
 * the lines as they are appended while the task runs. It backs DataProxyService.TailLogs.
 *
 * <p>Lines are UTF-8 (malformed bytes become U+FFFD), without their line break; a line longer than
 * {@link #MAX_LINE_CHARS} bytes is cut into pieces of that size, so a task printing gigabytes
 * without a newline costs bounded memory. The log may be rotated while it is read (see {@link
 * LogRotation}): {@link #lastLines} also reads {@code task.log.1} when {@code task.log} has fewer
 * lines than asked, and {@link #follow} starts again at the top of the truncated file. All file
 * access runs on {@link Schedulers#boundedElastic()}; nothing blocks the subscriber's thread.
 */
public final class LogTail {

  /** The longest line emitted; longer ones are split. */
  public static final int MAX_LINE_CHARS = 16 * 1024;

  /** How far back {@link #lastLines} reads at most, over both files. */
  public static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;

  /** How much {@link #follow} reads per step before it lets the subscriber catch up. */
  private static final int CHUNK_BYTES = 256 * 1024;

  private static final int BLOCK = 8 * 1024;

  private LogTail() {}

  /**
   * The last {@code lines} lines of {@code logFile} (and of its rotated part when needed), oldest
   * first; empty when there is no log yet.
   */
  public static Mono<List<String>> lastLines(Path logFile, int lines) {
    Objects.requireNonNull(logFile, "logFile");
    requireNonNegative(lines);
    return Mono.fromCallable(() -> readLastLines(logFile, lines, MAX_TAIL_BYTES))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /**
   * The last {@code lastLines} lines of the log, then every line appended after them, looking for
   * new output every {@code pollInterval}. Once {@code ended} signals (a value, completion or an
   * error: the process is gone and will write nothing more), the log is read to its end, a last
   * line without a line break is emitted, and the Flux completes. Cancelling it stops the polling.
   *
   * @param ended when the task's process ended; never signalling means following until cancelled
   */
  public static Flux<String> follow(
      Path logFile, int lastLines, Duration pollInterval, Publisher<?> ended) {
    return followChunks(logFile, lastLines, pollInterval, ended).concatMapIterable(chunk -> chunk);
  }

  /**
   * As {@link #follow}, in the chunks the file was read in (at most about 256 KiB each, never
   * empty): a chunk ends where the file had nothing more to give at that moment.
   */
  public static Flux<List<String>> followChunks(
      Path logFile, int lastLines, Duration pollInterval, Publisher<?> ended) {
    Objects.requireNonNull(logFile, "logFile");
    requireNonNegative(lastLines);
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(ended, "ended");
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    return Flux.defer(
        () -> {
          Follower follower = new Follower(logFile);
          AtomicBoolean hasEnded = new AtomicBoolean();
          Sinks.Empty<Void> endedSink = Sinks.empty();
          Runnable markEnded =
              () -> {
                hasEnded.set(true);
                endedSink.tryEmitEmpty();
              };
          Disposable endedSubscription =
              Flux.from(ended)
                  .take(1)
                  .subscribe(v -> markEnded.run(), e -> markEnded.run(), markEnded);
          Mono<List<String>> first =
              Mono.fromCallable(() -> follower.start(lastLines))
                  .subscribeOn(Schedulers.boundedElastic());
          Flux<List<String>> rest =
              Mono.fromCallable(() -> follower.poll(hasEnded.get()))
                  .subscribeOn(Schedulers.boundedElastic())
                  .repeatWhen(
                      steps ->
                          steps.concatMap(
                              step ->
                                  follower.more
                                      ? Mono.just(step)
                                      : Mono.firstWithSignal(
                                              Mono.delay(pollInterval), endedSink.asMono())
                                          .thenReturn(step),
                              1))
                  .takeUntil(chunk -> follower.done)
                  .filter(chunk -> !chunk.isEmpty());
          return first
              .filter(chunk -> !chunk.isEmpty())
              .concatWith(rest)
              .doFinally(signal -> endedSubscription.dispose());
        });
  }

  private static void requireNonNegative(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines must not be negative: " + lines);
    }
  }

  /**
   * The last {@code lines} lines, reading back at most {@code maxBytes} over the log and its
   * rotated part. Blocking.
   */
  static List<String> readLastLines(Path logFile, int lines, int maxBytes) throws IOException {
    if (lines == 0) {
      return List.of();
    }
    Tail tail = readTail(logFile, lines, maxBytes, Long.MAX_VALUE);
    if (tail.lines.size() >= lines || !tail.reachedStart) {
      return tail.lines;
    }
    int budget = maxBytes - tail.bytesRead;
    if (budget <= 0) {
      return tail.lines;
    }
    Tail older =
        readTail(LogRotation.rotated(logFile), lines - tail.lines.size(), budget, Long.MAX_VALUE);
    if (older.lines.isEmpty()) {
      return tail.lines;
    }
    List<String> result = new ArrayList<>(older.lines.size() + tail.lines.size());
    result.addAll(older.lines);
    result.addAll(tail.lines);
    return result;
  }

  private record Tail(List<String> lines, boolean reachedStart, int bytesRead, long size) {}

  /**
   * The last lines of one file up to {@code end} (or its size, if smaller), reading backwards in
   * blocks.
   */
  private static Tail readTail(Path file, int lines, int maxBytes, long end) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = Math.min(channel.size(), end);
      long position = size;
      // Blocks read backwards, newest first; joined once at the end.
      List<byte[]> blocks = new ArrayList<>();
      int total = 0;
      int newlines = 0;
      int needed = lines;
      int blockSize = BLOCK;
      while (position > 0 && total < maxBytes) {
        int length = (int) Math.min(Math.min(blockSize, position), maxBytes - total);
        long from = position - length;
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, from + buffer.position()) < 0) {
            break;
          }
        }
        byte[] block = buffer.array();
        if (blocks.isEmpty() && length > 0 && block[length - 1] == '\n') {
          // The break ending the last line does not start a line.
          needed = lines + 1;
        }
        for (byte b : block) {
          if (b == '\n') {
            newlines++;
          }
        }
        blocks.add(block);
        total += length;
        position = from;
        blockSize = Math.min(blockSize * 2, 1024 * 1024);
        if (newlines >= needed) {
          break;
        }
      }
      byte[] data = new byte[total];
      int at = total;
      for (byte[] block : blocks) {
        at -= block.length;
        System.arraycopy(block, 0, data, at, block.length);
      }
      List<String> all = splitLines(data);
      List<String> last =
          all.size() <= lines ? all : List.copyOf(all.subList(all.size() - lines, all.size()));
      return new Tail(last, position == 0, total, size);
    } catch (NoSuchFileException e) {
      return new Tail(List.of(), true, 0, 0);
    }
  }

  /**
   * Splits on '\n' (dropping a '\r' before it). The first piece may be the end of a longer line
   * (the read stopped before its start): it is kept, cut like any long line, and the callers' "last
   * n" selection drops it whenever enough whole lines follow.
   */
  private static List<String> splitLines(byte[] data) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n') {
        addLine(lines, data, start, i);
        start = i + 1;
      }
    }
    if (start < data.length) {
      addLine(lines, data, start, data.length);
    }
    return lines;
  }

  private static void addLine(List<String> lines, byte[] data, int from, int to) {
    int end = to > from && data[to - 1] == '\r' ? to - 1 : to;
    for (int piece = from; piece < end || piece == from; piece += MAX_LINE_CHARS) {
      int pieceEnd = Math.min(end, piece + MAX_LINE_CHARS);
      lines.add(new String(data, piece, pieceEnd - piece, StandardCharsets.UTF_8));
      if (pieceEnd >= end) {
        break;
      }
    }
  }

  /**
   * Reading state of one {@link #follow}: touched by one thread at a time (the steps are serial).
   */
  private static final class Follower {

    private final Path file;
    private long offset;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile boolean more;
    private volatile boolean done;

    Follower(Path file) {
      this.file = file;
    }

    /** The last lines, and the position after them. */
    List<String> start(int lines) throws IOException {
      long size;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        size = channel.size();
      } catch (NoSuchFileException e) {
        return List.of();
      }
      boolean partialLast = size > 0 && !endsWithNewline(size);
      if (lines == 0 && !partialLast) {
        offset = size;
        return List.of();
      }
      // A last line still being written is held back until it is complete, so read one more.
      Tail tail = readTail(file, partialLast ? lines + 1 : lines, MAX_TAIL_BYTES, size);
      offset = tail.size;
      List<String> result = new ArrayList<>(tail.lines);
      if (partialLast) {
        String last = result.isEmpty() ? null : result.remove(result.size() - 1);
        if (last != null) {
          byte[] bytes = last.getBytes(StandardCharsets.UTF_8);
          partial.write(bytes, 0, bytes.length);
        }
      }
      if (tail.reachedStart && result.size() < lines) {
        List<String> older =
            readTail(
                    LogRotation.rotated(file),
                    lines - result.size(),
                    MAX_TAIL_BYTES,
                    Long.MAX_VALUE)
                .lines;
        if (!older.isEmpty()) {
          List<String> combined = new ArrayList<>(older);
          combined.addAll(result);
          return combined;
        }
      }
      return result;
    }

    private boolean endsWithNewline(long size) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer one = ByteBuffer.allocate(1);
        return channel.read(one, size - 1) == 1 && one.get(0) == '\n';
      }
    }

    /** Lines appended since the last step; sets {@link #more} and {@link #done}. */
    List<String> poll(boolean endedBefore) throws IOException {
      List<String> lines = new ArrayList<>();
      boolean atEnd;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = channel.size();
        if (size < offset) {
          // Truncated by a rotation: what was not read yet went to task.log.1 or was dropped.
          offset = 0;
          partial.reset();
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, size - offset));
        while (buffer.hasRemaining()) {
          int read = channel.read(buffer, offset + buffer.position());
          if (read < 0) {
            break;
          }
        }
        offset += buffer.position();
        atEnd = offset >= channel.size();
        byte[] bytes = buffer.array();
        int length = buffer.position();
        int start = 0;
        for (int i = 0; i < length; i++) {
          if (bytes[i] == '\n') {
            partial.write(bytes, start, i - start);
            flushPartial(lines);
            start = i + 1;
          } else if (partial.size() + (i - start) >= MAX_LINE_CHARS) {
            partial.write(bytes, start, i - start);
            flushPartial(lines);
            start = i;
          }
        }
        partial.write(bytes, start, length - start);
      } catch (NoSuchFileException e) {
        atEnd = true;
      }
      more = !atEnd;
      if (endedBefore && atEnd) {
        if (partial.size() > 0) {
          flushPartial(lines);
        }
        done = true;
      }
      return lines;
    }

    private void flushPartial(List<String> lines) {
      byte[] bytes = partial.toByteArray();
      partial.reset();
      int end =
          bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      lines.add(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }
  }
}
