package io.aloft.adapters.connect.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.adapters.connect.TestData;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.application.download.ArtifactType;
import io.aloft.application.download.DownloadLink;
import io.aloft.application.download.DownloadLinkRequest;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.proto.core.v1.ActionAttemptIdentifier;
import io.aloft.proto.dataproxy.v1.CreateDownloadLinkRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownloadLinkHandlerTest {

  private static final ActionAttemptIdentifier ATTEMPT =
      ActionAttemptIdentifier.newBuilder()
          .setActionId(TestData.actionId("r1", "a0"))
          .setAttempt(2)
          .build();

  @Test
  void givenAReportRequest_WhenMapped_ThenTheAttemptAndLifetime() {
    CreateDownloadLinkRequest request =
        CreateDownloadLinkRequest.newBuilder()
            .setArtifactType(io.aloft.proto.dataproxy.v1.ArtifactType.ARTIFACT_TYPE_REPORT)
            .setActionAttemptId(ATTEMPT)
            .setExpiresIn(com.google.protobuf.Duration.newBuilder().setSeconds(60))
            .build();

    assertThat(DownloadLinkHandler.toRequest(request))
        .isEqualTo(
            new DownloadLinkRequest(ArtifactType.REPORT, TestData.ROOT, 2, Duration.ofSeconds(60)));
  }

  @Test
  void givenNoSourceOrAnotherType_WhenMapped_ThenTheUseCaseGetsNoAction() {
    CreateDownloadLinkRequest noSource =
        CreateDownloadLinkRequest.newBuilder()
            .setArtifactType(io.aloft.proto.dataproxy.v1.ArtifactType.ARTIFACT_TYPE_REPORT)
            .build();
    CreateDownloadLinkRequest bundle =
        CreateDownloadLinkRequest.newBuilder()
            .setArtifactType(io.aloft.proto.dataproxy.v1.ArtifactType.ARTIFACT_TYPE_CODE_BUNDLE)
            .setActionAttemptId(ATTEMPT)
            .build();

    assertThat(DownloadLinkHandler.toRequest(noSource).action()).isNull();
    assertThat(DownloadLinkHandler.toRequest(bundle).type()).isEqualTo(ArtifactType.CODE_BUNDLE);
    assertThat(DownloadLinkHandler.toRequest(CreateDownloadLinkRequest.getDefaultInstance()).type())
        .isEqualTo(ArtifactType.UNSPECIFIED);
  }

  @Test
  void givenAnAttemptWithoutAction_WhenMapped_ThenInvalidArgumentNamingTheField() {
    CreateDownloadLinkRequest request =
        CreateDownloadLinkRequest.newBuilder()
            .setArtifactType(io.aloft.proto.dataproxy.v1.ArtifactType.ARTIFACT_TYPE_REPORT)
            .setActionAttemptId(ActionAttemptIdentifier.newBuilder().setAttempt(1))
            .build();

    assertThatThrownBy(() -> DownloadLinkHandler.toRequest(request))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("action_attempt_id.action_id");
  }

  @Test
  void givenALink_WhenAnswered_ThenTheUrlsAndExpiry() {
    DownloadLink link = new DownloadLink(List.of("https://signed/x"), TestData.T0);

    var response = DownloadLinkHandler.response(link);

    assertThat(response.getPreSignedUrls().getSignedUrlList()).containsExactly("https://signed/x");
    assertThat(response.getPreSignedUrls().getExpiresAt())
        .isEqualTo(Timestamps.toProto(TestData.T0));
  }
}
