package io.aloft.adapters.connect.dataproxy;

import com.google.protobuf.Timestamp;
import com.google.protobuf.UnsafeByteOperations;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.data.LineStampReader;
import io.aloft.application.data.LogBatch;
import io.aloft.application.data.LogTailing;
import io.aloft.application.port.logs.LogChunk;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.dataproxy.v1.LogLine;
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

  static TailLogsResponse response(List<LogBatch> batches) {
    TailLogsResponse.Builder response = TailLogsResponse.newBuilder();
    LineStampReader stamps = new LineStampReader();
    for (LogBatch batch : batches) {
      response.addLogs(lines(batch, stamps));
    }
    return response.build();
  }

  /**
   * The batch's lines, their messages sliced out of the chunk's bytes without a copy: the chunk is
   * immutable, and its lines are valid UTF-8 ending with their break, as the messages must.
   */
  private static LogLines lines(LogBatch batch, LineStampReader stamps) {
    LogChunk chunk = batch.chunk();
    byte[] text = chunk.sharedText();
    LogLines.Builder lines = LogLines.newBuilder().setContainerIndex(0);
    for (int i = batch.from(); i < batch.to(); i++) {
      int end = chunk.end(i);
      stamps.read(text, chunk.start(i), end);
      int start = stamps.messageStart();
      LogLine.Builder line =
          LogLine.newBuilder()
              .setMessageBytes(UnsafeByteOperations.unsafeWrap(text, start, end + 1 - start))
              .setOriginator(LogLineOriginator.LOG_LINE_ORIGINATOR_USER);
      if (stamps.stamped()) {
        line.setTimestamp(
            Timestamp.newBuilder().setSeconds(stamps.seconds()).setNanos(stamps.nanos()));
      }
      lines.addLines(line);
    }
    return lines.build();
  }
}
