package io.aloft.adapters.postgres.projection;

import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSONB column mapping for the read models. Explicit field maps instead of data binding, so a
 * domain record rename never silently changes the stored shape.
 */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static String error(ExecutionError error) {
    if (error == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("code", error.code());
    map.put("message", error.message());
    map.put("kind", error.kind().name());
    map.put("errorUri", error.errorUri());
    map.put("timestamp", error.timestamp() == null ? null : error.timestamp().toString());
    return write(map);
  }

  public static ExecutionError readError(String json) {
    if (json == null) {
      return null;
    }
    JsonNode node = MAPPER.readTree(json);
    return new ExecutionError(
        text(node, "code"),
        text(node, "message"),
        ErrorKind.valueOf(text(node, "kind")),
        text(node, "errorUri"),
        node.hasNonNull("timestamp") ? Instant.parse(text(node, "timestamp")) : null);
  }

  public static String logs(List<TaskLog> logs) {
    List<Map<String, String>> list = new ArrayList<>();
    for (TaskLog log : logs) {
      list.add(Map.of("name", log.name(), "uri", log.uri()));
    }
    return write(list);
  }

  public static List<TaskLog> readLogs(String json) {
    List<TaskLog> logs = new ArrayList<>();
    if (json != null) {
      for (JsonNode node : MAPPER.readTree(json)) {
        logs.add(new TaskLog(text(node, "name"), text(node, "uri")));
      }
    }
    return logs;
  }

  public static String labels(Map<String, String> labels) {
    return write(labels);
  }

  public static Map<String, String> readLabels(String json) {
    Map<String, String> labels = new LinkedHashMap<>();
    MAPPER
        .readTree(json)
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
