package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.domain.literal.Binary;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.SimpleType;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/** Reads an output of a simple type from the small text file the task wrote for it. */
final class SimpleOutputs {

  /** Values this size or smaller travel inline in outputs.pb; larger ones belong in blobs. */
  static final int MAX_BYTES = 1024;

  private final SimpleValues values;

  SimpleOutputs(LiteralCodec codec) {
    this.values = new SimpleValues(codec);
  }

  Mono<Literal> read(OutputFile file, SimpleType type) {
    if (file.isDirectory()) {
      return Mono.error(
          OutputRejected.because(
              "output "
                  + file.output()
                  + " of type "
                  + type
                  + " must be a file, but "
                  + file.path()
                  + " is a directory"));
    }
    if (file.size() > MAX_BYTES) {
      return Mono.error(
          OutputRejected.because(
              "output "
                  + file.output()
                  + " is larger than 1 KiB; write it as a file (blob) output instead"));
    }
    return LocalFiles.read(file.path()).map(content -> parse(file.output(), type, content));
  }

  private Literal parse(String output, SimpleType type, byte[] content) {
    if (type == SimpleType.BINARY) {
      // Trimming would corrupt binary payloads, so bytes are taken as written.
      return new Binary(content, "");
    }
    String text = trim(new String(content, StandardCharsets.UTF_8));
    try {
      return values.parse(type, text);
    } catch (IllegalArgumentException e) {
      throw OutputRejected.because(
          "output "
              + output
              + " of type "
              + type
              + " cannot be read from '"
              + text
              + "': "
              + e.getMessage());
    }
  }

  /** Spaces, tabs and line ends around the value are editors' and echo's, not the task's. */
  private static String trim(String text) {
    return text.replaceAll("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$", "");
  }
}
