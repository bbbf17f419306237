package io.aloft.adapters.s3;

import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.SignedUrl;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.application.port.storage.UrlSigner;
import io.aloft.domain.error.InvalidArgument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Signs S3 URLs (SigV4, query-string auth) with the AWS SDK's {@link S3Presigner}. A PUT's
 * Content-MD5, and optionally the MD5 metadata header, are signed headers: S3 refuses a body with
 * another digest, and a client cannot drop or change them.
 *
 * <p>Signing is local computation, but resolving credentials from the default chain may do blocking
 * I/O (instance metadata, files), so it runs on the bounded-elastic scheduler, with a timeout.
 */
public final class S3UrlSigner implements UrlSigner, AutoCloseable {

  private static final String HOST = "host";

  private final S3Presigner presigner;
  private final Duration timeout;

  public S3UrlSigner(S3Settings settings) {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(S3ClientFactory.credentials(settings))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    this.presigner = builder.build();
    this.timeout = settings.operationTimeout();
  }

  @Override
  public Mono<SignedUrl> signPut(
      StorageUri uri, Duration expiresIn, String contentMd5Base64, boolean storeMd5Metadata) {
    return sign(
        "sign-put",
        uri,
        () ->
            presigner.presignPutObject(
                p ->
                    p.signatureDuration(expiresIn)
                        .putObjectRequest(
                            r -> {
                              r.bucket(uri.bucket()).key(key(uri)).contentMD5(contentMd5Base64);
                              if (contentMd5Base64 != null && storeMd5Metadata) {
                                r.metadata(Map.of(ObjectInfo.MD5_METADATA_KEY, contentMd5Base64));
                              }
                            })));
  }

  @Override
  public Mono<SignedUrl> signGet(StorageUri uri, Duration expiresIn) {
    return sign(
        "sign-get",
        uri,
        () ->
            presigner.presignGetObject(
                p ->
                    p.signatureDuration(expiresIn)
                        .getObjectRequest(r -> r.bucket(uri.bucket()).key(key(uri)))));
  }

  @Override
  public void close() {
    presigner.close();
  }

  private Mono<SignedUrl> sign(
      String operation, StorageUri uri, Callable<? extends PresignedRequest> presign) {
    return Mono.<PresignedRequest>fromCallable(presign)
        .subscribeOn(Schedulers.boundedElastic())
        .timeout(timeout)
        .map(S3UrlSigner::signedUrl)
        .onErrorMap(
            e -> !(e instanceof InvalidArgument), e -> S3Errors.translate(operation, uri, 1, e));
  }

  /** The headers the client must send; Host is left out, every HTTP client sets it. */
  private static SignedUrl signedUrl(PresignedRequest request) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, List<String>> header : request.signedHeaders().entrySet()) {
      if (!HOST.equalsIgnoreCase(header.getKey())) {
        headers.put(header.getKey(), String.join(",", header.getValue()));
      }
    }
    return new SignedUrl(request.url().toString(), request.expiration(), headers);
  }

  private static String key(StorageUri uri) {
    if (!S3DataStore.SCHEME.equals(uri.scheme()) || uri.key().isEmpty()) {
      throw new InvalidArgument(
          "cannot sign a URL for '" + uri + "': only s3:// uris of objects can be signed");
    }
    return uri.key();
  }
}
