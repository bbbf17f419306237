package io.aloft.manager.copilot;

import io.aloft.application.copilot.CopilotProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shows a copilot run's progress on {@code err}: a bar redrawn in place on a terminal, otherwise a
 * log line every few seconds (for container logs). The copilot counts; a daemon thread draws, so
 * the I/O threads only add to counters.
 */
final class ProgressReport implements CopilotProgress, AutoCloseable {

  static final Duration TERMINAL_INTERVAL = Duration.ofMillis(200);
  static final Duration LOG_INTERVAL = Duration.ofSeconds(5);
  private static final int BAR_WIDTH = 30;
  private static final double MB = 1_000_000.0;

  private final AtomicLong plannedFiles = new AtomicLong();
  private final AtomicLong plannedBytes = new AtomicLong();
  private final AtomicLong doneFiles = new AtomicLong();
  private final AtomicLong doneBytes = new AtomicLong();
  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long started;
  private ScheduledExecutorService drawer;

  ProgressReport(PrintStream err, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  /** Starts drawing periodically; {@link #close()} draws the final state and stops. */
  ProgressReport start() {
    Duration interval = terminal ? TERMINAL_INTERVAL : LOG_INTERVAL;
    drawer =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("aloft-copilot-progress").unstarted(task));
    drawer.scheduleAtFixedRate(
        this::draw, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void planned(int files, long bytes) {
    plannedFiles.addAndGet(files);
    plannedBytes.addAndGet(bytes);
  }

  @Override
  public void transferred(long bytes) {
    doneBytes.addAndGet(bytes);
  }

  @Override
  public void fileDone() {
    doneFiles.incrementAndGet();
  }

  @Override
  public void close() {
    if (drawer != null) {
      drawer.shutdownNow();
    }
    if (plannedFiles.get() > 0) {
      draw();
      if (terminal) {
        err.println();
      }
    }
  }

  /** The current line: files and bytes done of the planned ones, and the mean rate. */
  String line() {
    long files = doneFiles.get();
    long bytes = doneBytes.get();
    long totalBytes = Math.max(plannedBytes.get(), bytes);
    double seconds = Math.max(1e-3, (nanoTime.getAsLong() - started) / 1e9);
    String counts =
        String.format(
            Locale.ROOT,
            "%d/%d files, %.1f/%.1f MB, %.1f MB/s",
            files,
            plannedFiles.get(),
            bytes / MB,
            totalBytes / MB,
            bytes / MB / seconds);
    return terminal
        ? bar(totalBytes == 0 ? 0 : (double) bytes / totalBytes) + " " + counts
        : counts;
  }

  private synchronized void draw() {
    if (terminal) {
      err.print("\r" + line());
      err.flush();
    } else {
      err.println("aloft copilot: " + line());
    }
  }

  private static String bar(double fraction) {
    int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }
}
