package io.aloft.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Command-line options of the form {@code --name=value}; every option has a default. */
public final class BenchOptions {

  private final Map<String, String> values = new HashMap<>();

  public BenchOptions(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      int equals = arg.indexOf('=');
      values.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
  }

  /** The manager's base URL; only loopback addresses are accepted. */
  public String url() {
    String url = text("url", "http://localhost:18090");
    String host = URI.create(url).getHost();
    if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
      throw new IllegalArgumentException("the harness only targets localhost, not " + host);
    }
    return url;
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  public long pid(String name) {
    return values.containsKey(name) ? Long.parseLong(values.get(name)) : -1;
  }
}
