package io.aloft.adapters.connect.mapping;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import java.time.Instant;

/** Execution errors between proto and domain. Enum constants match by name after the prefix. */
public final class ExecutionErrors {

  private static final String KIND_PREFIX = "ERROR_KIND_";

  private ExecutionErrors() {}

  public static io.aloft.proto.core.v1.ExecutionError toProto(ExecutionError error) {
    var proto =
        io.aloft.proto.core.v1.ExecutionError.newBuilder()
            .setCode(error.code())
            .setMessage(error.message())
            .setKind(io.aloft.proto.core.v1.ErrorKind.valueOf(KIND_PREFIX + error.kind().name()));
    if (error.errorUri() != null) {
      proto.setErrorUri(error.errorUri());
    }
    if (error.timestamp() != null) {
      proto.setTimestamp(Timestamps.toProto(error.timestamp()));
    }
    return proto.build();
  }

  /** An error an executor reported. The message is free text (stack traces) and not limited. */
  public static ExecutionError fromProto(io.aloft.proto.core.v1.ExecutionError error, String path) {
    String code = Fields.maxLength(error.getCode(), Fields.SHORT_TEXT_MAX, path + ".code");
    String uri = Fields.optional(error.getErrorUri(), Fields.URI_MAX, path + ".error_uri");
    Fields.maxLength(error.getWorker(), Fields.SHORT_TEXT_MAX, path + ".worker");
    Instant at =
        Timestamps.fromProtoIfSet(error.hasTimestamp(), error.getTimestamp(), path + ".timestamp");
    return new ExecutionError(code, error.getMessage(), kind(error, path + ".kind"), uri, at);
  }

  private static ErrorKind kind(io.aloft.proto.core.v1.ExecutionError error, String path) {
    var kind = Fields.known(error.getKind(), error.getKindValue(), path);
    return ErrorKind.valueOf(kind.name().substring(KIND_PREFIX.length()));
  }
}
