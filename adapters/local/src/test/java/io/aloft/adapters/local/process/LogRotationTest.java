package io.aloft.adapters.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogRotationTest {

  private static final long BUDGET = 64 * 1024;

  @TempDir Path dir;

  private Path log() {
    return dir.resolve("task.log");
  }

  private void writeLines(int from, int to) throws Exception {
    StringBuilder text = new StringBuilder();
    IntStream.range(from, to).forEach(i -> text.append("line ").append(i).append('\n'));
    Files.writeString(
        log(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void givenLogUnderHalfTheBudget_whenChecked_thenNothingHappens() throws Exception {
    writeLines(0, 10);

    assertThat(LogRotation.rotateIfNeeded(log(), BUDGET)).isEqualTo(-1);

    assertThat(LogRotation.rotated(log())).doesNotExist();
    assertThat(Files.readAllLines(log())).hasSize(10);
  }

  @Test
  void givenNoLog_whenChecked_thenNothingHappens() throws Exception {
    assertThat(LogRotation.rotateIfNeeded(log(), BUDGET)).isEqualTo(-1);
  }

  @Test
  void givenLogOverHalfTheBudget_whenChecked_thenLatestHalfIsKeptFromALineStart() throws Exception {
    writeLines(0, 10_000);
    long before = Files.size(log());

    assertThat(LogRotation.rotateIfNeeded(log(), BUDGET)).isEqualTo(before);

    List<String> rotated = Files.readAllLines(LogRotation.rotated(log()));
    assertThat(Files.size(LogRotation.rotated(log()))).isLessThanOrEqualTo(BUDGET / 2);
    assertThat(rotated.getLast()).isEqualTo("line 9999");
    assertThat(rotated.getFirst()).matches("line \\d+");
    assertThat(Files.readAllLines(log()))
        .singleElement()
        .asString()
        .startsWith("[aloft] task.log reached " + before + " bytes");
    assertThat(dir.resolve("task.log.1.tmp")).doesNotExist();
  }

  @Test
  void givenAppendingWriter_whenRotatedUnderIt_thenItGoesOnAtTheNewEndWithoutAHole()
      throws Exception {
    Process writer =
        new ProcessBuilder(
                "/bin/sh", "-c", "i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done")
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
    long maxTotal = 0;
    while (writer.isAlive()) {
      LogRotation.rotateIfNeeded(log(), BUDGET);
      maxTotal = Math.max(maxTotal, Tasks.size(log()) + Tasks.size(LogRotation.rotated(log())));
    }
    LogRotation.rotateIfNeeded(log(), BUDGET);

    for (Path file : List.of(log(), LogRotation.rotated(log()))) {
      for (byte b : Files.readAllBytes(file)) {
        assertThat(b).as("no hole of NUL bytes in %s", file).isNotZero();
      }
    }
    // The newest output is kept: in task.log, or in task.log.1 if the last check moved it there.
    assertThat(LogTail.readLastLines(log(), 2, 64 * 1024).lines()).contains("line 19999");
    assertThat(maxTotal).isLessThan(2 * BUDGET);
    // Each file keeps half the budget, and a rotation may take up to a quarter of a half more while
    // it catches up with a writer that is still running (LogRotation's catch-up rounds).
    assertThat(Files.size(log()) + Files.size(LogRotation.rotated(log())))
        .isLessThanOrEqualTo(BUDGET + BUDGET / 8);
  }
}
