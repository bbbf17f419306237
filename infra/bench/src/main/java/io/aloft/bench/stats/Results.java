package io.aloft.bench.stats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One result line, {@code RESULT scenario=... key=value ...}, which run.sh collects. */
public final class Results {

  private final Map<String, String> fields = new LinkedHashMap<>();

  public Results(String scenario) {
    fields.put("scenario", scenario);
  }

  public Results put(String key, Object value) {
    fields.put(key, String.valueOf(value));
    return this;
  }

  public Results decimal(String key, double value) {
    fields.put(key, String.format(Locale.ROOT, "%.1f", value));
    return this;
  }

  /** A free-text value as one token (the line is split on spaces); null is "none". */
  public Results token(String key, String value) {
    fields.put(key, value == null ? "none" : value.trim().replaceAll("\\s+", "_"));
    return this;
  }

  public void print() {
    StringBuilder line = new StringBuilder("RESULT");
    fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    System.out.println(line);
  }
}
