package io.aloft.application.data;

import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogReader;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.ActionQueries;
import io.aloft.application.port.query.ActionView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.application.run.RunReader;
import io.aloft.application.watch.DirtyActions;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.id.ActionId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DataProxyService.TailLogs: the lines of an attempt's log, in batches.
 *
 * <p>The attempt's newest log link that a {@link LogReader} understands is read. While the attempt
 * may still write (the action is not terminal and has not moved on to a later attempt) the last
 * {@value #TAIL_LINES} lines are sent and then new lines as they come, until the read model shows
 * the attempt ended; the log is then read to its end and the stream completes. Otherwise only the
 * last {@value #TAIL_LINES} lines are sent. Batches hold up to {@value #BATCH_LINES} lines; the
 * lines a reader had at hand are sent at once, a partial batch included (flushed early when the log
 * is idle, with no timer to wait for), several batches to a response of about {@value
 * #RESPONSE_BYTES} bytes when the log runs fast.
 */
public final class LogTailing {

  public static final int TAIL_LINES = 1000;
  public static final int BATCH_LINES = 100;

  /** Batches go out together up to about this much text, well under any message limit. */
  public static final int RESPONSE_BYTES = 512 * 1024;

  /** As many events as the attempt history reads. */
  static final int MAX_EVENTS = 5_000;

  private final RunReader reader;
  private final ActionQueries queries;
  private final DirtyActions dirty;
  private final List<LogReader> readers;

  public LogTailing(
      RunReader reader, ActionQueries queries, DirtyActions dirty, List<LogReader> readers) {
    this.reader = reader;
    this.queries = queries;
    this.dirty = dirty;
    this.readers = List.copyOf(readers);
  }

  /**
   * The log in responses, each a list of batches of at most {@value #BATCH_LINES} lines. The
   * batches read the lines in the chunks the log was read in, so a fast log costs no object per
   * line before it is encoded.
   *
   * @param attempt from 1; 0 means the latest attempt
   */
  public Flux<List<LogBatch>> tail(ActionId id, int attempt) {
    return reader
        .require(id)
        .flatMap(
            action ->
                queries
                    .events(EventSelection.ofAction(id, 0, null), MAX_EVENTS)
                    .collectList()
                    .map(events -> lines(action, events, attempt)))
        .flatMapMany(chunks -> chunks)
        .concatMapIterable(LogTailing::responses);
  }

  /** One chunk as responses of batches. */
  static List<List<LogBatch>> responses(LogChunk chunk) {
    List<List<LogBatch>> responses = new ArrayList<>();
    List<LogBatch> response = new ArrayList<>();
    int responseStart = 0;
    for (int from = 0; from < chunk.lineCount(); from += BATCH_LINES) {
      int to = Math.min(chunk.lineCount(), from + BATCH_LINES);
      response.add(new LogBatch(chunk, from, to));
      if (chunk.end(to - 1) - responseStart >= RESPONSE_BYTES) {
        responses.add(response);
        response = new ArrayList<>();
        responseStart = chunk.end(to - 1) + 1;
      }
    }
    if (!response.isEmpty()) {
      responses.add(response);
    }
    return responses;
  }

  private Flux<LogChunk> lines(ActionView action, List<ActionEventView> events, int requested) {
    ActionId id = action.id();
    int attempt = requested == 0 ? AttemptLogs.latestAttempt(action, events) : requested;
    List<TaskLog> links = AttemptLogs.newestFirst(events, attempt);
    if (links.isEmpty()) {
      throw new NotFound("no logs for attempt " + attempt + " of action " + id.key() + " yet");
    }
    for (TaskLog link : links) {
      for (LogReader logs : readers) {
        if (logs.handles(link)) {
          return ended(action, attempt)
              ? logs.lastLines(link, TAIL_LINES)
              : logs.follow(link, TAIL_LINES, endOf(id, attempt));
        }
      }
    }
    throw new NotFound(
        "the logs of attempt "
            + attempt
            + " of action "
            + id.key()
            + " are at "
            + links.stream().map(TaskLog::uri).collect(Collectors.joining(", "))
            + ", which this server cannot read");
  }

  /** Whether the attempt can write no more: the action finished or went on to a later attempt. */
  private static boolean ended(ActionView action, int attempt) {
    return action.phase().isTerminal() || action.attempts() > attempt;
  }

  /** Signals once the read model shows the attempt ended; subscribes to changes before reading. */
  private Mono<ActionView> endOf(ActionId id, int attempt) {
    return dirty
        .follow(id::equals, queries.find(id), ids -> queries.find(id))
        .filter(action -> ended(action, attempt))
        .next();
  }
}
