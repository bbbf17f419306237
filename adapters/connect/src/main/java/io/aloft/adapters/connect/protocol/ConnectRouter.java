package io.aloft.adapters.connect.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Exposes Connect services as WebFlux routes: {@code POST /<package.Service>/<Method>} for every
 * registered method.
 *
 * <p>Pass all services to one call: the returned routes also answer any other path shaped like a
 * procedure ({@code /<dotted.Service>/<Method>}) with 404 unimplemented, so routes built by a
 * second call would never be reached. Paths of any other shape are left to other routes.
 */
public final class ConnectRouter {

  private static final Pattern PROCEDURE_PATH =
      Pattern.compile("/[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+/[^/]+");

  private ConnectRouter() {}

  public static RouterFunction<ServerResponse> routes(
      List<ConnectService> services, ConnectOptions options, ErrorTranslator translator) {
    ErrorClassifier errors = new ErrorClassifier(translator);
    Map<String, HandlerFunction<ServerResponse>> calls = new HashMap<>();
    for (ConnectService service : services) {
      for (MethodBinding method : service.methods()) {
        if (calls.put(method.procedure(), callFor(method, options, errors)) != null) {
          throw new IllegalArgumentException("procedure registered twice: " + method.procedure());
        }
      }
    }
    return new ProcedureRoutes(Map.copyOf(calls));
  }

  private static HandlerFunction<ServerResponse> callFor(
      MethodBinding method, ConnectOptions options, ErrorClassifier errors) {
    return switch (method) {
      case MethodBinding.Unary unary -> new UnaryCall(unary, options, errors);
      case MethodBinding.ServerStream stream -> new StreamCall(stream, options, errors);
    };
  }

  /** Looks procedures up by exact path: one map lookup instead of a predicate per method. */
  private record ProcedureRoutes(Map<String, HandlerFunction<ServerResponse>> calls)
      implements RouterFunction<ServerResponse> {

    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
      String path = request.requestPath().pathWithinApplication().value();
      HandlerFunction<ServerResponse> call = calls.get(path);
      if (call != null) {
        return Mono.just(
            HttpMethod.POST.equals(request.method()) ? call : ProtocolResponses::methodNotAllowed);
      }
      if (PROCEDURE_PATH.matcher(path).matches()) {
        return Mono.just(ProtocolResponses::unknownProcedure);
      }
      return Mono.empty();
    }

    @Override
    public String toString() {
      return "Connect procedures " + calls.keySet();
    }
  }
}
