package io.aloft.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.support.Bytes;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CreateUploadLocationUseCaseTest {

  private static final Bytes MD5 =
      Bytes.of(HexFormat.of().parseHex("5d41402abc4b2a76b9719d911017c592"));
  private static final String MD5_BASE64 = "XUFAKrxLKna5cZ2REBfFkg==";
  private static final Duration MAX = Duration.ofHours(1);
  private static final long MAX_SIZE = 100L * 1024 * 1024;

  private final UploadFakes.Objects objects = new UploadFakes.Objects();
  private final CreateUploadLocationUseCase useCase =
      new CreateUploadLocationUseCase(
          UploadFakes.projects("flytesnacks"),
          objects,
          new UploadFakes.Signer(),
          new UploadLimits(MAX_SIZE, MAX, StorageUri.parse("s3://bucket/uploads")));

  private static UploadRequest request(String filename, String root, Bytes md5) {
    return new UploadRequest("flytesnacks", "development", filename, root, md5, null, 0, false);
  }

  @Test
  void givenMd5Only_whenCreate_thenBase32DirectoryAndMaximumLifetime() {
    StepVerifier.create(useCase.create(request("f.tgz", "", MD5)))
        .assertNext(
            location -> {
              assertThat(location.nativeUrl())
                  .isEqualTo(
                      "s3://bucket/uploads/flytesnacks/development/LVAUAKV4JMVHNOLRTWIRAF6FSI======/f.tgz");
              assertThat(location.signedUrl()).endsWith("?ttl=3600");
              assertThat(location.expiresAt()).isEqualTo(UploadFakes.NOW.plus(MAX));
              assertThat(location.headers()).containsEntry("Content-MD5", MD5_BASE64);
            })
        .verifyComplete();
  }

  @Test
  void givenRootAndExpiry_whenCreate_thenRootDirectoryAndRequestedLifetime() {
    UploadRequest request =
        new UploadRequest(
            "flytesnacks",
            "development",
            "f.tgz",
            "fast/abc",
            Bytes.EMPTY,
            Duration.ofMinutes(5),
            10,
            false);
    StepVerifier.create(useCase.create(request))
        .assertNext(
            location -> {
              assertThat(location.nativeUrl())
                  .isEqualTo("s3://bucket/uploads/flytesnacks/development/fast/abc/f.tgz");
              assertThat(location.signedUrl()).endsWith("?ttl=300");
              assertThat(location.headers()).isEmpty();
            })
        .verifyComplete();
  }

  @Test
  void givenNeitherRootNorMd5_whenCreate_thenInvalidArgument() {
    expectError(
        request("f", "", Bytes.EMPTY),
        InvalidArgument.class,
        "either filename_root or content_md5 must be provided");
  }

  @Test
  void givenNeitherRootNorMd5AndUnknownProject_whenCreate_thenInvalidArgumentFirst() {
    UploadRequest request =
        new UploadRequest("nope", "development", "f", "", Bytes.EMPTY, null, 0, false);
    expectError(request, InvalidArgument.class, "either filename_root or content_md5");
  }

  @Test
  void givenExpiryOverMaximum_whenCreate_thenInvalidArgument() {
    expectError(
        withExpiry(MAX.plusSeconds(1)), InvalidArgument.class, "exceeds maximum allowed duration");
    expectError(
        withExpiry(Duration.ofSeconds(Long.MAX_VALUE)),
        InvalidArgument.class,
        "exceeds maximum allowed duration");
  }

  @Test
  void givenNegativeExpiry_whenCreate_thenInvalidArgument() {
    expectError(
        withExpiry(Duration.ofSeconds(-1)), InvalidArgument.class, "expires_in PT-1S is negative");
  }

  @Test
  void givenContentLengthOverMaximum_whenCreate_thenInvalidArgument() {
    UploadRequest request =
        new UploadRequest("flytesnacks", "development", "f", "", MD5, null, MAX_SIZE + 1, false);
    expectError(request, InvalidArgument.class, "exceeds maximum allowed size");
  }

  @Test
  void givenNegativeContentLength_whenCreate_thenInvalidArgument() {
    UploadRequest request =
        new UploadRequest("flytesnacks", "development", "f", "", MD5, null, -1, false);
    expectError(request, InvalidArgument.class, "content_length -1 is negative");
  }

  @Test
  void givenMd5OfWrongLength_whenCreate_thenInvalidArgument() {
    expectError(
        request("f", "", Bytes.of(new byte[32])),
        InvalidArgument.class,
        "content_md5 has 32 bytes");
  }

  @Test
  void givenTraversalInFilename_whenCreate_thenInvalidArgument() {
    expectError(
        request("../../etc/passwd", "", MD5), InvalidArgument.class, "filename '../../etc/passwd'");
    expectError(
        request("f", "/abs", MD5),
        InvalidArgument.class,
        "filename_root '/abs' is an absolute path");
  }

  @Test
  void givenUnknownProject_whenCreate_thenNotFound() {
    UploadRequest request = new UploadRequest("nope", "development", "f", "", MD5, null, 0, false);
    expectError(request, NotFound.class, "project 'nope' does not exist");
  }

  @Test
  void givenInvalidDomain_whenCreate_thenInvalidArgument() {
    UploadRequest request =
        new UploadRequest("flytesnacks", "Dev/../x", "f", "", MD5, null, 0, false);
    StepVerifier.create(useCase.create(request)).expectError(InvalidArgument.class).verify();
  }

  @Test
  void givenExistingObjectAndNoMd5_whenCreate_thenAlreadyExists() {
    objects.add(StorageUri.parse("s3://bucket/uploads/flytesnacks/development/root/f"), MD5_BASE64);
    expectError(
        request("f", "root", Bytes.EMPTY),
        AlreadyExists.class,
        "content_md5 is required to verify safe overwrite");
  }

  @Test
  void givenExistingObjectWithOtherMd5_whenCreate_thenAlreadyExistsHashMismatch() {
    objects.add(StorageUri.parse("s3://bucket/uploads/flytesnacks/development/root/f"), "other==");
    expectError(request("f", "root", MD5), AlreadyExists.class, "hash mismatch");
  }

  @Test
  void givenExistingObjectWithoutStoredMd5_whenCreate_thenAlreadyExistsHashMismatch() {
    objects.add(StorageUri.parse("s3://bucket/uploads/flytesnacks/development/root/f"), null);
    expectError(request("f", "root", MD5), AlreadyExists.class, "hash mismatch");
  }

  @Test
  void givenExistingObjectWithSameMd5_whenCreate_thenSigned() {
    objects.add(StorageUri.parse("s3://bucket/uploads/flytesnacks/development/root/f"), MD5_BASE64);
    StepVerifier.create(useCase.create(request("f", "root", MD5)))
        .assertNext(
            location -> assertThat(location.headers()).containsEntry("Content-MD5", MD5_BASE64))
        .verifyComplete();
  }

  @Test
  void givenMd5MetadataRequested_whenCreate_thenMetadataHeaderSigned() {
    UploadRequest request =
        new UploadRequest("flytesnacks", "development", "f", "", MD5, null, 0, true);
    StepVerifier.create(useCase.create(request))
        .assertNext(
            location ->
                assertThat(location.headers())
                    .containsEntry("x-amz-meta-flytecontentmd5", MD5_BASE64))
        .verifyComplete();
  }

  private static UploadRequest withExpiry(Duration expiresIn) {
    return new UploadRequest("flytesnacks", "development", "f", "", MD5, expiresIn, 0, false);
  }

  private void expectError(
      UploadRequest request, Class<? extends DomainError> type, String messagePart) {
    StepVerifier.create(useCase.create(request))
        .expectErrorSatisfies(
            e -> assertThat(e).isInstanceOf(type).hasMessageContaining(messagePart))
        .verify();
  }
}
