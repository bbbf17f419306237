package io.aloft.manager;

import static io.aloft.manager.ActionSteps.DATA_PROXY;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.manager.ConnectJson.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DataProxyService.CreateUploadLocation and ClusterService.SelectCluster over Connect, with the
 * signed URL used against the embedded S3 server.
 */
class UploadLocationTest extends RunningManager {

  private static final String PROJECT = "uploads-e2e";
  private static final byte[] BODY = "print('bundle')\n".getBytes(StandardCharsets.UTF_8);
  private static final String CLUSTER = "/aloft.dataproxy.v1.ClusterService/SelectCluster";

  private final HttpClient http = HttpClient.newHttpClient();
  ConnectJson connect;

  @BeforeEach
  void client() {
    connect = new ConnectJson(port);
    // The manager outlives this class's tests: the project is created once (then already exists).
    Reply created =
        connect.call(
            "/aloft.project.v1.ProjectService/CreateProject", ManagerTestSupport.project(PROJECT));
    assertThat(created.status()).as(created.body().toString()).isIn(200, 409);
  }

  @Test
  void givenMd5_WhenUploadLocationIsUsed_ThenTheServerStoresTheBody() throws Exception {
    Reply reply = upload("\"filename\": \"bundle.tgz\", \"contentMd5\": \"" + md5(BODY) + "\"");

    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
    JsonNode body = reply.body();
    assertThat(body.at("/nativeUrl").asString())
        .matches("s3://aloft/uploads/" + PROJECT + "/development/[A-Z2-7]{26}======/bundle.tgz");
    Instant expiresAt = Instant.parse(body.at("/expiresAt").asString());
    assertThat(expiresAt)
        .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3601));
    assertThat(put(body, BODY).statusCode()).isEqualTo(200);
    assertThat(put(body, "tampered".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
  }

  @Test
  void givenAStoredFile_WhenItsLocationIsAskedAgain_ThenOnlyTheSameContentMayOverwrite()
      throws Exception {
    String location = "\"filename\": \"f.py\", \"filenameRoot\": \"fast-abc\"";
    Reply first =
        upload(
            location + ", \"contentMd5\": \"" + md5(BODY) + "\", \"addContentMd5Metadata\": true");
    assertThat(put(first.body(), BODY).statusCode()).isEqualTo(200);

    assertThat(upload(location + ", \"contentMd5\": \"" + md5(BODY) + "\"").status())
        .isEqualTo(200);
    expectError(
        upload(
            location
                + ", \"contentMd5\": \""
                + md5("other".getBytes(StandardCharsets.UTF_8))
                + "\""),
        409,
        "already_exists",
        "hash mismatch");
    expectError(
        upload(location),
        409,
        "already_exists",
        "content_md5 is required to verify safe overwrite");
  }

  @Test
  void givenBadRequests_WhenUploadLocationIsAsked_ThenTheReasonAndItsCode() {
    expectError(
        upload("\"filename\": \"f\""),
        400,
        "invalid_argument",
        "either filename_root or content_md5 must be provided");
    expectError(
        upload("\"filenameRoot\": \"r\", \"expiresIn\": \"3601s\""),
        400,
        "invalid_argument",
        "exceeds maximum allowed duration");
    expectError(
        upload("\"filenameRoot\": \"r\", \"contentLength\": \"104857601\""),
        400,
        "invalid_argument",
        "exceeds maximum allowed size");
    expectError(
        upload("\"filenameRoot\": \"../../metadata\""), 400, "invalid_argument", "'..' segment");
    expectError(
        upload("\"contentMd5\": \"" + Base64.getEncoder().encodeToString(new byte[4]) + "\""),
        400,
        "invalid_argument",
        "content_md5 has 4 bytes");
    Reply unknown =
        connect.call(
            DATA_PROXY + "CreateUploadLocation",
            "{\"project\": \"no-such-project\", \"domain\": \"development\", \"filenameRoot\": \"r\"}");
    expectError(unknown, 404, "not_found", "project 'no-such-project' does not exist");
  }

  @Test
  void givenHostAndForwardedProto_WhenSelectCluster_ThenTheCallersAddress() throws Exception {
    Reply plain = connect.call(CLUSTER, "{\"orgId\": \"o\"}");
    assertThat(plain.body().at("/clusterEndpoint").asString())
        .isEqualTo("http://localhost:" + port);

    HttpRequest forwarded =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + CLUSTER))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-Proto", "HTTPS")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<String> reply = http.send(forwarded, HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(ConnectJson.JSON.readTree(reply.body()).at("/clusterEndpoint").asString())
        .isEqualTo("https://localhost:" + port);
  }

  private Reply upload(String fields) {
    return connect.call(
        DATA_PROXY + "CreateUploadLocation",
        "{\"project\": \"" + PROJECT + "\", \"domain\": \"development\", " + fields + "}");
  }

  private HttpResponse<String> put(JsonNode location, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(location.at("/signedUrl").asString()))
            .timeout(Duration.ofSeconds(30));
    location
        .at("/headers")
        .properties()
        .forEach(
            header -> {
              if (!header.getKey().toLowerCase(Locale.ROOT).equals("content-length")) {
                request.header(header.getKey(), header.getValue().asString());
              }
            });
    return http.send(
        request.PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void expectError(Reply reply, int status, String code, String message) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().at("/code").asString()).isEqualTo(code);
    assertThat(reply.body().at("/message").asString()).contains(message);
  }

  private static String md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }
}
