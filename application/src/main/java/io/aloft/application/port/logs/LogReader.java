package io.aloft.application.port.logs;

import io.aloft.domain.action.TaskLog;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Reads the log an attempt's log link points to: local files for the embedded executor, pod logs
 * for Kubernetes. Lines come oldest first in {@link LogChunk}s: each chunk is what the source had
 * at hand when it was read, so the end of a chunk is where a reader waits for more (callers flush
 * there instead of waiting on a timer). Chunks are never empty.
 *
 * <p>Errors: a link the reader refuses to open (for example a file outside the executor's work
 * directory) is {@link io.aloft.domain.error.NotFound}, so a crafted link reveals nothing; when the
 * log source fails the error is {@link io.aloft.domain.error.Unavailable}. All methods are lazy.
 */
public interface LogReader {

  /** Whether this reader understands the link (typically: by its URI scheme). */
  boolean handles(TaskLog log);

  /** The last {@code lines} lines; empty when the log has no lines yet. */
  Flux<LogChunk> lastLines(TaskLog log, int lines);

  /**
   * The last {@code lastLines} lines, then every line written after them until {@code ended}
   * signals (anything: a value, completion or an error); then the rest of the log is read and the
   * Flux completes. Cancelling it stops following.
   */
  Flux<LogChunk> follow(TaskLog log, int lastLines, Publisher<?> ended);
}
