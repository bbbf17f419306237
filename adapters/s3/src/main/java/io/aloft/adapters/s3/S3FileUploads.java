package io.aloft.adapters.s3;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.TransferListener;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.FileRequestBodyConfiguration;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;

/**
 * Streams a file to S3: one PUT with Content-MD5 below {@link #MULTIPART_THRESHOLD}, otherwise a
 * multipart upload whose parts (each with its own Content-MD5) go {@link #PARALLEL_PARTS} at a
 * time, aborted when it fails. Written by hand rather than with the SDK's multipart client, whose
 * part requests would not carry per-part MD5s; S3 checks every byte either way.
 */
final class S3FileUploads {

  static final long MULTIPART_THRESHOLD = 32L * 1024 * 1024;
  static final long PART_BYTES = 16L * 1024 * 1024;
  static final int PARALLEL_PARTS = 4;

  /**
   * How much of the file one read hands the HTTP client. The SDK's default, 16 KiB, costs a thread
   * hand-off per 16 KiB, which held a transfer to tens of MB/s.
   */
  static final int READ_CHUNK_BYTES = 1024 * 1024;

  private final S3AsyncClient client;
  private final S3Calls calls;

  S3FileUploads(S3AsyncClient client, S3Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  Mono<Void> upload(
      StorageUri uri,
      Path file,
      FileSums sums,
      String contentType,
      Map<String, String> metadata,
      TransferListener listener) {
    return sums.size() < MULTIPART_THRESHOLD
        ? single(uri, file, sums, contentType, metadata, listener)
        : multipart(uri, file, sums, contentType, metadata, listener);
  }

  private Mono<Void> single(
      StorageUri uri,
      Path file,
      FileSums sums,
      String contentType,
      Map<String, String> metadata,
      TransferListener listener) {
    var limit = calls.limitFor(sums.size());
    return calls
        .transfer(
            "put",
            uri,
            () -> {
              CountingBody body =
                  new CountingBody(
                      AsyncRequestBody.fromFile(
                          FileRequestBodyConfiguration.builder()
                              .path(file)
                              .chunkSizeInBytes(READ_CHUNK_BYTES)
                              .build()),
                      listener);
              return new S3Calls.Timed<>(
                  retractOnFailure(
                      client.putObject(
                          b ->
                              b.bucket(uri.bucket())
                                  .key(uri.key())
                                  .contentType(contentType)
                                  .contentLength(sums.size())
                                  .contentMD5(sums.md5())
                                  .metadata(metadata)
                                  .overrideConfiguration(o -> o.apiCallAttemptTimeout(limit)),
                          body),
                      body),
                  Mono.delay(limit));
            },
            e -> false)
        .then();
  }

  /**
   * A failed attempt's bytes are taken back from the progress, since a retry sends them again.
   * Returns {@code attempt} itself, so that cancelling it (a timeout) still cancels the request.
   */
  private static <T> CompletableFuture<T> retractOnFailure(
      CompletableFuture<T> attempt, CountingBody body) {
    attempt.whenComplete(
        (response, error) -> {
          if (error != null) {
            body.retract();
          }
        });
    return attempt;
  }

  private Mono<Void> multipart(
      StorageUri uri,
      Path file,
      FileSums sums,
      String contentType,
      Map<String, String> metadata,
      TransferListener listener) {
    return calls
        .call(
            "put",
            uri,
            () ->
                client.createMultipartUpload(
                    b ->
                        b.bucket(uri.bucket())
                            .key(uri.key())
                            .contentType(contentType)
                            .metadata(metadata)))
        .map(CreateMultipartUploadResponse::uploadId)
        .flatMap(
            uploadId ->
                Flux.range(0, sums.parts())
                    .flatMap(
                        part -> part(uri, file, sums, uploadId, part, listener), PARALLEL_PARTS)
                    .collectSortedList(Comparator.comparing(CompletedPart::partNumber))
                    .flatMap(parts -> complete(uri, uploadId, parts, sums.size()))
                    .onErrorResume(e -> abort(uri, uploadId).then(Mono.error(e)))
                    .doOnCancel(() -> abort(uri, uploadId).subscribe()));
  }

  private Mono<CompletedPart> part(
      StorageUri uri,
      Path file,
      FileSums sums,
      String uploadId,
      int part,
      TransferListener listener) {
    long length = sums.length(part);
    var limit = calls.limitFor(length);
    return calls.transfer(
        "put (part " + (part + 1) + " of " + sums.parts() + ")",
        uri,
        () -> {
          CountingBody body =
              new CountingBody(
                  AsyncRequestBody.fromFile(
                      FileRequestBodyConfiguration.builder()
                          .path(file)
                          .position(sums.offset(part))
                          .numBytesToRead(length)
                          .chunkSizeInBytes(READ_CHUNK_BYTES)
                          .build()),
                  listener);
          return new S3Calls.Timed<>(
              retractOnFailure(
                      client.uploadPart(
                          b ->
                              b.bucket(uri.bucket())
                                  .key(uri.key())
                                  .uploadId(uploadId)
                                  .partNumber(part + 1)
                                  .contentLength(length)
                                  .contentMD5(sums.partMd5s().get(part))
                                  .overrideConfiguration(o -> o.apiCallAttemptTimeout(limit)),
                          body),
                      body)
                  .thenApply(
                      response ->
                          CompletedPart.builder()
                              .partNumber(part + 1)
                              .eTag(response.eTag())
                              .build()),
              Mono.delay(limit));
        },
        e -> false);
  }

  /** The server assembles the parts, which can take a while for a large object. */
  private Mono<Void> complete(
      StorageUri uri, String uploadId, List<CompletedPart> parts, long size) {
    var limit = calls.limitFor(size / 8);
    return calls
        .transfer(
            "put (completing the multipart upload)",
            uri,
            () ->
                new S3Calls.Timed<>(
                    client.completeMultipartUpload(
                        b ->
                            b.bucket(uri.bucket())
                                .key(uri.key())
                                .uploadId(uploadId)
                                .multipartUpload(m -> m.parts(parts))
                                .overrideConfiguration(o -> o.apiCallAttemptTimeout(limit))),
                    Mono.delay(limit)),
            e -> false)
        .then();
  }

  /** Best effort: S3's lifecycle rules clean up what an abort misses. */
  private Mono<Void> abort(StorageUri uri, String uploadId) {
    return calls
        .call(
            "abort-multipart",
            uri,
            () ->
                client.abortMultipartUpload(
                    b -> b.bucket(uri.bucket()).key(uri.key()).uploadId(uploadId)))
        .onErrorResume(e -> Mono.empty())
        .then();
  }
}
