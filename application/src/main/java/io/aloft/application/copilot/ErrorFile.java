package io.aloft.application.copilot;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * The {@code _ERROR} file a task writes to report its own failure: when present the task failed,
 * whatever else it wrote, and its content is the user's error message.
 */
final class ErrorFile {

  static final String NAME = "_ERROR";
  static final String USER_ERROR_CODE = "UserError";

  /** Larger files are refused rather than read: an error message is text, not data. */
  static final long MAX_BYTES = 1024 * 1024;

  private ErrorFile() {}

  /** The error the task reported; empty when it wrote no error file. */
  static Mono<ExecutionError> read(Path directory) {
    Path file = directory.resolve(NAME);
    return LocalFiles.attributes(file)
        .flatMap(
            attributes -> {
              if (attributes.isDirectory()) {
                return Mono.just(
                    invalid(file + " is a directory; write the error message to a file"));
              }
              if (attributes.size() > MAX_BYTES) {
                return Mono.just(
                    invalid(
                        file
                            + " is "
                            + attributes.size()
                            + " bytes, larger than 1 MiB; write a shorter error message"));
              }
              return LocalFiles.requireInside(directory, file, "the error file")
                  .then(LocalFiles.read(file))
                  .map(ErrorFile::userError);
            });
  }

  private static ExecutionError userError(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return new ExecutionError(USER_ERROR_CODE, "User Error: " + text, ErrorKind.USER, null, null);
  }

  private static ExecutionError invalid(String message) {
    return OutputRejected.error("the task failed, but its error file " + message);
  }
}
