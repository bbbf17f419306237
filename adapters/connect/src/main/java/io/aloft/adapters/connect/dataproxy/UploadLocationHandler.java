package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.mapping.Durations;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.application.upload.CreateUploadLocationUseCase;
import io.aloft.application.upload.UploadLocation;
import io.aloft.application.upload.UploadRequest;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.dataproxy.v1.CreateUploadLocationRequest;
import io.aloft.proto.dataproxy.v1.CreateUploadLocationResponse;
import reactor.core.publisher.Mono;

/** CreateUploadLocation. {@code org} is accepted and ignored, as in the reference. */
public final class UploadLocationHandler {

  private final CreateUploadLocationUseCase useCase;

  public UploadLocationHandler(CreateUploadLocationUseCase useCase) {
    this.useCase = useCase;
  }

  public Mono<CreateUploadLocationResponse> createUploadLocation(
      CreateUploadLocationRequest request, CallContext context) {
    return Mono.defer(() -> useCase.create(toRequest(request)))
        .map(UploadLocationHandler::response);
  }

  static UploadRequest toRequest(CreateUploadLocationRequest request) {
    return new UploadRequest(
        request.getProject(),
        request.getDomain(),
        request.getFilename(),
        request.getFilenameRoot(),
        Bytes.of(request.getContentMd5().toByteArray()),
        request.hasExpiresIn() ? Durations.fromProto(request.getExpiresIn(), "expires_in") : null,
        request.getContentLength(),
        request.getAddContentMd5Metadata());
  }

  static CreateUploadLocationResponse response(UploadLocation location) {
    return CreateUploadLocationResponse.newBuilder()
        .setSignedUrl(location.signedUrl())
        .setNativeUrl(location.nativeUrl())
        .setExpiresAt(Timestamps.toProto(location.expiresAt()))
        .putAllHeaders(location.headers())
        .build();
  }
}
