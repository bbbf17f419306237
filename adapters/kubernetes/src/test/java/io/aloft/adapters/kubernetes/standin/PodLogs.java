package io.aloft.adapters.kubernetes.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pod logs, which fabric8's CRUD mock does not serve: tests write lines per pod and container, and
 * {@code GET .../pods/<pod>/log?container=..&tailLines=..&follow=..&timestamps=..} answers as the
 * API server does (timestamps are the line's number as a time of 2026-01-01). A followed log
 * streams new lines until the test ends it, as when its container ends. An unknown pod is 404.
 */
final class PodLogs {

  static final Pattern PATH = Pattern.compile("/api/v1/namespaces/[^/]+/pods/([^/]+)/log");

  private final Map<String, List<String>> lines = new HashMap<>();
  private final Map<String, Boolean> ended = new HashMap<>();

  synchronized void write(String pod, String container, String line) {
    lines.computeIfAbsent(pod + "/" + container, k -> new ArrayList<>()).add(line);
    notifyAll();
  }

  synchronized void end(String pod, String container) {
    ended.put(pod + "/" + container, true);
    notifyAll();
  }

  void serve(HttpExchange exchange, Matcher path) throws IOException, InterruptedException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String key = path.group(1) + "/" + query.getOrDefault("container", "");
    int from;
    synchronized (this) {
      if (!lines.containsKey(key)) {
        KubeApiStandIn.reply(exchange, 404, KubeApiStandIn.status(404, "pod not found"));
        return;
      }
      int tail = Integer.parseInt(query.getOrDefault("tailLines", "-1"));
      int size = lines.get(key).size();
      from = tail < 0 ? 0 : Math.max(0, size - tail);
    }
    boolean follow = "true".equals(query.get("follow"));
    boolean stamps = "true".equals(query.get("timestamps"));
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    int next = from;
    while (true) {
      List<String> batch;
      synchronized (this) {
        List<String> all = lines.get(key);
        while (follow && next == all.size() && !ended.getOrDefault(key, false)) {
          wait();
        }
        batch = List.copyOf(all.subList(next, all.size()));
      }
      for (String line : batch) {
        String stamp = stamps ? String.format("2026-01-01T00:00:%02d.000000000Z ", next % 60) : "";
        out.write((stamp + line + "\n").getBytes(StandardCharsets.UTF_8));
        next++;
      }
      out.flush();
      synchronized (this) {
        if (!follow || ended.getOrDefault(key, false) && next == lines.get(key).size()) {
          return;
        }
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          values.put(
              pair.substring(0, equals),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }
}
