package io.aloft.manager.replay;

import java.io.PrintStream;
import java.util.List;

/**
 * Lets the end-to-end test (in the manager's package, beside its running manager) call the command.
 */
public final class ReplayCommandAccess {

  private ReplayCommandAccess() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    return ReplayCommand.run(args, out, err);
  }
}
