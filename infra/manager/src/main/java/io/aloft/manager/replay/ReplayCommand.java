package io.aloft.manager.replay;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code aloft replay <project>/<domain>/<run> [--url URL]}: prints a run's whole history (who did
 * what and when) from ListActionEvents, a page at a time. Exit codes: 0 printed, 1 not found or
 * unreachable, 2 bad arguments.
 */
public final class ReplayCommand {

  static final String USAGE =
      "usage: aloft replay <project>/<domain>/<run> [--url http://localhost:8090]";
  static final String DEFAULT_URL = "http://localhost:8090";

  private ReplayCommand() {}

  public static int main(List<String> args) {
    return run(args, System.out, System.err);
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    ReplayOptions options;
    try {
      options = ReplayOptions.parse(args);
    } catch (IllegalArgumentException bad) {
      err.println("aloft replay: " + bad.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      HistoryTable table = new HistoryTable(out);
      new EventPages(options.url()).forEach(options.run(), table::print);
      table.finish();
      return 0;
    } catch (EventPages.Failure failure) {
      err.println("aloft replay: " + failure.getMessage());
      return 1;
    }
  }
}
