package io.aloft.bench.stats;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manager's GC log ({@code -Xlog:gc:file=<path>}), read from a marked offset: every pause line
 * carries the heap occupancy before and after it and the committed size, e.g. {@code GC(12) Pause
 * Young (Normal) (G1 Evacuation Pause) 250M->45M(1024M) 3.456ms}. The highest "before" is the peak
 * heap in use (occupancy only grows between collections); the highest "after" is the most that
 * survived a collection, an upper bound of the live data. Reading the log costs the manager
 * nothing, unlike polling it with jcmd (a JVM start each time).
 */
public final class GcLog {

  private static final Pattern PAUSE =
      Pattern.compile(
          "GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([0-9.]+)ms");

  /** What the log shows since the mark. */
  public record Summary(
      int pauses,
      int fullPauses,
      double maxBeforeMib,
      double maxAfterMib,
      double maxCommittedMib,
      double pauseTotalMs,
      double pauseMaxMs) {}

  private final Path path;
  private long offset;

  public GcLog(String path) {
    this.path = path == null || path.isBlank() ? null : Path.of(path);
  }

  public boolean present() {
    return path != null && Files.isRegularFile(path);
  }

  /** Only lines written after this call count. */
  public void mark() {
    try {
      offset = present() ? Files.size(path) : 0;
    } catch (IOException e) {
      offset = 0;
    }
  }

  public Summary since() {
    if (!present()) {
      return new Summary(0, 0, -1, -1, -1, 0, 0);
    }
    String text;
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      file.seek(Math.min(offset, file.length()));
      byte[] bytes = new byte[(int) (file.length() - file.getFilePointer())];
      file.readFully(bytes);
      text = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("reading " + path + " failed: " + e);
      return new Summary(0, 0, -1, -1, -1, 0, 0);
    }
    int pauses = 0;
    int full = 0;
    double before = 0;
    double after = 0;
    double committed = 0;
    double total = 0;
    double longest = 0;
    Matcher m = PAUSE.matcher(text);
    while (m.find()) {
      pauses++;
      if (m.group(1).startsWith("Pause Full")) {
        full++;
      }
      before = Math.max(before, mib(m.group(2), m.group(3)));
      if (m.group(1).startsWith("Pause Young") || m.group(1).startsWith("Pause Full")) {
        // Remark and Cleanup pauses only mark: their "after" is not what survived a collection.
        after = Math.max(after, mib(m.group(4), m.group(5)));
      }
      committed = Math.max(committed, mib(m.group(6), m.group(7)));
      double ms = Double.parseDouble(m.group(8));
      total += ms;
      longest = Math.max(longest, ms);
    }
    if (pauses == 0) {
      return new Summary(0, 0, -1, -1, -1, 0, 0);
    }
    return new Summary(pauses, full, before, after, committed, total, longest);
  }

  private static double mib(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }
}
