package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@link TaskActionSpec} ⇄ the resource's {@code spec}, field for field (the CRD's schema names
 * them). The action id is held in full here; labels only carry sanitised copies for selection.
 */
final class SpecJson {

  private SpecJson() {}

  static JsonObject write(TaskActionSpec spec) {
    ActionId id = spec.action();
    JsonObject json = new JsonObject();
    json.addProperty("project", id.run().scope().project().name());
    json.addProperty("domain", id.run().scope().domain().name());
    json.addProperty("runName", id.run().name());
    json.addProperty("actionName", id.name());
    Json.putIfSet(json, "parentActionName", spec.parent() == null ? null : spec.parent().name());
    json.addProperty("actionType", spec.type().name().toLowerCase(Locale.ROOT));
    Json.putIfSet(json, "inputUri", spec.inputUri());
    Json.putIfSet(json, "runOutputBase", spec.runOutputBase());
    Json.putIfSet(json, "taskType", spec.taskType());
    Json.putIfSet(json, "shortName", spec.shortName());
    Json.put(json, "actionSpec", spec.spec());
    Json.putIfSet(json, "cacheKey", spec.cacheKey());
    Json.putIfSet(json, "group", spec.group());
    JsonObject env = new JsonObject();
    new TreeMap<>(spec.envVars()).forEach(env::addProperty);
    json.add("envVars", env);
    json.addProperty("createdAt", spec.createdAt().toString());
    Json.putIfSet(json, "rawDataPrefix", spec.rawDataPrefix());
    return json;
  }

  static TaskActionSpec read(JsonObject json) {
    ActionId id = actionOf(json);
    String parent = Json.string(json, "parentActionName");
    return new TaskActionSpec(
        id,
        parent == null ? null : new ActionId(id.run(), parent),
        ActionType.valueOf(Json.required(json, "actionType").toUpperCase(Locale.ROOT)),
        Json.string(json, "inputUri"),
        Json.string(json, "runOutputBase"),
        Json.string(json, "taskType"),
        Json.string(json, "shortName"),
        Objects.requireNonNullElse(Json.bytes(json, "actionSpec"), Bytes.EMPTY),
        Json.string(json, "cacheKey"),
        Json.string(json, "group"),
        envVars(json),
        Instant.parse(Json.required(json, "createdAt")),
        Json.string(json, "rawDataPrefix"));
  }

  static ActionId actionOf(JsonObject json) {
    return ActionId.of(
        Json.required(json, "project"),
        Json.required(json, "domain"),
        Json.required(json, "runName"),
        Json.required(json, "actionName"));
  }

  private static Map<String, String> envVars(JsonObject json) {
    JsonObject env = Json.object(json, "envVars");
    Map<String, String> vars = new TreeMap<>();
    if (env != null) {
      env.entrySet().forEach(e -> vars.put(e.getKey(), e.getValue().getAsString()));
    }
    return vars;
  }
}
