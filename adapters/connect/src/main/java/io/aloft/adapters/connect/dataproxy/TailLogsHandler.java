package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.data.LogLine;
import io.aloft.application.data.LogTailing;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.dataproxy.v1.LogLineOriginator;
import io.aloft.proto.dataproxy.v1.LogLines;
import io.aloft.proto.dataproxy.v1.TailLogsRequest;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * TailLogs: messages of one or more batches of lines, all from the attempt's single (primary)
 * container. {@code pod_name} is accepted and ignored, as in the reference.
 */
public final class TailLogsHandler {

  /** Attempts are counted in ints everywhere else; larger numbers cannot name an attempt. */
  static final int MAX_ATTEMPT = Integer.MAX_VALUE;

  private final LogTailing tailing;

  public TailLogsHandler(LogTailing tailing) {
    this.tailing = tailing;
  }

  public Flux<TailLogsResponse> tailLogs(TailLogsRequest request, CallContext context) {
    return Flux.defer(
            () -> {
              Fields.require(request.hasActionId(), "action_id");
              ActionId action = Ids.actionId(request.getActionId(), "action_id");
              int attempt = Fields.uint32(request.getAttempt(), MAX_ATTEMPT, "attempt");
              Fields.maxLength(request.getPodName(), Fields.SHORT_TEXT_MAX, "pod_name");
              return tailing.tail(action, attempt);
            })
        .map(TailLogsHandler::response);
  }

  static TailLogsResponse response(List<List<LogLine>> batches) {
    TailLogsResponse.Builder response = TailLogsResponse.newBuilder();
    for (List<LogLine> batch : batches) {
      response.addLogs(lines(batch));
    }
    return response.build();
  }

  private static LogLines lines(List<LogLine> batch) {
    LogLines.Builder lines = LogLines.newBuilder().setContainerIndex(0);
    for (LogLine line : batch) {
      var proto =
          io.aloft.proto.dataproxy.v1.LogLine.newBuilder()
              .setMessage(line.message())
              .setOriginator(LogLineOriginator.LOG_LINE_ORIGINATOR_USER);
      if (line.timestamp() != null) {
        proto.setTimestamp(Timestamps.toProto(line.timestamp()));
      }
      lines.addLines(proto);
    }
    return lines.build();
  }
}
