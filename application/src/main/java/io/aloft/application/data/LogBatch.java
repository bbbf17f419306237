package io.aloft.application.data;

import io.aloft.application.port.logs.LogChunk;
import java.util.ArrayList;
import java.util.List;

/** Lines {@code [from, to)} of a chunk: one TailLogs batch, read in place by whoever encodes it. */
public record LogBatch(LogChunk chunk, int from, int to) {

  public LogBatch {
    if (from < 0 || to < from || to > chunk.lineCount()) {
      throw new IllegalArgumentException(
          "lines [" + from + ", " + to + ") of a chunk of " + chunk.lineCount());
    }
  }

  public int size() {
    return to - from;
  }

  /** The batch's lines as values, timestamps split off. */
  public List<LogLine> lines() {
    List<LogLine> lines = new ArrayList<>(size());
    for (int i = from; i < to; i++) {
      lines.add(LogLine.parse(chunk.line(i)));
    }
    return lines;
  }
}
