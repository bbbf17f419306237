package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.SignedUrl;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * Signed URLs against the in-JVM s3proxy, which checks SigV4 itself: what it accepts and refuses is
 * what a client of the real S3 would see.
 */
class S3UrlSignerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String BUCKET = "signed";
  private static final byte[] BODY = "print('hello')\n".getBytes(StandardCharsets.UTF_8);
  private static final Set<String> RESTRICTED = Set.of("host", "content-length");

  @TempDir static Path directory;
  private static EmbeddedS3Server server;
  private static S3DataStore store;
  private static S3UrlSigner signer;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() {
    server = new EmbeddedS3Server(directory, 0, "test-access", "test-secret");
    server.start();
    store = new S3DataStore(server.clientSettings());
    signer = new S3UrlSigner(server.clientSettings());
    StepVerifier.create(store.ensureBucket(BUCKET)).expectComplete().verify(TIMEOUT);
  }

  @AfterAll
  static void stopServer() {
    signer.close();
    store.close();
    server.close();
  }

  @Test
  void givenSignedPutWithMd5_whenPutMatchingBody_thenStoredWithMd5Metadata() throws Exception {
    StorageUri uri = newUri();
    SignedUrl url = signPut(uri, md5(BODY), true, Duration.ofMinutes(5));
    assertThat(url.headers()).containsKeys("content-md5", "x-amz-meta-flytecontentmd5");
    assertThat(url.expiresAt()).isBetween(Instant.now(), Instant.now().plusSeconds(301));

    assertThat(put(url, BODY).statusCode()).isEqualTo(200);

    StepVerifier.create(store.head(uri))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5(BODY)))
        .verifyComplete();
    StepVerifier.create(store.get(uri))
        .assertNext(bytes -> assertThat(bytes).isEqualTo(BODY))
        .verifyComplete();
  }

  @Test
  void givenSignedPutWithMd5_whenPutOtherBody_thenServerRefuses() throws Exception {
    StorageUri uri = newUri();
    SignedUrl url = signPut(uri, md5(BODY), false, Duration.ofMinutes(5));

    HttpResponse<String> response = put(url, "something else".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("BadDigest");
    StepVerifier.create(store.head(uri)).verifyComplete();
  }

  @Test
  void givenSignedPutWithMd5_whenClientChangesTheMd5Header_thenForbidden() throws Exception {
    StorageUri uri = newUri();
    SignedUrl url = signPut(uri, md5(BODY), false, Duration.ofMinutes(5));
    byte[] other = "something else".getBytes(StandardCharsets.UTF_8);

    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.url()));
    request.header("Content-MD5", md5(other));
    HttpResponse<String> response =
        http.send(
            request.PUT(HttpRequest.BodyPublishers.ofByteArray(other)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void givenTamperedUrl_whenPut_thenForbidden() throws Exception {
    StorageUri uri = newUri();
    SignedUrl url = signPut(uri, md5(BODY), false, Duration.ofMinutes(5));
    String otherKey = url.url().replace(uri.key(), uri.key() + "-elsewhere");
    SignedUrl tampered = new SignedUrl(otherKey, url.expiresAt(), url.headers());

    assertThat(put(tampered, BODY).statusCode()).isEqualTo(403);
  }

  @Test
  void givenExpiredUrl_whenPut_thenForbidden() throws Exception {
    StorageUri uri = newUri();
    SignedUrl url = signPut(uri, md5(BODY), false, Duration.ofSeconds(1));
    // The server compares its clock with the signed date: only waiting makes a URL expire.
    Thread.sleep(Duration.between(Instant.now(), url.expiresAt()).plusMillis(1_100));

    assertThat(put(url, BODY).statusCode()).isEqualTo(403);
    StepVerifier.create(store.head(uri)).verifyComplete();
  }

  @Test
  void givenStoredObject_whenSignedGet_thenContent() throws Exception {
    StorageUri uri = newUri();
    StepVerifier.create(store.put(uri, BODY, PutOptions.none()))
        .expectNextCount(1)
        .verifyComplete();
    SignedUrl url = signer.signGet(uri, Duration.ofMinutes(1)).block(TIMEOUT);

    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url.url())).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(BODY);
  }

  @Test
  void givenBucketOnlyUri_whenSign_thenInvalidArgument() {
    StepVerifier.create(signer.signGet(StorageUri.parse("s3://" + BUCKET), Duration.ofMinutes(1)))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
  }

  private static StorageUri newUri() {
    return new StorageUri("s3", BUCKET, "uploads/p/d/" + UUID.randomUUID() + "/f.py");
  }

  private static SignedUrl signPut(StorageUri uri, String md5, boolean metadata, Duration ttl) {
    return signer.signPut(uri, ttl, md5, metadata).block(TIMEOUT);
  }

  private HttpResponse<String> put(SignedUrl url, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.url()));
    url.headers()
        .forEach(
            (name, value) -> {
              if (!RESTRICTED.contains(name.toLowerCase())) {
                request.header(name, value);
              }
            });
    return http.send(
        request.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    assertThat(ObjectInfo.MD5_METADATA_KEY).isEqualTo("flytecontentmd5");
  }
}
