package io.aloft.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.aloft.proto.dataproxy.v1.LogLine;
import io.aloft.proto.dataproxy.v1.LogLineOriginator;
import io.aloft.proto.dataproxy.v1.LogLines;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import org.junit.jupiter.api.Test;

class LogLinesWireTest {

  @Test
  void theWireWalkCountsWhatAFullParseCounts() throws Exception {
    TailLogsResponse response =
        TailLogsResponse.newBuilder()
            .addLogs(
                LogLines.newBuilder()
                    .setContainerIndex(3)
                    .addLines(line("stamped ✓\n", true))
                    .addLines(line("plain\n", false)))
            .addLogs(LogLines.newBuilder().addLines(line("\n", true)))
            .build();

    LogLinesWire.Count count = LogLinesWire.count(response.toByteArray());

    assertThat(count.lines()).isEqualTo(3);
    assertThat(count.bytes()).isEqualTo("stamped ✓\n".getBytes("UTF-8").length + 6 + 1 + 2 * 31);
  }

  private static LogLine line(String message, boolean stamped) {
    LogLine.Builder line =
        LogLine.newBuilder()
            .setMessage(message)
            .setOriginator(LogLineOriginator.LOG_LINE_ORIGINATOR_USER);
    if (stamped) {
      line.setTimestamp(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5));
    }
    return line.build();
  }
}
