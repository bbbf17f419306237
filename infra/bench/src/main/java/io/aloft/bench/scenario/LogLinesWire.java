package io.aloft.bench.scenario;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.aloft.proto.dataproxy.v1.LogLine;
import io.aloft.proto.dataproxy.v1.LogLines;
import io.aloft.proto.dataproxy.v1.TailLogsResponse;
import java.io.IOException;

/**
 * Counts the lines of a TailLogsResponse and their text by walking its protobuf wire format,
 * without building a message object per line: the driver shares the machine's two cores with the
 * server it measures, and a full parse of a million lines a second would take one of them.
 */
final class LogLinesWire {

  /** A split-off timestamp in the flood's form, and the space after it. */
  static final int TIMESTAMP_TEXT = 31;

  private static final int LOGS = tag(TailLogsResponse.LOGS_FIELD_NUMBER);
  private static final int LINES = tag(LogLines.LINES_FIELD_NUMBER);
  private static final int MESSAGE = tag(LogLine.MESSAGE_FIELD_NUMBER);
  private static final int TIMESTAMP = tag(LogLine.TIMESTAMP_FIELD_NUMBER);

  /** Lines and bytes of line text (message, plus the timestamp's text when there is one). */
  record Count(long lines, long bytes) {}

  private LogLinesWire() {}

  static Count count(byte[] response) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(response);
    long lines = 0;
    long bytes = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      if (tag != LOGS) {
        in.skipField(tag);
        continue;
      }
      int logs = in.pushLimit(in.readRawVarint32());
      while (!in.isAtEnd()) {
        int inner = in.readTag();
        if (inner != LINES) {
          in.skipField(inner);
          continue;
        }
        int line = in.pushLimit(in.readRawVarint32());
        bytes += lineText(in);
        lines++;
        in.popLimit(line);
      }
      in.popLimit(logs);
    }
    return new Count(lines, bytes);
  }

  private static long lineText(CodedInputStream in) throws IOException {
    long bytes = 0;
    while (!in.isAtEnd()) {
      int field = in.readTag();
      if (field == MESSAGE) {
        int length = in.readRawVarint32();
        in.skipRawBytes(length);
        bytes += length;
      } else {
        if (field == TIMESTAMP) {
          bytes += TIMESTAMP_TEXT;
        }
        in.skipField(field);
      }
    }
    return bytes;
  }

  private static int tag(int field) {
    return field << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }
}
