package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.errors.NotSupportedYet;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.ProtoBytes;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.data.UploadInputsRequest;
import io.aloft.application.data.UploadInputsRequest.HashedFor;
import io.aloft.application.data.UploadInputsUseCase;
import io.aloft.application.data.UploadedInputs;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.core.v1.OffloadedInputData;
import io.aloft.proto.dataproxy.v1.UploadInputsResponse;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * UploadInputs. The inputs are stored as their deterministic serialization, so the stored bytes do
 * not depend on the order the client filled maps in. Unlike the reference, the request's shape
 * (task, base_dir) is checked before the project exists, as every Aloft handler checks its request
 * first.
 */
public final class UploadInputsHandler {

  static final String TRIGGERS_NOT_SUPPORTED =
      "uploading inputs for a trigger is not supported yet; pass task_id or task_spec";

  private final UploadInputsUseCase useCase;

  public UploadInputsHandler(UploadInputsUseCase useCase) {
    this.useCase = useCase;
  }

  public Mono<UploadInputsResponse> uploadInputs(
      io.aloft.proto.dataproxy.v1.UploadInputsRequest request, CallContext context) {
    return Mono.defer(() -> useCase.upload(toApplication(request)))
        .map(UploadInputsHandler::response);
  }

  static UploadInputsRequest toApplication(
      io.aloft.proto.dataproxy.v1.UploadInputsRequest request) {
    return new UploadInputsRequest(
        scope(request),
        task(request),
        Bytes.of(ProtoBytes.deterministic(request.getInputs())),
        baseDir(request.getBaseDir()));
  }

  private static ProjectDomain scope(io.aloft.proto.dataproxy.v1.UploadInputsRequest request) {
    return switch (request.getIdCase()) {
      case RUN_ID -> Ids.runId(request.getRunId(), "run_id").scope();
      case PROJECT_ID -> Ids.scope(request.getProjectId(), "project_id");
      case ID_NOT_SET -> throw Fields.missing("run_id or project_id");
    };
  }

  private static HashedFor task(io.aloft.proto.dataproxy.v1.UploadInputsRequest request) {
    return switch (request.getTaskCase()) {
      case TASK_ID -> new HashedFor.Deployed(Ids.taskId(request.getTaskId(), "task_id"));
      case TASK_SPEC -> new HashedFor.Inline(Bytes.of(request.getTaskSpec().toByteArray()));
      case TRIGGER_NAME -> throw NotSupportedYet.error(TRIGGERS_NOT_SUPPORTED);
      case TASK_NOT_SET -> throw Fields.missing("task_id or task_spec");
    };
  }

  /** Taken verbatim as the reference takes it, but it must be a storage URI this server reads. */
  private static @Nullable String baseDir(String value) {
    String baseDir = Fields.optional(value, Fields.URI_MAX, "base_dir");
    if (baseDir != null) {
      Fields.at("base_dir", () -> StorageUri.parse(baseDir));
    }
    return baseDir;
  }

  static UploadInputsResponse response(UploadedInputs uploaded) {
    return UploadInputsResponse.newBuilder()
        .setOffloadedInputData(
            OffloadedInputData.newBuilder().setUri(uploaded.uri()).setInputsHash(uploaded.hash()))
        .build();
  }
}
