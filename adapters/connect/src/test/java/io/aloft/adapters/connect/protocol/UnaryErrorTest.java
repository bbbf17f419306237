package io.aloft.adapters.connect.protocol;

import static io.aloft.adapters.connect.protocol.TestServices.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import reactor.core.publisher.Flux;

class UnaryErrorTest {

  private static final MediaType PROTO = MediaType.parseMediaType("application/proto");
  private static final int LIMIT = 1024;

  private final WebTestClient client =
      TestServices.client(ConnectOptions.defaults().withMaxMessageBytes(LIMIT));

  @Test
  void givenHandlerConnectException_WhenCalled_ThenItsCodeAndStatus() {
    fail("connect", 403).jsonPath("$.code").isEqualTo("permission_denied");
  }

  @Test
  void givenExceptionTheTranslatorKnows_WhenCalled_ThenTranslatedCode() {
    fail("translated", 404)
        .jsonPath("$.code")
        .isEqualTo("not_found")
        .jsonPath("$.message")
        .isEqualTo("project p1 does not exist");
  }

  @Test
  void givenUnexpectedException_WhenCalled_ThenInternalWithReferenceOnly() {
    String body = new String(fail("other", 500).returnResult().getResponseBody());
    assertThat(body)
        .contains("\"code\":\"internal\"")
        .containsPattern("internal error; see the server log, reference [0-9a-f-]{36}")
        .doesNotContain("secret", "Exception", "at io.aloft");
  }

  @Test
  void givenHandlerThatThrows_WhenCalled_ThenInternal() {
    fail("thrown", 500).jsonPath("$.code").isEqualTo("internal");
  }

  @Test
  void givenHandlerWithoutReply_WhenCalled_ThenInternal() {
    post(TestServices.NO_REPLY, new byte[0]).expectStatus().isEqualTo(500);
  }

  @Test
  void givenBodyOverLimit_WhenCalled_ThenResourceExhaustedNamingLimit() {
    post(TestServices.ECHO, source("x".repeat(LIMIT)).toByteArray())
        .expectStatus()
        .isEqualTo(429)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("resource_exhausted")
        .jsonPath("$.message")
        .isEqualTo("message is larger than the configured limit of 1024 bytes");
  }

  @Test
  void givenChunkedBodyOverLimitWithoutContentLength_WhenCalled_ThenResourceExhausted() {
    Flux<DataBuffer> chunks =
        Flux.range(0, 100).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[100]));
    client
        .post()
        .uri(TestServices.ECHO)
        .contentType(PROTO)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(429);
  }

  @Test
  void givenGzipBombUnderTheDefaultLimit_WhenCalled_ThenResourceExhausted() {
    byte[] bomb = Compression.GZIP.compress(new byte[16 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(ConnectOptions.DEFAULT_MAX_MESSAGE_BYTES / 100);

    TestServices.client()
        .post()
        .uri(TestServices.ECHO)
        .contentType(PROTO)
        .header("Content-Encoding", "gzip")
        .bodyValue(bomb)
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectBody()
        .jsonPath("$.message")
        .isEqualTo("message is larger than the configured limit of 4194304 bytes");
  }

  @Test
  void givenMalformedProto_WhenCalled_ThenInvalidArgumentSayingWhy() {
    post(TestServices.ECHO, new byte[] {(byte) 0x0A, (byte) 0x05, 'a'})
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("invalid_argument")
        .jsonPath("$.message")
        .value(
            String.class,
            message ->
                assertThat(message)
                    .startsWith(
                        "could not decode the request body as proto google.protobuf.SourceContext:"));
  }

  @Test
  void givenMalformedJson_WhenCalled_ThenInvalidArgument() {
    for (String json : new String[] {"{\"fileName\":", "[1]", "{\"fileName\": {}}", ""}) {
      client
          .post()
          .uri(TestServices.ECHO)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(json.getBytes(StandardCharsets.UTF_8))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("invalid_argument")
          .jsonPath("$.message")
          .value(String.class, message -> assertThat(message).contains("SourceContext"));
    }
  }

  @Test
  void givenJsonThatIsNotUtf8_WhenCalled_ThenInvalidArgument() {
    client
        .post()
        .uri(TestServices.ECHO)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(new byte[] {'"', (byte) 0xC3, '"'})
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private BodyContentSpec fail(String scenario, int status) {
    return post(TestServices.FAIL, source(scenario).toByteArray())
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody();
  }

  private WebTestClient.ResponseSpec post(String procedure, byte[] body) {
    return client.post().uri(procedure).contentType(PROTO).bodyValue(body).exchange();
  }
}
