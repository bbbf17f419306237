package io.aloft.adapters.local.process;

import static io.aloft.adapters.local.process.Tasks.BASE_ENV;
import static io.aloft.adapters.local.process.Tasks.alive;
import static io.aloft.adapters.local.process.Tasks.await;
import static io.aloft.adapters.local.process.Tasks.pidFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The wrapper, the exit code file, and stopping whole process trees. */
class ProcessRunnerTest {

  private final ProcessRunner runner = ProcessRunner.detect();
  @TempDir Path dir;
  private ProcessRunner.Started started;

  @AfterEach
  void killLeftovers() {
    if (started != null) {
      runner.terminate(started.pid(), started.startTicks(), Duration.ZERO).block(Tasks.TIMEOUT);
    }
  }

  private ProcessRunner.Started start(String script) throws Exception {
    started =
        runner.start(dir, List.of("/bin/sh", "-c", script), BASE_ENV, dir.resolve("task.log"));
    return started;
  }

  @Test
  void givenCommand_whenItExits_thenWrapperWritesItsExitCodeAndLog() throws Exception {
    ProcessRunner.Started p = start("echo out; echo err >&2; exit 7");

    assertThat(p.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(p.process().exitValue()).isEqualTo(7);
    assertThat(ProcessRunner.readExitCode(dir)).hasValue(7);
    assertThat(Files.readAllLines(dir.resolve("task.log"))).containsExactly("out", "err");
    assertThat(dir.resolve("exit-code.tmp")).doesNotExist();
  }

  @Test
  void givenStartedProcess_thenItLeadsItsOwnSessionAndGroup() throws Exception {
    ProcessRunner.Started p = start("sleep 30");
    // setsid runs just after the JVM's start returns.
    await("setsid", () -> ProcStat.read(p.pid()).orElseThrow().session() == p.pid());

    ProcStat stat = ProcStat.read(p.pid()).orElseThrow();
    ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();

    assertThat(stat.session()).isEqualTo(p.pid());
    assertThat(stat.pgrp()).isEqualTo(p.pid());
    assertThat(stat.session()).isNotEqualTo(self.session());
    assertThat(stat.startTicks()).isEqualTo(p.startTicks()).isPositive();
    assertThat(ProcessRunner.isAlive(p.pid(), p.startTicks())).isTrue();
    assertThat(ProcessRunner.isAlive(p.pid(), p.startTicks() + 1)).isFalse();
  }

  @Test
  void givenShellBuiltinAsCommand_whenRun_thenItIsNotRunInsideTheWrapper() throws Exception {
    started = runner.start(dir, List.of("exit", "3"), BASE_ENV, dir.resolve("task.log"));

    assertThat(started.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

    assertThat(ProcessRunner.readExitCode(dir)).hasValue(127);
  }

  @Test
  void givenProcessIgnoringSigterm_whenTerminated_thenSigkilledAfterTheGrace() throws Exception {
    ProcessRunner.Started p =
        start("trap '' TERM; sleep 300 & echo $! > child.pid; while :; do wait; done");
    long child = pidFrom(dir.resolve("child.pid"));
    long begin = System.nanoTime();

    StepVerifier.create(runner.terminate(p.pid(), p.startTicks(), Duration.ofMillis(400)))
        .expectComplete()
        .verify(Tasks.TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - begin))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(p.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(alive(child)).isFalse();
    assertThat(ProcStat.sessionMembers(p.pid())).isEmpty();
  }

  @Test
  void givenTreeThatStopsOnSigterm_whenTerminated_thenNoGraceIsWaitedOut() throws Exception {
    ProcessRunner.Started p = start("sleep 300 & sleep 300 & wait");
    await("children", () -> ProcessHandle.of(p.pid()).orElseThrow().descendants().count() >= 3);
    long begin = System.nanoTime();

    StepVerifier.create(runner.terminate(p.pid(), p.startTicks(), Duration.ofSeconds(20)))
        .expectComplete()
        .verify(Tasks.TIMEOUT);

    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    assertThat(ProcStat.sessionMembers(p.pid())).isEmpty();
  }

  @Test
  void givenOrphansAndOwnSessionChildren_whenTerminated_thenTheWholeTreeIsGone() throws Exception {
    // bg: a plain child; orphan: re-parented to init at once (double fork), still in the session;
    // own: in a session of its own, found as a descendant.
    ProcessRunner.Started p =
        start(
            "sleep 300 & echo $! > bg.pid;"
                + " ( sleep 300 & echo $! > orphan.pid );"
                + " setsid sleep 300 & echo $! > own.pid;"
                + " wait");
    List<Long> pids =
        List.of(
            pidFrom(dir.resolve("bg.pid")),
            pidFrom(dir.resolve("orphan.pid")),
            pidFrom(dir.resolve("own.pid")));
    await("the tree", () -> pids.stream().allMatch(Tasks::alive));
    List<ProcessHandle> descendants =
        ProcessHandle.of(p.pid()).orElseThrow().descendants().toList();

    StepVerifier.create(runner.terminate(p.pid(), p.startTicks(), Duration.ofMillis(300)))
        .expectComplete()
        .verify(Tasks.TIMEOUT);

    // Dead at once; the orphans' zombies are reaped by init, which may take it a moment.
    assertThat(pids).noneMatch(Tasks::alive);
    assertThat(p.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
    await("init to reap the orphans", () -> descendants.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void givenGoneProcess_whenTerminated_thenCompletesAndIsIdempotent() throws Exception {
    ProcessRunner.Started p = start("exit 0");
    assertThat(p.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

    for (int i = 0; i < 2; i++) {
      StepVerifier.create(runner.terminate(p.pid(), p.startTicks(), Duration.ofSeconds(10)))
          .expectComplete()
          .verify(Duration.ofSeconds(5));
    }
  }

  @Test
  void givenPidNowNamingAnotherProcess_whenTerminated_thenThatProcessIsLeftAlone()
      throws Exception {
    Process victim = new ProcessBuilder("sleep", "300").start();
    try {
      long ticks = ProcStat.read(victim.pid()).orElseThrow().startTicks();

      StepVerifier.create(runner.terminate(victim.pid(), ticks + 1, Duration.ZERO))
          .expectComplete()
          .verify(Tasks.TIMEOUT);

      assertThat(victim.isAlive()).isTrue();
      assertThat(ProcessRunner.isAlive(victim.pid(), ticks + 1)).isFalse();
    } finally {
      victim.destroyForcibly().waitFor();
    }
  }

  @Test
  void givenCommandNames_whenResolved_thenLikeExec() throws Exception {
    Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    Path plain = Files.writeString(dir.resolve("data.txt"), "x");
    script.toFile().setExecutable(true);

    assertThat(ProcessRunner.resolveCommand("sh", "/nope:/bin", dir)).contains(Path.of("/bin/sh"));
    assertThat(ProcessRunner.resolveCommand("no-such-command-x", "/bin:/usr/bin", dir)).isEmpty();
    assertThat(ProcessRunner.resolveCommand("./run.sh", "", dir)).isPresent();
    assertThat(ProcessRunner.resolveCommand("./data.txt", "", dir)).isEmpty();
    assertThat(ProcessRunner.resolveCommand(plain.toString(), "", dir)).isEmpty();
    assertThat(ProcessRunner.resolveCommand("/bin", "", dir)).isEmpty();
    assertThat(ProcessRunner.resolveCommand("run.sh", "", dir)).isPresent();
  }
}
