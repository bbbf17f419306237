package io.aloft.bench.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manager's live heap, read with jcmd: a full GC first (GC.run), then GC.heap_info's "used".
 * The manager runs on this host (the harness only targets localhost).
 */
public final class HeapProbe {

  private static final Pattern HEAP_USED =
      Pattern.compile("heap\\s+total reserved (\\d+)K, committed (\\d+)K, used (\\d+)K");

  private final long pid;

  public HeapProbe(long pid) {
    this.pid = pid;
  }

  /** Live heap in MiB after a full GC, or -1 when no pid was given or jcmd failed. */
  public double usedAfterGcMib() {
    if (pid <= 0) {
      return -1;
    }
    try {
      jcmd("GC.run");
      Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(3)) / 1024.0 : -1;
    } catch (IOException e) {
      System.err.println("jcmd failed: " + e.getMessage());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Heap in use now, garbage included (no GC first), in MiB; -1 when unknown. */
  public double usedNowMib() {
    if (pid <= 0) {
      return -1;
    }
    try {
      Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
      return used.find() ? Long.parseLong(used.group(3)) / 1024.0 : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * A line of /proc/<pid>/status in MiB, e.g. {@code VmHWM} (the peak resident set since the
   * process started) or {@code VmRSS}; -1 when unknown.
   */
  public double procStatusMib(String field) {
    if (pid <= 0) {
      return -1;
    }
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    String jcmd = System.getProperty("java.home") + "/bin/jcmd";
    Process process =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
