package io.aloft.adapters.connect.sse;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.aloft.adapters.connect.mapping.EventRecords;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.protocol.ConnectCode;
import io.aloft.adapters.connect.protocol.ConnectException;
import io.aloft.adapters.connect.protocol.ErrorTranslator;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.application.port.query.EventSelection;
import io.aloft.application.run.ActionEventHistory;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectDomain;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server-sent events for dashboards: {@code GET /v1/events?project=P&domain=D[&run=R]} streams the
 * action history of a project and domain (or one run) from where the client left off, then live.
 * Each event's {@code id} is its history position and its {@code data} an {@code
 * aloft.run.v1.ActionEventRecord} in protobuf JSON, so a reconnecting {@code EventSource} (which
 * sends {@code Last-Event-ID}) resumes with no gap and no repeat. Comments keep idle connections
 * open through proxies. Bad input and unknown projects or runs are answered before the stream, as a
 * JSON error with the Connect code's HTTP status.
 */
public final class EventStreamRoutes {

  public static final String PATH = "/v1/events";

  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private final ActionEventHistory history;
  private final Duration keepAlive;
  private final ErrorTranslator errors;

  private EventStreamRoutes(
      ActionEventHistory history, Duration keepAlive, ErrorTranslator errors) {
    this.history = history;
    this.keepAlive = keepAlive;
    this.errors = errors;
  }

  public static RouterFunction<ServerResponse> routes(
      ActionEventHistory history, Duration keepAlive, ErrorTranslator errors) {
    EventStreamRoutes routes = new EventStreamRoutes(history, keepAlive, errors);
    return RouterFunctions.route().GET(PATH, routes::stream).build();
  }

  private Mono<ServerResponse> stream(ServerRequest request) {
    return Mono.fromCallable(() -> EventStreamRequests.selection(request))
        // The target is checked before the stream starts, so an unknown one is a 404, not a
        // stream that ends at once.
        .flatMap(selection -> history.list(selection, 1).thenReturn(selection))
        .flatMap(
            selection ->
                ServerResponse.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .body(events(selection), ServerSentEvent.class))
        .onErrorResume(this::refused);
  }

  private Flux<ServerSentEvent<String>> events(EventSelection selection) {
    Flux<ServerSentEvent<String>> history =
        this.history.watch(selection).map(EventStreamRoutes::event);
    Flux<ServerSentEvent<String>> comments =
        Flux.interval(keepAlive).map(tick -> ServerSentEvent.<String>builder().comment("").build());
    return Flux.merge(history, comments);
  }

  private static ServerSentEvent<String> event(ActionEventView view) {
    try {
      return ServerSentEvent.builder(JSON.print(EventRecords.toProto(view)))
          .id(Long.toString(view.position()))
          .event("action-event")
          .build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print event " + view.position(), e);
    }
  }

  private Mono<ServerResponse> refused(Throwable error) {
    ConnectException refusal =
        errors
            .translate(error)
            .orElseGet(() -> new ConnectException(ConnectCode.INTERNAL, "internal error", error));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("code", refusal.code().wireName());
    body.put("message", refusal.getMessage());
    return ServerResponse.status(refusal.code().httpStatus())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body);
  }

  /** The query parameters and the resume point. */
  static final class EventStreamRequests {

    private EventStreamRequests() {}

    static EventSelection selection(ServerRequest request) {
      ProjectDomain scope =
          Ids.scope(parameter(request, "project"), parameter(request, "domain"), "query");
      long after = resumeAfter(request);
      String run = parameter(request, "run");
      return run.isEmpty()
          ? EventSelection.ofScope(scope, after, null)
          : EventSelection.ofRun(Ids.runName(scope, run, "query.run"), after, null);
    }

    private static String parameter(ServerRequest request, String name) {
      return request.queryParam(name).orElse("");
    }

    /** {@code Last-Event-ID} (an EventSource's reconnect) or {@code lastEventId}; 0 if neither. */
    private static long resumeAfter(ServerRequest request) {
      String text =
          Optional.ofNullable(request.headers().firstHeader("Last-Event-ID"))
              .or(() -> request.queryParam("lastEventId"))
              .filter(value -> !value.isBlank())
              .orElse("0");
      try {
        long position = Long.parseLong(text.trim());
        if (position >= 0) {
          return position;
        }
      } catch (NumberFormatException e) {
        // answered below
      }
      throw new InvalidArgument(
          "Last-Event-ID must be the id of an event this stream sent (a position, 0 or more); got '"
              + text
              + "'");
    }
  }
}
