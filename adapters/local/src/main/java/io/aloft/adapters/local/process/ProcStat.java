package io.aloft.adapters.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: what the plugin needs to recognise a process again (its
 * start time, which the kernel never changes and a reused pid does not share) and to find the
 * members of a task's session. Reading is blocking file I/O: call it on a blocking-capable thread.
 *
 * @param pid the process id
 * @param state the one-letter state; {@code Z} and {@code X} are dead (not yet reaped, or dying)
 * @param ppid the parent's pid
 * @param pgrp the process group id
 * @param session the session id
 * @param startTicks when the process started, in clock ticks since boot
 */
record ProcStat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {

  private static final Path PROC = Path.of("/proc");

  /** The process's line, or empty when there is no such process. */
  static Optional<ProcStat> read(long pid) {
    try {
      String line =
          new String(
              Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat")),
              StandardCharsets.UTF_8);
      return Optional.ofNullable(parse(line));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // ESRCH while the process exits between the directory lookup and the read.
      return Optional.empty();
    }
  }

  /** Every process on the system (a snapshot; processes come and go while it is taken). */
  static List<ProcStat> all() {
    List<ProcStat> result = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
      for (Path entry : entries) {
        long pid = pidOf(entry.getFileName().toString());
        if (pid > 0) {
          read(pid).ifPresent(result::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc", e);
    }
    return result;
  }

  /** The live members of session {@code sid}: processes that kept the task's session. */
  static List<ProcStat> sessionMembers(long sid) {
    return all().stream().filter(p -> p.session == sid && p.isAlive()).toList();
  }

  /** Running, sleeping or stopped: not a zombie waiting for its parent. */
  boolean isAlive() {
    return state != 'Z' && state != 'X' && state != 'x';
  }

  /** True when this is still the process recorded with {@code startTicks}, and it is alive. */
  boolean isSameLiveProcess(long expectedStartTicks) {
    return startTicks == expectedStartTicks && isAlive();
  }

  /** Parses a stat line; null if it is not one. The command name may hold spaces and ')'. */
  static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open <= 0 || close < open || close + 2 > line.length()) {
      return null;
    }
    try {
      long pid = Long.parseLong(line.substring(0, open).trim());
      // Fields after the command, numbered as in proc(5): 3 state, 4 ppid, 5 pgrp, 6 session,
      // ... 22 starttime.
      String[] fields = line.substring(close + 2).trim().split(" ");
      if (fields.length < 20 || fields[0].isEmpty()) {
        return null;
      }
      return new ProcStat(
          pid,
          fields[0].charAt(0),
          Long.parseLong(fields[1]),
          Long.parseLong(fields[2]),
          Long.parseLong(fields[3]),
          Long.parseLong(fields[19]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long pidOf(String name) {
    if (name.isEmpty() || name.length() > 18) {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(name);
  }
}
