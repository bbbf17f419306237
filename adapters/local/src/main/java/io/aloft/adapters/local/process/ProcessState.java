package io.aloft.adapters.local.process;

import io.aloft.domain.support.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the plugin keeps to find an attempt's process again, also after a manager restart: the pid,
 * the process's start time (so a reused pid is not mistaken for it) and the work directory. It is
 * the plugin state in {@code PluginReport.state()} and also the {@code process} file in the work
 * directory, so a repeated first call finds a process that was started but never reported.
 *
 * <p>The format is a few {@code key=value} lines of UTF-8 text, versioned by its first line:
 *
 * <pre>
 * aloft.process=1
 * pid=12345
 * start=8812734
 * workDir=/var/lib/aloft/work/p/d/r1-a1-0
 * </pre>
 *
 * The pid is also the task's session and process group id: the wrapper runs under {@code setsid}.
 *
 * @param pid the wrapper's pid, leader of the task's session
 * @param startTicks the wrapper's start time from {@code /proc/<pid>/stat}
 * @param workDir the attempt's work directory
 */
record ProcessState(long pid, long startTicks, Path workDir) {

  static final String VERSION_KEY = "aloft.process";
  static final String VERSION = "1";

  ProcessState {
    if (pid <= 1) {
      throw new IllegalArgumentException("pid must be greater than 1: " + pid);
    }
    if (startTicks < 0) {
      throw new IllegalArgumentException("start time must not be negative: " + startTicks);
    }
    Objects.requireNonNull(workDir, "workDir");
    if (!workDir.isAbsolute()) {
      throw new IllegalArgumentException("work directory must be absolute: " + workDir);
    }
    if (workDir.toString().indexOf('\n') >= 0) {
      throw new IllegalArgumentException("work directory must not contain a line break");
    }
  }

  String encodeText() {
    return VERSION_KEY
        + "="
        + VERSION
        + "\npid="
        + pid
        + "\nstart="
        + startTicks
        + "\nworkDir="
        + workDir
        + "\n";
  }

  Bytes encode() {
    return Bytes.of(encodeText().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads state written by {@link #encode}.
   *
   * @throws IllegalArgumentException naming what is wrong when it is not such state
   */
  static ProcessState decode(Bytes state) {
    return decodeText(new String(state.toArray(), StandardCharsets.UTF_8));
  }

  static ProcessState decodeText(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a key=value line: '" + abbreviate(line) + "'");
      }
      values.put(line.substring(0, eq), line.substring(eq + 1));
    }
    String version = values.get(VERSION_KEY);
    if (!VERSION.equals(version)) {
      throw new IllegalArgumentException(
          "not local process state (" + VERSION_KEY + "=" + version + ")");
    }
    try {
      return new ProcessState(
          Long.parseLong(required(values, "pid")),
          Long.parseLong(required(values, "start")),
          Path.of(required(values, "workDir")));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed local process state: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("local process state has no " + key);
    }
    return value;
  }

  private static String abbreviate(String line) {
    return line.length() <= 40 ? line : line.substring(0, 40) + "...";
  }
}
