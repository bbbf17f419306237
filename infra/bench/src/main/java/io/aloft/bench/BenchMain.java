package io.aloft.bench;

import io.aloft.bench.scenario.AppendScenario;
import io.aloft.bench.scenario.ChildrenScenario;
import io.aloft.bench.scenario.CopilotScenario;
import io.aloft.bench.scenario.ExecRunsScenario;
import io.aloft.bench.scenario.StartLatencyScenario;
import io.aloft.bench.scenario.TailLogsScenario;
import io.aloft.bench.scenario.TransitionScenario;
import io.aloft.bench.scenario.WatchScenario;
import java.util.Arrays;

/**
 * Load driver for a running manager: {@code java -jar aloft-bench.jar
 * <appends|transitions|watch|exec-runs|exec-children|exec-latency|fanout|taillogs|copilot>
 * [--url=http://localhost:18090] [--name=value ...]}. Prints one {@code RESULT} line per
 * measurement. See infra/bench/run.sh and docs/benchmarks.md.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println(
          "usage: aloft-bench <appends|transitions|watch|exec-runs|exec-children|exec-latency"
              + "|fanout|taillogs|copilot> [--name=value ...]");
      System.exit(2);
    }
    BenchOptions options = new BenchOptions(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "appends" -> new AppendScenario(options).run();
      case "transitions" -> new TransitionScenario(options).run();
      case "watch" -> new WatchScenario(options).run();
      case "exec-runs" -> new ExecRunsScenario(options).run();
      case "exec-children" -> new ChildrenScenario(options).run();
      case "exec-latency" -> new StartLatencyScenario(options).run();
      case "taillogs" -> new TailLogsScenario(options).run();
      case "copilot" -> new CopilotScenario(options).run();
      case "fanout" -> {
        // The children scenario under another default name; a --name given wins (it comes later).
        String[] fanout = args.clone();
        fanout[0] = "--name=fanout";
        new ChildrenScenario(new BenchOptions(fanout)).run();
      }
      default -> {
        System.err.println("unknown scenario " + args[0]);
        System.exit(2);
      }
    }
    System.exit(0);
  }
}
