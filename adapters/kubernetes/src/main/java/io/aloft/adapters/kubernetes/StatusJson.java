package io.aloft.adapters.kubernetes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskActionStatus;
import io.aloft.domain.support.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link TaskActionStatus} ⇄ the resource's {@code status}. Written whole, with explicit nulls for
 * absent values, so one merge patch replaces the previous status exactly.
 */
final class StatusJson {

  private StatusJson() {}

  static JsonObject write(TaskActionStatus status) {
    return write(status, ResourceLimits.DEFAULT_MAX_MESSAGE_CHARS);
  }

  /**
   * The status with its messages cut to {@code maxMessageChars} (a plugin's or a task's error text
   * has no bound of its own), and explicit nulls for the references of offloaded fields, which
   * {@link LargeParts#fitStatus} sets when a byte field is large.
   */
  static JsonObject write(TaskActionStatus status, int maxMessageChars) {
    JsonObject json = new JsonObject();
    json.addProperty("phase", status.phase().name());
    json.addProperty("reason", status.reason().name());
    Json.put(json, "message", cut(status.message(), maxMessageChars));
    json.addProperty("attempts", status.attempts());
    json.addProperty("systemFailures", status.systemFailures());
    json.addProperty("finalizer", status.finalizer());
    Json.put(json, "pluginState", status.pluginState());
    json.addProperty("eventVersion", status.eventVersion());
    json.add(
        "error",
        status.error() == null ? JsonNull.INSTANCE : error(status.error(), maxMessageChars));
    json.addProperty("cacheStatus", status.cacheStatus().name());
    Json.put(json, "attemptStartedAt", status.attemptStartedAt());
    Json.put(json, "updatedAt", status.updatedAt());
    Json.put(json, "signal", status.signal());
    JsonArray logs = new JsonArray();
    for (TaskLog log : status.logs()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("name", log.name());
      entry.addProperty("uri", log.uri());
      logs.add(entry);
    }
    json.add("logs", logs);
    Json.put(json, "outputUri", status.outputUri());
    Json.put(json, "reportUri", status.reportUri());
    for (String field : LargeParts.STATUS_FIELDS) {
      json.add(field + "Ref", JsonNull.INSTANCE);
    }
    return json;
  }

  /** {@code text} cut to {@code max} characters, saying how much was cut. */
  static @Nullable String cut(@Nullable String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    String note = "… (" + (text.length() - max) + " more characters cut)";
    int keep = Math.max(0, max - note.length());
    if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + note;
  }

  static TaskActionStatus read(JsonObject json) {
    return new TaskActionStatus(
        ActionPhase.valueOf(Json.required(json, "phase")),
        ExecutionReason.valueOf(Json.required(json, "reason")),
        Json.string(json, "message"),
        json.get("attempts").getAsInt(),
        json.get("systemFailures").getAsInt(),
        json.get("finalizer").getAsBoolean(),
        Objects.requireNonNullElse(Json.bytes(json, "pluginState"), Bytes.EMPTY),
        json.get("eventVersion").getAsLong(),
        readError(Json.object(json, "error")),
        CacheStatus.valueOf(Json.required(json, "cacheStatus")),
        Json.instant(json, "attemptStartedAt"),
        Objects.requireNonNull(Json.instant(json, "updatedAt"), "updatedAt"),
        Json.bytes(json, "signal"),
        logs(json.get("logs")),
        Json.string(json, "outputUri"),
        Json.string(json, "reportUri"));
  }

  private static JsonObject error(ExecutionError error, int maxMessageChars) {
    JsonObject json = new JsonObject();
    json.addProperty("code", cut(error.code(), 256));
    json.addProperty("message", cut(error.message(), maxMessageChars));
    json.addProperty("kind", error.kind().name());
    Json.put(json, "errorUri", error.errorUri());
    Json.put(json, "timestamp", error.timestamp());
    return json;
  }

  private static @Nullable ExecutionError readError(@Nullable JsonObject json) {
    if (json == null) {
      return null;
    }
    return new ExecutionError(
        Json.required(json, "code"),
        Json.required(json, "message"),
        ErrorKind.valueOf(Json.required(json, "kind")),
        Json.string(json, "errorUri"),
        Json.instant(json, "timestamp"));
  }

  private static List<TaskLog> logs(@Nullable JsonElement json) {
    List<TaskLog> logs = new ArrayList<>();
    if (json != null && json.isJsonArray()) {
      for (JsonElement entry : json.getAsJsonArray()) {
        JsonObject log = entry.getAsJsonObject();
        logs.add(new TaskLog(Json.required(log, "name"), Json.required(log, "uri")));
      }
    }
    return logs;
  }
}
