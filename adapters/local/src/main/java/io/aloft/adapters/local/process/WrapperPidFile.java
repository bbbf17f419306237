package io.aloft.adapters.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pid the wrapper records as its very first act (see {@link ProcessRunner}). The manager writes
 * the process file only after the start returns, so a manager killed in between would leave a
 * running task that nothing records; the next manager would start the attempt a second time. The
 * wrapper's own record closes that window: a restarted manager adopts the task it finds here.
 */
final class WrapperPidFile {

  static final String NAME = "wrapper-pid";

  /** The argv[0] the wrapper runs under; with the work dir after it, it identifies the wrapper. */
  static final String WRAPPER_NAME = "aloft-task";

  private static final System.Logger LOG = System.getLogger(WrapperPidFile.class.getName());

  private WrapperPidFile() {}

  /**
   * The task the wrapper of {@code workDir} recorded, or empty when no wrapper ever ran there. A
   * recorded process that is gone, or whose pid now belongs to another process, comes back with
   * start time 0, which no live process matches: it is then judged by its exit-code file alone and
   * never signalled. Blocking.
   */
  static Optional<ProcessState> read(Path workDir) throws IOException {
    String text;
    try {
      text = Files.readString(workDir.resolve(NAME), StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(text);
    } catch (NumberFormatException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring an unreadable wrapper-pid in " + workDir);
      return Optional.empty();
    }
    long startTicks =
        isWrapperOf(pid, workDir)
            ? ProcStat.read(pid).filter(ProcStat::isAlive).map(ProcStat::startTicks).orElse(0L)
            : 0L;
    return Optional.of(new ProcessState(pid, startTicks, workDir));
  }

  /** Removes a record a crashed start left behind, so a fresh start cannot adopt it. Blocking. */
  static void delete(Path workDir) throws IOException {
    Files.deleteIfExists(workDir.resolve(NAME));
    Files.deleteIfExists(workDir.resolve(NAME + ".tmp"));
  }

  /** Whether {@code pid} is the wrapper started for {@code workDir} (its command line says so). */
  static boolean isWrapperOf(long pid, Path workDir) {
    List<String> argv;
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      argv = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return false;
    }
    int name = argv.indexOf(WRAPPER_NAME);
    return name >= 0 && name + 1 < argv.size() && argv.get(name + 1).equals(workDir.toString());
  }
}
