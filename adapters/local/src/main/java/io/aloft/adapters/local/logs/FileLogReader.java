package io.aloft.adapters.local.logs;

import io.aloft.adapters.local.process.LocalProcessSettings;
import io.aloft.adapters.local.process.LogTail;
import io.aloft.application.port.logs.LogChunk;
import io.aloft.application.port.logs.LogReader;
import io.aloft.domain.action.TaskLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the {@code file://} log links the local process plugin reports ({@code task.log} in an
 * attempt's work directory) with {@link LogTail}. Links outside the plugin's work root, or to any
 * other file than a task log, are refused with NotFound.
 */
public final class FileLogReader implements LogReader {

  /** How often a followed log is checked for new lines. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

  private final LocalLogFiles files;
  private final Duration pollInterval;

  public FileLogReader(LocalProcessSettings settings) {
    this(settings.workRoot(), DEFAULT_POLL_INTERVAL);
  }

  public FileLogReader(Path workRoot, Duration pollInterval) {
    this.files = new LocalLogFiles(workRoot);
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
  }

  @Override
  public boolean handles(TaskLog log) {
    return LocalLogFiles.isFileLink(log.uri());
  }

  @Override
  public Flux<LogChunk> lastLines(TaskLog log, int lines) {
    return resolve(log)
        .flatMap(path -> LogTail.lastLines(path, lines))
        .filter(chunk -> !chunk.isEmpty())
        .flux();
  }

  @Override
  public Flux<LogChunk> follow(TaskLog log, int lastLines, Publisher<?> ended) {
    return resolve(log)
        .flatMapMany(path -> LogTail.followChunks(path, lastLines, pollInterval, ended));
  }

  private Mono<Path> resolve(TaskLog log) {
    return Mono.fromCallable(() -> files.resolve(log.uri()))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
