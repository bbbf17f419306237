package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

class RoutingTest {

  private final WebTestClient client = TestServices.client();

  @Test
  void givenUnknownMethodOfKnownService_WhenCalled_Then404Unimplemented() {
    unknown("/" + TestServices.SERVICE + "/Nope");
  }

  @Test
  void givenUnknownService_WhenCalled_Then404Unimplemented() {
    unknown("/x.Y/Z");
  }

  @Test
  void givenPathNotShapedLikeAProcedure_WhenCalled_ThenLeftToOtherRoutes() {
    client
        .post()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .consumeWith(result -> assertThat(result.getResponseBody()).isNullOrEmpty());
  }

  @Test
  void givenGetOnKnownMethod_WhenCalled_Then405AllowPost() {
    client
        .get()
        .uri(TestServices.ECHO)
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .valueEquals("Allow", "POST")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("unimplemented");
  }

  @Test
  void givenUnsupportedContentTypeOnUnary_WhenCalled_Then415WithAcceptPost() {
    unsupported(TestServices.ECHO, "text/plain", "application/proto, application/json");
    unsupported(TestServices.ECHO, "application/connect+proto", "application/proto");
    unsupported(TestServices.ECHO, "application/json; charset=latin1", "application/json");
    unsupported(TestServices.ECHO, "not a media type", "application/json");
  }

  @Test
  void givenUnaryContentTypeOnStream_WhenCalled_Then415WithAcceptPost() {
    unsupported(TestServices.COUNT, "application/proto", "application/connect+proto");
  }

  @Test
  void givenNoContentType_WhenCalled_Then415() {
    client
        .post()
        .uri(TestServices.ECHO)
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.message")
        .value(String.class, message -> assertThat(message).contains("(none)"));
  }

  @Test
  void givenProcedureRegisteredTwice_WhenBuilding_ThenRejected() {
    UnaryHandler<Empty, Empty> handler = (request, context) -> Mono.just(request);
    assertThatThrownBy(
            () ->
                ConnectService.builder("a.B")
                    .unary("C", Empty.getDefaultInstance(), handler)
                    .unary("C", Empty.getDefaultInstance(), handler))
        .isInstanceOf(IllegalArgumentException.class);
    ConnectService service =
        ConnectService.builder("a.B").unary("C", Empty.getDefaultInstance(), handler).build();
    assertThatThrownBy(
            () ->
                ConnectRouter.routes(
                    List.of(service, service), ConnectOptions.defaults(), ErrorTranslator.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenInvalidNames_WhenBuilding_ThenRejected() {
    assertThatThrownBy(() -> ConnectService.builder("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ConnectService.builder("a.B")
                    .unary("C/D", Empty.getDefaultInstance(), (r, c) -> Mono.just(r)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ConnectService.builder("a.B").build().name()).isEqualTo("a.B");
  }

  private void unknown(String procedure) {
    client
        .post()
        .uri(procedure)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("unimplemented")
        .jsonPath("$.message")
        .isEqualTo("unknown method " + procedure);
  }

  private void unsupported(String procedure, String contentType, String acceptedType) {
    client
        .post()
        .uri(procedure)
        .header("Content-Type", contentType)
        // Written raw: the client's own encoders would refuse to parse a malformed content type.
        .body((message, context) -> message.writeWith(Mono.empty()))
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .value("Accept-Post", accepted -> assertThat(accepted).contains(acceptedType))
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("invalid_argument");
  }
}
