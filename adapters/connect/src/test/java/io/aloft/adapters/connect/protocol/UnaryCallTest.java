package io.aloft.adapters.connect.protocol;

import static io.aloft.adapters.connect.protocol.TestServices.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.SourceContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class UnaryCallTest {

  private static final MediaType PROTO = MediaType.parseMediaType("application/proto");

  private final WebTestClient client = TestServices.client();

  @Test
  void givenProtoRequest_WhenEcho_ThenProtoReply() throws Exception {
    byte[] reply =
        client
            .post()
            .uri(TestServices.ECHO)
            .contentType(PROTO)
            .header("Connect-Protocol-Version", "1")
            .bodyValue(source("a.proto").toByteArray())
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(PROTO)
            .expectHeader()
            .doesNotExist("Content-Encoding")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    assertThat(SourceContext.parseFrom(reply)).isEqualTo(source("echo: a.proto"));
  }

  @Test
  void givenJsonWithCharsetAndUnknownField_WhenEcho_ThenCompactCamelCaseJson() {
    client
        .post()
        .uri(TestServices.ECHO)
        .header("Content-Type", "application/json; charset=utf-8")
        .bodyValue("{\"file_name\": \"a.proto\", \"addedLater\": 1}".getBytes())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody(String.class)
        .isEqualTo("{\"fileName\":\"echo: a.proto\"}");
  }

  @Test
  void givenEmptyProtoBody_WhenEcho_ThenDefaultMessageIsHandled() throws Exception {
    byte[] reply =
        client
            .post()
            .uri(TestServices.ECHO)
            .contentType(PROTO)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    assertThat(SourceContext.parseFrom(reply)).isEqualTo(source("echo: "));
  }

  @Test
  void givenGzipRequestAndAcceptGzip_WhenEcho_ThenGzipReply() throws Exception {
    byte[] reply =
        client
            .post()
            .uri(TestServices.ECHO)
            .contentType(PROTO)
            .header("Content-Encoding", "gzip")
            .header("Accept-Encoding", "br, gzip;q=0.8")
            .bodyValue(Compression.GZIP.compress(source("zipped").toByteArray()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Content-Encoding", "gzip")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    byte[] unzipped = Compression.GZIP.decompress(reply, 1024);
    assertThat(SourceContext.parseFrom(unzipped)).isEqualTo(source("echo: zipped"));
  }

  @Test
  void givenGzipRefusedWithQZero_WhenEcho_ThenIdentityReply() {
    client
        .post()
        .uri(TestServices.ECHO)
        .contentType(PROTO)
        .header("Accept-Encoding", "gzip;q=0")
        .bodyValue(source("x").toByteArray())
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .doesNotExist("Content-Encoding");
  }

  @Test
  void givenUnknownContentEncoding_WhenEcho_ThenUnimplementedListingSupported() {
    client
        .post()
        .uri(TestServices.ECHO)
        .contentType(PROTO)
        .header("Content-Encoding", "br")
        .bodyValue(new byte[] {1, 2, 3})
        .exchange()
        .expectStatus()
        .isEqualTo(501)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("unimplemented")
        .jsonPath("$.message")
        .isEqualTo("unknown compression \"br\": supported encodings are identity, gzip");
  }

  @Test
  void givenWrongProtocolVersion_WhenEcho_ThenInvalidArgument() {
    client
        .post()
        .uri(TestServices.ECHO)
        .contentType(PROTO)
        .header("Connect-Protocol-Version", "2")
        .bodyValue(new byte[0])
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("invalid_argument");
  }

  @Test
  void givenTimeoutAndHandlerThatNeverReplies_WhenCalled_ThenDeadlineExceeded() {
    client
        .post()
        .uri(TestServices.NEVER)
        .contentType(PROTO)
        .header("Connect-Timeout-Ms", "50")
        .bodyValue(new byte[0])
        .exchange()
        .expectStatus()
        .isEqualTo(504)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("deadline_exceeded");
  }

  @Test
  void givenMalformedTimeout_WhenCalled_ThenInvalidArgument() {
    for (String timeout : new String[] {"-5", "1.5", "+5", "12345678901", "soon"}) {
      client
          .post()
          .uri(TestServices.ECHO)
          .contentType(PROTO)
          .header("Connect-Timeout-Ms", timeout)
          .bodyValue(new byte[0])
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("invalid_argument");
    }
  }

  @Test
  void givenHeadersAndTimeoutAboveCap_WhenCalled_ThenHandlerSeesThemCapped() throws Exception {
    WebTestClient capped =
        TestServices.client(ConnectOptions.defaults().withMaxTimeout(Duration.ofSeconds(2)));

    byte[] reply =
        capped
            .post()
            .uri(TestServices.CONTEXT)
            .contentType(PROTO)
            .header("X-Forwarded-Proto", "https")
            .header("Connect-Timeout-Ms", "60000")
            .bodyValue(new byte[0])
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    assertThat(SourceContext.parseFrom(reply).getFileName()).isEqualTo("https 2000ms");
  }
}
