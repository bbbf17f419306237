package io.aloft.adapters.local.process;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogChunkBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

  /** The longest line emitted, in bytes; longer ones are split. */
  public static final int MAX_LINE_CHARS = LogChunkBuilder.MAX_LINE_BYTES;

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
  public static Mono<LogChunk> lastLines(Path logFile, int lines) {
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
    return followChunks(logFile, lastLines, pollInterval, ended).concatMapIterable(LogChunk::lines);
  }

  /**
   * As {@link #follow}, in the chunks the file was read in (at most about 256 KiB each, never
   * empty): a chunk ends where the file had nothing more to give at that moment.
   */
  public static Flux<LogChunk> followChunks(
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
          Mono<LogChunk> first =
              Mono.fromCallable(() -> follower.start(lastLines))
                  .subscribeOn(Schedulers.boundedElastic());
          Flux<LogChunk> rest =
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
  static LogChunk readLastLines(Path logFile, int lines, int maxBytes) throws IOException {
    if (lines == 0) {
      return LogChunk.EMPTY;
    }
    Tail tail = readTail(logFile, lines, maxBytes, Long.MAX_VALUE);
    if (tail.lines.lineCount() >= lines || !tail.reachedStart) {
      return tail.lines;
    }
    int budget = maxBytes - tail.bytesRead;
    if (budget <= 0) {
      return tail.lines;
    }
    Tail older =
        readTail(
            LogRotation.rotated(logFile), lines - tail.lines.lineCount(), budget, Long.MAX_VALUE);
    return older.lines.concat(tail.lines);
  }

  private record Tail(LogChunk lines, boolean reachedStart, int bytesRead, long size) {}

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
      // The first line may be the end of a longer one (the read stopped before its start): it is
      // kept, and dropped by the "last n" selection whenever enough whole lines follow.
      LogChunk all = new LogChunkBuilder().append(data, 0, data.length).flush().take();
      return new Tail(all.last(lines), position == 0, total, size);
    } catch (NoSuchFileException e) {
      return new Tail(LogChunk.EMPTY, true, 0, 0);
    }
  }

  /**
   * Reading state of one {@link #follow}: touched by one thread at a time (the steps are serial).
   */
  private static final class Follower {

    private final Path file;
    private long offset;
    private final LogChunkBuilder lines = new LogChunkBuilder();
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES);
    private volatile boolean more;
    private volatile boolean done;

    Follower(Path file) {
      this.file = file;
    }

    /** The last lines, and the position after them. */
    LogChunk start(int count) throws IOException {
      long size;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        size = channel.size();
      } catch (NoSuchFileException e) {
        return LogChunk.EMPTY;
      }
      boolean partialLast = size > 0 && !endsWithNewline(size);
      if (count == 0 && !partialLast) {
        offset = size;
        return LogChunk.EMPTY;
      }
      // A last line still being written is held back until it is complete, so read one more.
      Tail tail = readTail(file, partialLast ? count + 1 : count, MAX_TAIL_BYTES, size);
      offset = tail.size;
      LogChunk result = tail.lines;
      if (partialLast && !result.isEmpty()) {
        int last = result.lineCount() - 1;
        byte[] text = result.sharedText();
        lines.append(text, result.start(last), result.end(last) - result.start(last));
        result = result.first(last);
      }
      if (tail.reachedStart && result.lineCount() < count) {
        LogChunk older =
            readTail(
                    LogRotation.rotated(file),
                    count - result.lineCount(),
                    MAX_TAIL_BYTES,
                    Long.MAX_VALUE)
                .lines;
        return older.concat(result);
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
    LogChunk poll(boolean endedBefore) throws IOException {
      boolean atEnd;
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = channel.size();
        if (size < offset) {
          // Truncated by a rotation: what was not read yet went to task.log.1 or was dropped.
          offset = 0;
          lines.dropPartial();
        }
        buffer.clear().limit((int) Math.min(CHUNK_BYTES, size - offset));
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            break;
          }
        }
        offset += buffer.position();
        atEnd = offset >= channel.size();
        lines.append(buffer.array(), 0, buffer.position());
      } catch (NoSuchFileException e) {
        atEnd = true;
      }
      more = !atEnd;
      if (endedBefore && atEnd) {
        lines.flush();
        done = true;
      }
      return lines.take();
    }
  }
}
