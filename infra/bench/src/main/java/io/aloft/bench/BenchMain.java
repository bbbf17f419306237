package io.aloft.bench;

import io.aloft.bench.scenario.AppendScenario;
import io.aloft.bench.scenario.TransitionScenario;
import io.aloft.bench.scenario.WatchScenario;
import java.util.Arrays;

/**
 * Load driver for a running manager: {@code java -jar aloft-bench.jar <appends|transitions|watch>
 * [--url=http://localhost:18090] [--name=value ...]}. Prints one {@code RESULT} line per
 * measurement. See infra/bench/run.sh and docs/benchmarks.md.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: aloft-bench <appends|transitions|watch> [--name=value ...]");
      System.exit(2);
    }
    BenchOptions options = new BenchOptions(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "appends" -> new AppendScenario(options).run();
      case "transitions" -> new TransitionScenario(options).run();
      case "watch" -> new WatchScenario(options).run();
      default -> {
        System.err.println("unknown scenario " + args[0]);
        System.exit(2);
      }
    }
    System.exit(0);
  }
}
