package io.aloft.adapters.connect.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.data.LogBatch;
import io.aloft.application.port.logs.LogChunk;
import io.aloft.proto.dataproxy.v1.LogLine;
import io.aloft.proto.dataproxy.v1.LogLineOriginator;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailLogsHandlerTest {

  @Test
  void givenBatchesOfAChunk_WhenEncoded_ThenEachLineCarriesItsMessageAndTimestamp()
      throws Exception {
    LogChunk chunk =
        LogChunk.ofLines(
            List.of("2026-01-02T03:04:05.5Z stamped", "plain ✓", "2026-01-02T05:04:05+02:00 x"));

    TailLogsResponse response =
        TailLogsHandler.response(List.of(new LogBatch(chunk, 0, 2), new LogBatch(chunk, 2, 3)));
    TailLogsResponse parsed = TailLogsResponse.parseFrom(response.toByteArray());

    assertThat(parsed.getLogsList()).hasSize(2);
    List<LogLine> first = parsed.getLogs(0).getLinesList();
    assertThat(first).extracting(LogLine::getMessage).containsExactly("stamped\n", "plain ✓\n");
    assertThat(first.get(0).getTimestamp().getSeconds()).isEqualTo(1767323045L);
    assertThat(first.get(0).getTimestamp().getNanos()).isEqualTo(500_000_000);
    assertThat(first.get(1).hasTimestamp()).isFalse();
    assertThat(first.get(1).getOriginator()).isEqualTo(LogLineOriginator.LOG_LINE_ORIGINATOR_USER);
    LogLine offset = parsed.getLogs(1).getLines(0);
    assertThat(offset.getMessage()).isEqualTo("x\n");
    assertThat(offset.getTimestamp().getSeconds()).isEqualTo(1767323045L);
  }
}
