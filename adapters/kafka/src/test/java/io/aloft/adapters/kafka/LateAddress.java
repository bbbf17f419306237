package io.aloft.adapters.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A bootstrap address on which nothing answers until {@link #forwardTo} is called, then forwards to
 * a broker. The embedded KRaft broker picks its own port, so this stands for "the broker comes back
 * at the configured address"; clients only bootstrap through it and then reach the broker at the
 * address it advertises.
 */
public final class LateAddress implements AutoCloseable {

  private final int port;
  private ServerSocket server;

  public LateAddress() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
  }

  public String bootstrap() {
    return "localhost:" + port;
  }

  public void forwardTo(String broker) throws IOException {
    String[] hostPort = broker.split(",")[0].split(":");
    InetSocketAddress target = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    server = new ServerSocket(port);
    Thread.ofVirtual().start(() -> accept(target));
  }

  private void accept(InetSocketAddress target) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // one side closed: the other copy ends too
              }
            });
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
