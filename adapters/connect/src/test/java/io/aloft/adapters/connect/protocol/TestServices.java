package io.aloft.adapters.connect.protocol;

import com.google.protobuf.Int32Value;
import com.google.protobuf.SourceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A test service on well-known types. SourceContext has a snake_case field (file_name), which shows
 * the JSON mapping's camelCase names; its value picks the failure the Fail method raises.
 */
final class TestServices {

  static final String SERVICE = "aloft.test.v1.TestService";
  static final String ECHO = "/" + SERVICE + "/Echo";
  static final String NEVER = "/" + SERVICE + "/Never";
  static final String FAIL = "/" + SERVICE + "/Fail";
  static final String NO_REPLY = "/" + SERVICE + "/NoReply";
  static final String CONTEXT = "/" + SERVICE + "/Context";
  static final String COUNT = "/" + SERVICE + "/Count";
  static final String COUNT_THEN_FAIL = "/" + SERVICE + "/CountThenFail";
  static final String TICK_FOREVER = "/" + SERVICE + "/TickForever";

  /** An application exception that only the translator knows. */
  static final class NoSuchProject extends RuntimeException {
    NoSuchProject(String message) {
      super(message);
    }
  }

  static final ErrorTranslator TRANSLATOR =
      error ->
          error instanceof NoSuchProject
              ? Optional.of(new ConnectException(ConnectCode.NOT_FOUND, error.getMessage()))
              : Optional.empty();

  private TestServices() {}

  static ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary("Echo", SourceContext.getDefaultInstance(), (request, context) -> echo(request))
        .unary("Never", SourceContext.getDefaultInstance(), (request, context) -> Mono.never())
        .unary("Fail", SourceContext.getDefaultInstance(), (request, context) -> fail(request))
        .unary("NoReply", SourceContext.getDefaultInstance(), (request, context) -> Mono.empty())
        .unary("Context", SourceContext.getDefaultInstance(), TestServices::describeContext)
        .serverStream("Count", Int32Value.getDefaultInstance(), (n, context) -> count(n))
        .serverStream(
            "CountThenFail",
            Int32Value.getDefaultInstance(),
            (n, context) ->
                count(n).concatWith(Mono.error(new ConnectException(ConnectCode.ABORTED, "boom"))))
        .serverStream(
            "TickForever",
            Int32Value.getDefaultInstance(),
            (n, context) -> Flux.interval(Duration.ofMillis(10)).map(TestServices::item))
        .build();
  }

  static WebTestClient client() {
    return client(ConnectOptions.defaults());
  }

  static WebTestClient client(ConnectOptions options) {
    return WebTestClient.bindToRouterFunction(
            ConnectRouter.routes(List.of(service()), options, TRANSLATOR))
        .build();
  }

  static SourceContext source(String fileName) {
    return SourceContext.newBuilder().setFileName(fileName).build();
  }

  private static Mono<SourceContext> echo(SourceContext request) {
    return Mono.just(source("echo: " + request.getFileName()));
  }

  private static Mono<SourceContext> fail(SourceContext request) {
    return switch (request.getFileName()) {
      case "connect" -> Mono.error(new ConnectException(ConnectCode.PERMISSION_DENIED, "go away"));
      case "translated" -> Mono.error(new NoSuchProject("project p1 does not exist"));
      case "thrown" -> throw new IllegalStateException("secret detail thrown by the handler");
      default -> Mono.error(new IllegalStateException("secret detail at db.example:5432"));
    };
  }

  private static Mono<SourceContext> describeContext(SourceContext request, CallContext context) {
    HttpHeaders headers = context.requestHeaders();
    String timeout = context.timeout().map(t -> t.toMillis() + "ms").orElse("none");
    return Mono.just(source(headers.getFirst("X-Forwarded-Proto") + " " + timeout));
  }

  private static Flux<SourceContext> count(Int32Value n) {
    return Flux.range(1, n.getValue()).map(TestServices::item);
  }

  private static SourceContext item(long i) {
    return source("item " + i);
  }
}
