package io.aloft.manager.restart;

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
import java.util.stream.Stream;

/**
 * What the test sees of the task processes and the embedded PostgreSQL from outside the manager,
 * through {@code /proc} and the files the manager leaves: each attempt's {@code process} file (pid
 * and start time of the task's session leader) and PostgreSQL's {@code postmaster.pid}.
 */
final class TaskProcesses {

  private TaskProcesses() {}

  /** One attempt's process as its {@code process} file records it. */
  record Task(Path workDir, long pid, long startTicks) {

    /** Alive and still the recorded process (a zombie or a reused pid is not). */
    boolean alive() {
      return Proc.stat(pid).filter(s -> s.startTicks() == startTicks && s.alive()).isPresent();
    }

    boolean exited() {
      return Files.exists(workDir.resolve("exit-code"));
    }

    /** The directory name: {@code <resource name>-<attempt - 1>[-r<system failures>]}. */
    String attemptName() {
      return workDir.getFileName().toString();
    }
  }

  /** Every attempt that started a process under {@code workRoot}. */
  static List<Task> all(Path workRoot) {
    if (!Files.isDirectory(workRoot)) {
      return List.of();
    }
    List<Task> tasks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(workRoot, 4)) {
      for (Path file : files.filter(p -> p.getFileName().toString().equals("process")).toList()) {
        read(file).ifPresent(tasks::add);
      }
    } catch (IOException | UncheckedIOException e) {
      // a directory vanished while walking: take what was seen
    }
    return tasks;
  }

  private static Optional<Task> read(Path file) {
    try {
      long pid = -1;
      long start = -1;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid=")) {
          pid = Long.parseLong(line.substring(4));
        } else if (line.startsWith("start=")) {
          start = Long.parseLong(line.substring(6));
        }
      }
      return pid > 1 ? Optional.of(new Task(file.getParent(), pid, start)) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The pid PostgreSQL's {@code postmaster.pid} names, if the file is there. */
  static Optional<Long> postmaster(Path dataDirectory) {
    try {
      List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static boolean alive(long pid) {
    return Proc.stat(pid).filter(Proc.Stat::alive).isPresent();
  }

  /** SIGKILL to every live process of the session {@code sid} (a task's whole tree). */
  static int killSession(long sid) {
    int killed = 0;
    for (Proc.Stat p : Proc.all()) {
      if (p.session() == sid && p.alive() && p.pid() != ProcessHandle.current().pid()) {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
        killed++;
      }
    }
    return killed;
  }

  /** SIGKILL to {@code pid} and its descendants (PostgreSQL's backends). */
  static void killTree(long pid) {
    ProcessHandle.of(pid)
        .ifPresent(
            handle -> {
              handle.descendants().forEach(ProcessHandle::destroyForcibly);
              handle.destroyForcibly();
            });
  }

  /** Minimal {@code /proc/<pid>/stat} reading. */
  static final class Proc {
    private Proc() {}

    record Stat(long pid, char state, long session, long startTicks) {
      boolean alive() {
        return state != 'Z' && state != 'X' && state != 'x';
      }
    }

    static Optional<Stat> stat(long pid) {
      try {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        int close = line.lastIndexOf(')');
        String[] fields = line.substring(close + 2).trim().split(" ");
        return Optional.of(
            new Stat(
                pid, fields[0].charAt(0), Long.parseLong(fields[3]), Long.parseLong(fields[19])));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    static List<Stat> all() {
      List<Stat> result = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"))) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            stat(Long.parseLong(name)).ifPresent(result::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return result;
    }
  }
}
