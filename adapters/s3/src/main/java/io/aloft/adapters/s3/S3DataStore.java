package io.aloft.adapters.s3;

import io.aloft.application.port.storage.ContentMd5;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.TransferListener;
import io.aloft.application.port.storage.UploadSources;
import io.aloft.application.port.storage.VerifiedDownloads;
import io.aloft.domain.error.InvalidArgument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link DataStore} for {@code s3://} uris on S3 or an S3-compatible server, over the async AWS
 * SDK with the Netty client. Every call has a per-attempt timeout, retries and a circuit breaker
 * (see {@link S3Calls}); a missing object is an empty result.
 *
 * <p>S3 limits: {@link #head} cannot tell a missing bucket from a missing object (HEAD answers
 * carry no error code), so it completes empty for both; {@link #delete} answers true even when
 * there was nothing to delete; {@link #put} dates its result with the client's clock.
 */
public final class S3DataStore implements DataStore, AutoCloseable {

  public static final String SCHEME = "s3";

  /** S3's own page size for listings. */
  static final int DEFAULT_LIST_PAGE_SIZE = 1_000;

  private final S3ClientFactory.Client clientAndLoops;
  private final S3AsyncClient client;
  private final S3Calls calls;
  private final Clock clock;
  private final int listPageSize;
  private final S3FileUploads uploads;

  /** A download's SDK attempt timeout: S3Calls bounds it by the announced size instead. */
  private static final Duration UNBOUNDED_ATTEMPT = Duration.ofDays(1);

  public S3DataStore(S3Settings settings) {
    this(settings, Clock.systemUTC());
  }

  /** The clock dates the {@link ObjectInfo} a put returns (S3 does not answer a PUT with it). */
  public S3DataStore(S3Settings settings, Clock clock) {
    this(settings, clock, DEFAULT_LIST_PAGE_SIZE);
  }

  /** With a smaller listing page, so that tests can cover paging with few objects. */
  S3DataStore(S3Settings settings, Clock clock, int listPageSize) {
    this.clientAndLoops = S3ClientFactory.create(settings);
    this.client = clientAndLoops.s3();
    this.calls = new S3Calls(storeName(settings), settings.operationTimeout());
    this.clock = clock;
    this.listPageSize = listPageSize;
    this.uploads = new S3FileUploads(client, calls);
  }

  @Override
  public Mono<ObjectInfo> put(StorageUri uri, byte[] bytes, PutOptions options) {
    return Mono.defer(
        () -> {
          String key = objectKey(uri);
          String md5 = ContentMd5.of(bytes, options.contentMd5Base64());
          Map<String, String> metadata = options.storedMetadata(md5);
          return calls
              .call(
                  "put",
                  uri,
                  () ->
                      client.putObject(
                          b ->
                              b.bucket(uri.bucket())
                                  .key(key)
                                  .contentType(options.contentType())
                                  .contentMD5(md5)
                                  .metadata(metadata),
                          AsyncRequestBody.fromBytes(bytes)))
              .map(response -> new ObjectInfo(uri, bytes.length, md5, clock.instant(), metadata));
        });
  }

  @Override
  public Mono<byte[]> get(StorageUri uri) {
    return Mono.defer(
        () -> {
          String key = objectKey(uri);
          return calls
              .callOrEmpty(
                  "get",
                  uri,
                  () ->
                      client.getObject(
                          b -> b.bucket(uri.bucket()).key(key),
                          AsyncResponseTransformer.<GetObjectResponse>toBytes()))
              .map(ResponseBytes::asByteArrayUnsafe);
        });
  }

  @Override
  public Mono<ObjectInfo> putFile(
      StorageUri uri, Path file, PutOptions options, TransferListener listener) {
    return Mono.fromRunnable(
            () -> {
              objectKey(uri);
              UploadSources.requireReadableFile(file, uri);
            })
        .subscribeOn(Schedulers.boundedElastic())
        .then(
            FileSums.of(
                file,
                S3FileUploads.PART_BYTES,
                S3FileUploads.MULTIPART_THRESHOLD,
                Schedulers.boundedElastic()))
        .flatMap(
            sums -> {
              ContentMd5.requireMatchesFile(options.contentMd5Base64(), sums.md5());
              Map<String, String> metadata = options.storedMetadata(sums.md5());
              return uploads
                  .upload(uri, file, sums, options.contentType(), metadata, listener)
                  .then(
                      Mono.fromSupplier(
                          () ->
                              new ObjectInfo(
                                  uri, sums.size(), sums.md5(), clock.instant(), metadata)));
            });
  }

  @Override
  public Mono<ObjectInfo> getFile(StorageUri uri, Path file, TransferListener listener) {
    return Mono.defer(
        () -> {
          String key = objectKey(uri);
          return VerifiedDownloads.download(
              uri, file, temp -> downloadAttempts(uri, key, temp, listener));
        });
  }

  @Override
  public Mono<ObjectInfo> head(StorageUri uri) {
    return Mono.defer(
        () -> {
          String key = objectKey(uri);
          return calls
              .callOrEmpty(
                  "head", uri, () -> client.headObject(b -> b.bucket(uri.bucket()).key(key)))
              .map(response -> info(uri, response));
        });
  }

  @Override
  public Mono<Boolean> delete(StorageUri uri) {
    return Mono.defer(
        () -> {
          String key = objectKey(uri);
          return calls
              .call("delete", uri, () -> client.deleteObject(b -> b.bucket(uri.bucket()).key(key)))
              .thenReturn(true);
        });
  }

  @Override
  public Flux<ObjectInfo> list(StorageUri prefix) {
    return Mono.defer(
            () -> {
              checkScheme(prefix);
              return page(prefix, null);
            })
        .expand(
            page ->
                Boolean.TRUE.equals(page.isTruncated())
                    ? page(prefix, page.nextContinuationToken())
                    : Mono.empty())
        .concatMapIterable(ListObjectsV2Response::contents)
        .map(object -> info(prefix, object));
  }

  @Override
  public Set<String> schemes() {
    return Set.of(SCHEME);
  }

  /**
   * Creates {@code bucket} unless it exists. Meant for startup in embedded mode and for tests;
   * concurrent creation by someone else counts as success.
   */
  public Mono<Void> ensureBucket(String bucket) {
    return Mono.defer(
        () -> {
          StorageUri uri = new StorageUri(SCHEME, bucket, "");
          Mono<Boolean> create =
              calls
                  .call(
                      "create-bucket",
                      uri,
                      () -> client.createBucket(b -> b.bucket(bucket)),
                      e -> S3Errors.unwrap(e) instanceof BucketAlreadyOwnedByYouException)
                  .thenReturn(true);
          return calls
              .call(
                  "head-bucket",
                  uri,
                  () -> client.headBucket(b -> b.bucket(bucket)),
                  e -> S3Errors.unwrap(e) instanceof S3Exception s3 && s3.statusCode() == 404)
              .map(exists -> true)
              .switchIfEmpty(create)
              .then();
        });
  }

  /** Closes the SDK client and its Netty event loop. */
  @Override
  public void close() {
    clientAndLoops.close();
  }

  S3Calls calls() {
    return calls;
  }

  /**
   * Streams the object into {@code temp}. The SDK's fixed attempt timeout is lifted (the size is
   * unknown until the response); instead the attempt gets {@link S3Calls#limitFor} the size the
   * response announces, and Netty's read timeout still ends a stalled connection.
   */
  private Mono<VerifiedDownloads.Attempt> downloadAttempts(
      StorageUri uri, String key, Path temp, TransferListener listener) {
    return calls.transfer(
        "get",
        uri,
        () -> {
          DigestingFileTransformer body = new DigestingFileTransformer(temp, listener);
          return new S3Calls.Timed<>(
              client
                  .getObject(
                      b ->
                          b.bucket(uri.bucket())
                              .key(key)
                              .overrideConfiguration(
                                  o -> o.apiCallAttemptTimeout(UNBOUNDED_ATTEMPT)),
                      body)
                  .thenApply(
                      response ->
                          new VerifiedDownloads.Attempt(
                              info(uri, response), body.bytes(), body.md5())),
              calls.deadline(body::announced));
        },
        S3Errors::isMissingObject);
  }

  private static ObjectInfo info(StorageUri uri, GetObjectResponse response) {
    Map<String, String> metadata = response.hasMetadata() ? response.metadata() : Map.of();
    return new ObjectInfo(
        uri,
        response.contentLength() == null ? 0 : response.contentLength(),
        metadata.get(ObjectInfo.MD5_METADATA_KEY),
        response.lastModified(),
        metadata);
  }

  private Mono<ListObjectsV2Response> page(StorageUri prefix, String continuationToken) {
    return calls.call(
        "list",
        prefix,
        () ->
            client.listObjectsV2(
                b ->
                    b.bucket(prefix.bucket())
                        .prefix(prefix.key().isEmpty() ? null : prefix.key())
                        .maxKeys(listPageSize)
                        .continuationToken(continuationToken)));
  }

  private static ObjectInfo info(StorageUri uri, HeadObjectResponse response) {
    Map<String, String> metadata = response.hasMetadata() ? response.metadata() : Map.of();
    return new ObjectInfo(
        uri,
        response.contentLength(),
        metadata.get(ObjectInfo.MD5_METADATA_KEY),
        response.lastModified(),
        metadata);
  }

  private static ObjectInfo info(StorageUri prefix, S3Object object) {
    StorageUri uri = new StorageUri(prefix.scheme(), prefix.bucket(), object.key());
    return new ObjectInfo(uri, object.size(), null, object.lastModified(), Map.of());
  }

  private static String objectKey(StorageUri uri) {
    checkScheme(uri);
    if (uri.key().isEmpty()) {
      throw new InvalidArgument("storage uri '" + uri + "' names a bucket, not an object");
    }
    return uri.key();
  }

  private static void checkScheme(StorageUri uri) {
    if (!SCHEME.equals(uri.scheme())) {
      throw new InvalidArgument(
          "the S3 store cannot serve '" + uri + "': only " + SCHEME + ":// uris");
    }
  }

  private static String storeName(S3Settings settings) {
    return "s3-" + (settings.endpoint() == null ? "aws-" + settings.region() : settings.endpoint());
  }
}
