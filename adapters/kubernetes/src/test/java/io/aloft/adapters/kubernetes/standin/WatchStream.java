package io.aloft.adapters.kubernetes.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One HTTP watch, as the API server streams it: a line of JSON per event after the requested
 * resource version (only the objects its {@code labelSelector} selects, when it has one), until
 * {@code timeoutSeconds} pass or the watch is dropped; an ERROR event with a 410 Status when that
 * version was compacted away.
 */
final class WatchStream {

  private final WatchEvents events;
  private final HttpExchange exchange;

  WatchStream(WatchEvents events, HttpExchange exchange) {
    this.events = events;
    this.exchange = exchange;
  }

  void serve() throws IOException, InterruptedException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    long from = Long.parseLong(query.getOrDefault("resourceVersion", "0"));
    long timeout = Long.parseLong(query.getOrDefault("timeoutSeconds", "300")) * 1000;
    LabelSelector selector = LabelSelector.parse(query.getOrDefault("labelSelector", ""));
    long generation = events.generation();
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.flush(); // the headers, at once, as an API server does: the watch has begun
    if (events.isGone(from)) {
      String gone =
          new String(
              KubeApiStandIn.status(410, "too old resource version"), StandardCharsets.UTF_8);
      write(out, "{\"type\":\"ERROR\",\"object\":" + gone + "}");
      return;
    }
    long deadline = System.currentTimeMillis() + timeout;
    while (System.currentTimeMillis() < deadline && events.generation() == generation) {
      long wait = Math.min(250, deadline - System.currentTimeMillis());
      for (WatchEvents.Event event : events.after(from, wait, generation)) {
        if (selector.matches(event.labels())) {
          write(out, event.line());
        }
        from = event.resourceVersion();
      }
    }
  }

  private static void write(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
