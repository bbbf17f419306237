package io.aloft.manager.copilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void givenHalfTheBytesInTwoSeconds_whenLogLine_thenFilesBytesAndRate() {
    ProgressReport report = report(false);
    report.planned(4, 8_000_000);
    report.transferred(4_000_000);
    report.fileDone();
    nanos.set(2_000_000_000L);

    assertThat(report.line()).isEqualTo("1/4 files, 4.0/8.0 MB, 2.0 MB/s");
  }

  @Test
  void givenATerminal_whenLine_thenABarInFront() {
    ProgressReport report = report(true);
    report.planned(1, 1_000_000);
    report.transferred(500_000);
    nanos.set(1_000_000_000L);

    assertThat(report.line()).startsWith("[###############...............] 0/1 files");
  }

  @Test
  void givenAnUnknownSize_whenMoreBytesThanPlanned_thenTheTotalFollowsTheBytes() {
    ProgressReport report = report(false);
    report.planned(1, 0);
    report.transferred(3_000_000);
    nanos.set(1_000_000_000L);

    assertThat(report.line()).contains("3.0/3.0 MB");
  }

  @Test
  void givenPlannedFiles_whenClosed_thenTheFinalStateIsLogged() {
    ProgressReport report = report(false);
    report.planned(1, 10);
    report.transferred(10);
    report.fileDone();

    report.close();

    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("aloft copilot: 1/1 files");
  }

  private ProgressReport report(boolean terminal) {
    return new ProgressReport(
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, nanos::get);
  }
}
