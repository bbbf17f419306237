package io.aloft.manager.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where the demo prints: one thread of its own, so that lines keep their order and writing to the
 * terminal never blocks an event loop.
 */
final class Console implements AutoCloseable {

  private final PrintStream out;
  private final boolean unicode;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, "aloft-demo-console");
            t.setDaemon(true);
            return t;
          });
  private final Scheduler scheduler = Schedulers.fromExecutorService(thread, "aloft-demo-console");

  Console(PrintStream out) {
    this.out = out;
    this.unicode = StandardCharsets.UTF_8.equals(out.charset());
  }

  /** Whether the terminal takes UTF-8 (tree lines, ✓); otherwise the demo prints ASCII. */
  boolean unicode() {
    return unicode;
  }

  /** The console's thread, for operators that render and print. */
  Scheduler scheduler() {
    return scheduler;
  }

  Mono<Void> print(String line) {
    return print(List.of(line));
  }

  Mono<Void> print(List<String> lines) {
    return Mono.fromRunnable(() -> printNow(lines)).subscribeOn(scheduler).then();
  }

  /** Prints at once; only on the console's thread (or before the demo's pipeline runs). */
  void printNow(List<String> lines) {
    lines.forEach(out::println);
    out.flush();
  }

  @Override
  public void close() {
    scheduler.dispose();
    thread.shutdown();
  }
}
