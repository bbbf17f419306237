package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The routes on a real Reactor Netty server on a random loopback port. */
final class NettyTestServer implements AutoCloseable {

  private final DisposableServer server;

  private NettyTestServer(DisposableServer server) {
    this.server = server;
  }

  static NettyTestServer start(RouterFunction<ServerResponse> routes) {
    ReactorHttpHandlerAdapter adapter =
        new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes));
    return new NettyTestServer(
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(adapter)
            .bindNow(Duration.ofSeconds(10)));
  }

  int port() {
    return server.port();
  }

  String url(String procedure) {
    return "http://127.0.0.1:" + port() + procedure;
  }

  @Override
  public void close() {
    server.disposeNow(Duration.ofSeconds(10));
  }
}
