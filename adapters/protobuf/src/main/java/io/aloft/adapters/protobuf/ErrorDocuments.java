package io.aloft.adapters.protobuf;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.proto.core.v1.ContainerError;
import io.aloft.proto.core.v1.ErrorDocument;

/**
 * errors.pb documents. The copilot writes them when it cannot move a task's data; such failures are
 * transient more often than not, so they are marked recoverable and the attempt may be retried. The
 * domain's kind (whose fault it is) is the container error's origin.
 */
final class ErrorDocuments {

  private static final String KIND_PREFIX = "ERROR_KIND_";

  private ErrorDocuments() {}

  static ErrorDocument toProto(ExecutionError error) {
    var container =
        ContainerError.newBuilder()
            .setCode(error.code())
            .setMessage(error.message())
            .setKind(ContainerError.Kind.KIND_RECOVERABLE)
            .setOrigin(io.aloft.proto.core.v1.ErrorKind.valueOf(KIND_PREFIX + error.kind().name()));
    if (error.timestamp() != null) {
      container.setTimestamp(ProtoTime.timestamp(error.timestamp()));
    }
    return ErrorDocument.newBuilder().setError(container).build();
  }

  static ExecutionError fromProto(ErrorDocument document) {
    if (!document.hasError()) {
      throw new InvalidArgument("the error document holds no error; set its 'error' field");
    }
    ContainerError error = document.getError();
    return new ExecutionError(
        error.getCode(),
        error.getMessage(),
        origin(error.getOrigin()),
        null,
        error.hasTimestamp() ? ProtoTime.instant(error.getTimestamp()) : null);
  }

  /** An origin this version does not know is treated as unknown rather than refused. */
  private static ErrorKind origin(io.aloft.proto.core.v1.ErrorKind origin) {
    return origin == io.aloft.proto.core.v1.ErrorKind.UNRECOGNIZED
        ? ErrorKind.UNSPECIFIED
        : ErrorKind.valueOf(origin.name().substring(KIND_PREFIX.length()));
  }
}
