package io.aloft.adapters.connect.protocol;

import static io.aloft.adapters.connect.protocol.TestServices.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Int32Value;
import com.google.protobuf.SourceContext;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class StreamCallTest {

  private static final String PROTO = "application/connect+proto";
  private static final String JSON = "application/connect+json";

  private final WebTestClient client = TestServices.client();

  @Test
  void givenProtoRequest_WhenCount_ThenEnvelopedRepliesAndEmptyEndStream() throws Exception {
    List<Envelope> frames = call(TestServices.COUNT, PROTO, request(3), headers -> {});

    assertThat(frames).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(frames.get(i).flags()).isZero();
      assertThat(SourceContext.parseFrom(frames.get(i).payload()))
          .isEqualTo(source("item " + (i + 1)));
    }
    assertThat(frames.get(3).flags()).isEqualTo(Envelope.END_STREAM);
    assertThat(text(frames.get(3))).isEqualTo("{}");
  }

  @Test
  void givenJsonRequest_WhenCount_ThenJsonReplies() {
    byte[] json = "2".getBytes(StandardCharsets.UTF_8);
    List<Envelope> frames =
        call(TestServices.COUNT, JSON, Envelope.message(json, false).toBytes(), headers -> {});

    assertThat(frames)
        .extracting(StreamCallTest::text)
        .containsExactly("{\"fileName\":\"item 1\"}", "{\"fileName\":\"item 2\"}", "{}");
  }

  @Test
  void givenHandlerFailingMidStream_WhenCount_ThenRepliesThenErrorInEndStream() {
    List<Envelope> frames = call(TestServices.COUNT_THEN_FAIL, PROTO, request(2), headers -> {});

    assertThat(frames).hasSize(3);
    Envelope end = frames.get(2);
    assertThat(end.endStream()).isTrue();
    assertThat(JsonPath.<String>read(text(end), "$.error.code")).isEqualTo("aborted");
    assertThat(JsonPath.<String>read(text(end), "$.error.message")).isEqualTo("boom");
  }

  @Test
  void givenTruncatedEnvelope_WhenCount_ThenInvalidArgumentInEndStream() {
    byte[] whole = request(300);
    assertError(
        call(TestServices.COUNT, PROTO, Arrays.copyOf(whole, whole.length - 1), h -> {}),
        "invalid_argument");
    assertError(call(TestServices.COUNT, PROTO, new byte[] {0, 0}, h -> {}), "invalid_argument");
    assertError(call(TestServices.COUNT, PROTO, new byte[0], h -> {}), "invalid_argument");
  }

  @Test
  void givenTwoEnvelopes_WhenCount_ThenInvalidArgument() {
    byte[] one = request(1);
    byte[] two = new byte[one.length * 2];
    System.arraycopy(one, 0, two, 0, one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    assertError(call(TestServices.COUNT, PROTO, two, h -> {}), "invalid_argument");
  }

  @Test
  void givenEnvelopeAnnouncingTooMuch_WhenCount_ThenResourceExhausted() {
    byte[] header = {0, 0x7F, 0, 0, 0};
    assertError(call(TestServices.COUNT, PROTO, header, h -> {}), "resource_exhausted");
  }

  @Test
  void givenCompressedRequestAndAcceptGzip_WhenCount_ThenCompressedReplies() throws Exception {
    byte[] zipped = Compression.GZIP.compress(Int32Value.of(2).toByteArray());
    List<Envelope> frames =
        call(
            TestServices.COUNT,
            PROTO,
            Envelope.message(zipped, true).toBytes(),
            headers -> {
              headers.set("Connect-Content-Encoding", "gzip");
              headers.set("Connect-Accept-Encoding", "gzip");
            });

    assertThat(frames).hasSize(3);
    assertThat(frames.get(0).compressed()).isTrue();
    byte[] first = Compression.GZIP.decompress(frames.get(0).payload(), 1024);
    assertThat(SourceContext.parseFrom(first)).isEqualTo(source("item 1"));
    assertThat(text(frames.get(2))).isEqualTo("{}");
  }

  @Test
  void givenCompressedFlagWithoutEncoding_WhenCount_ThenInvalidArgument() {
    byte[] zipped = Compression.GZIP.compress(Int32Value.of(2).toByteArray());
    assertError(
        call(TestServices.COUNT, PROTO, Envelope.message(zipped, true).toBytes(), h -> {}),
        "invalid_argument");
  }

  @Test
  void givenUnknownRequestEncoding_WhenCount_ThenUnimplemented() {
    assertError(
        call(TestServices.COUNT, PROTO, request(1), h -> h.set("Connect-Content-Encoding", "zstd")),
        "unimplemented");
  }

  @Test
  void givenTimeout_WhenStreamRunsLonger_ThenRepliesThenDeadlineExceeded() {
    List<Envelope> frames =
        call(TestServices.TICK_FOREVER, PROTO, request(0), h -> h.set("Connect-Timeout-Ms", "200"));

    assertThat(frames.size()).isGreaterThan(1);
    assertError(frames, "deadline_exceeded");
  }

  @Test
  void givenBadTimeoutHeader_WhenCount_ThenInvalidArgument() {
    assertError(
        call(TestServices.COUNT, PROTO, request(1), h -> h.set("Connect-Timeout-Ms", "1s")),
        "invalid_argument");
  }

  private List<Envelope> call(
      String procedure, String contentType, byte[] body, Consumer<HttpHeaders> headers) {
    byte[] response =
        client
            .post()
            .uri(procedure)
            .header("Content-Type", contentType)
            .headers(headers)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Content-Type", contentType)
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return Frames.parse(response == null ? new byte[0] : response);
  }

  private static byte[] request(int count) {
    return Envelope.message(Int32Value.of(count).toByteArray(), false).toBytes();
  }

  private static String text(Envelope envelope) {
    return new String(envelope.payload(), StandardCharsets.UTF_8);
  }

  private static void assertError(List<Envelope> frames, String code) {
    Envelope end = frames.getLast();
    assertThat(end.flags()).isEqualTo(Envelope.END_STREAM);
    assertThat(JsonPath.<String>read(text(end), "$.error.code")).isEqualTo(code);
  }
}
