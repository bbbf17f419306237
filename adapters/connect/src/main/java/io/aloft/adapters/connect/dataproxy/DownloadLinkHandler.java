package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.mapping.Durations;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.download.ArtifactType;
import io.aloft.application.download.CreateDownloadLinkUseCase;
import io.aloft.application.download.DownloadLink;
import io.aloft.application.download.DownloadLinkRequest;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.core.v1.ActionAttemptIdentifier;
import io.aloft.proto.dataproxy.v1.CreateDownloadLinkRequest;
import io.aloft.proto.dataproxy.v1.CreateDownloadLinkResponse;
import io.aloft.proto.dataproxy.v1.PreSignedURLs;
import reactor.core.publisher.Mono;

/**
 * CreateDownloadLink. The use case checks the artifact type before the source, as the reference
 * does, so a request without a source reaches it with no action.
 */
public final class DownloadLinkHandler {

  private final CreateDownloadLinkUseCase useCase;

  public DownloadLinkHandler(CreateDownloadLinkUseCase useCase) {
    this.useCase = useCase;
  }

  public Mono<CreateDownloadLinkResponse> createDownloadLink(
      CreateDownloadLinkRequest request, CallContext context) {
    return Mono.defer(() -> useCase.create(toRequest(request))).map(DownloadLinkHandler::response);
  }

  static DownloadLinkRequest toRequest(CreateDownloadLinkRequest request) {
    ArtifactType type = type(request);
    ActionId action = null;
    int attempt = 0;
    if (type == ArtifactType.REPORT && request.hasActionAttemptId()) {
      ActionAttemptIdentifier id = request.getActionAttemptId();
      Fields.require(id.hasActionId(), "action_attempt_id.action_id");
      action = Ids.actionId(id.getActionId(), "action_attempt_id.action_id");
      attempt = Fields.uint32(id.getAttempt(), Integer.MAX_VALUE, "action_attempt_id.attempt");
    }
    return new DownloadLinkRequest(
        type,
        action,
        attempt,
        request.hasExpiresIn() ? Durations.fromProto(request.getExpiresIn(), "expires_in") : null);
  }

  private static ArtifactType type(CreateDownloadLinkRequest request) {
    return switch (request.getArtifactType()) {
      case ARTIFACT_TYPE_REPORT -> ArtifactType.REPORT;
      case ARTIFACT_TYPE_CODE_BUNDLE -> ArtifactType.CODE_BUNDLE;
      case ARTIFACT_TYPE_UNSPECIFIED, UNRECOGNIZED -> ArtifactType.UNSPECIFIED;
    };
  }

  static CreateDownloadLinkResponse response(DownloadLink link) {
    return CreateDownloadLinkResponse.newBuilder()
        .setPreSignedUrls(
            PreSignedURLs.newBuilder()
                .addAllSignedUrl(link.urls())
                .setExpiresAt(Timestamps.toProto(link.expiresAt())))
        .build();
  }
}
