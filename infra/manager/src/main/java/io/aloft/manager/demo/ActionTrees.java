package io.aloft.manager.demo;

import io.aloft.proto.core.v1.ActionPhase;
import io.aloft.proto.run.v1.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The action trees of the demo's runs as WatchActions reports them, and their rendering: one line
 * per action with its phase and attempt, children under their parent. Not thread-safe: one thread
 * applies updates and renders.
 */
final class ActionTrees {

  /**
   * A root that failed with attempts left is retried at once, and the retry is recorded with the
   * failure; a FAILED root with attempts left that stays so this long failed for good (a failure
   * that is not retried, such as a command that does not exist).
   */
  static final Duration RETRY_GRACE = Duration.ofSeconds(2);

  private static final int PHASE_WIDTH = 10;

  /** Tree glyphs: branch, last branch, continuation, space. */
  private final String[] glyphs;

  private final Map<String, Tree> trees = new LinkedHashMap<>();
  private final int runWidth;

  /**
   * @param runs the maximum number of attempts of each run's root action, by run name
   */
  ActionTrees(Map<String, Integer> runs, boolean unicode) {
    runs.forEach((run, maxAttempts) -> trees.put(run, new Tree(maxAttempts)));
    this.runWidth = runs.keySet().stream().mapToInt(String::length).max().orElse(0);
    this.glyphs =
        unicode
            ? new String[] {"├─ ", "└─ ", "│  ", "   "}
            : new String[] {"|- ", "`- ", "|  ", "   "};
  }

  /** One action of one run, as last reported. */
  record Update(String run, Action action) {}

  /** Applies updates in order; returns the runs whose tree changed. */
  Set<String> apply(List<Update> updates, Instant now) {
    Set<String> changed = new LinkedHashSet<>();
    for (Update update : updates) {
      Tree tree = trees.get(update.run());
      if (tree != null && tree.apply(update.action(), now)) {
        changed.add(update.run());
      }
    }
    return changed;
  }

  /** Whether every run is over: its root finished for good and so did every child. */
  boolean allDone(Instant now) {
    return trees.values().stream().allMatch(tree -> tree.done(now));
  }

  /** The runs that are not over yet. */
  List<String> pending(Instant now) {
    return trees.entrySet().stream()
        .filter(entry -> !entry.getValue().done(now))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The final phase of each child of a run's root, by name. */
  Map<String, ActionPhase> children(String run) {
    Map<String, ActionPhase> children = new LinkedHashMap<>();
    Tree tree = trees.get(run);
    if (tree != null) {
      tree.childrenOf("a0").forEach(node -> children.put(node.name(), node.phase()));
    }
    return children;
  }

  /**
   * The lines showing the runs, e.g. {@code " 1.2s fanout-ab12 a0 RUNNING attempt 1"} then one line
   * per child; the time is on the first line only.
   */
  List<String> render(Set<String> runs, Duration elapsed) {
    List<String> lines = new ArrayList<>();
    String time = time(elapsed);
    String blank = " ".repeat(time.length());
    for (String run : runs) {
      Tree tree = trees.get(run);
      if (tree == null || tree.nodes.isEmpty()) {
        continue;
      }
      List<String> treeLines = tree.lines(glyphs);
      String indent = " ".repeat(runWidth + 2);
      for (int i = 0; i < treeLines.size(); i++) {
        String head = lines.isEmpty() ? time : blank;
        String label = i == 0 ? pad(run, runWidth) + "  " : indent;
        lines.add(head + label + treeLines.get(i));
      }
    }
    return lines;
  }

  /** The time column: {@code " 1.2s "}. */
  static String time(Duration elapsed) {
    return String.format("%6.1fs  ", elapsed.toMillis() / 1000.0);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** A node of a tree: an action as last reported. */
  record Node(String name, String parent, ActionPhase phase, int attempts) {}

  /** The actions of one run. */
  private static final class Tree {
    private final int maxAttempts;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private Instant rootChanged = Instant.MIN;

    Tree(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    boolean apply(Action action, Instant now) {
      String name = action.getId().getName();
      Node node =
          new Node(
              name,
              action.getMetadata().getParent(),
              action.getStatus().getPhase(),
              action.getStatus().getAttempts());
      Node previous = nodes.put(name, node);
      if (node.equals(previous)) {
        return false;
      }
      if (node.parent().isEmpty()) {
        rootChanged = now;
      }
      return true;
    }

    boolean done(Instant now) {
      Node root = nodes.get("a0");
      if (root == null || !Literals.terminal(root.phase())) {
        return false;
      }
      boolean mayBeRetried =
          root.phase() == ActionPhase.ACTION_PHASE_FAILED
              && root.attempts() < maxAttempts
              && rootChanged.plus(RETRY_GRACE).isAfter(now);
      return !mayBeRetried && nodes.values().stream().allMatch(n -> Literals.terminal(n.phase()));
    }

    List<Node> childrenOf(String parent) {
      return nodes.values().stream()
          .filter(node -> node.parent().equals(parent))
          .sorted(Comparator.comparingInt((Node n) -> n.name().length()).thenComparing(Node::name))
          .toList();
    }

    List<String> lines(String[] glyphs) {
      List<String> lines = new ArrayList<>();
      Node root = nodes.get("a0");
      if (root != null) {
        lines.add(describe(root, root.name().length()));
        addChildren(lines, root.name(), "", glyphs);
      }
      return lines;
    }

    private void addChildren(List<String> lines, String parent, String prefix, String[] glyphs) {
      List<Node> children = childrenOf(parent);
      int width = children.stream().mapToInt(n -> n.name().length()).max().orElse(0);
      for (int i = 0; i < children.size(); i++) {
        boolean last = i == children.size() - 1;
        Node child = children.get(i);
        lines.add(prefix + (last ? glyphs[1] : glyphs[0]) + describe(child, width));
        addChildren(lines, child.name(), prefix + (last ? glyphs[3] : glyphs[2]), glyphs);
      }
    }

    private static String describe(Node node, int nameWidth) {
      String phase = pad(Literals.phase(node.phase()), PHASE_WIDTH);
      return pad(node.name(), nameWidth)
          + "  "
          + phase
          + " attempt "
          + Math.max(1, node.attempts());
    }
  }
}
