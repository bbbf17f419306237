package io.aloft.domain.execution;

import io.aloft.domain.action.ActionType;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What to execute for one action: the embedded counterpart of the reference's TaskAction custom
 * resource spec. It never changes after creation.
 *
 * @param action never null
 * @param parent null for a run's root action
 * @param type never null
 * @param inputUri the directory holding {@code inputs.pb}; required (checked by the controller, so
 *     a bad spec becomes a visible InvalidSpec failure rather than a lost action)
 * @param runOutputBase where the run's outputs go; required likewise
 * @param taskType the plugin to run it; required for tasks, null otherwise
 * @param shortName the task's display name, may be null
 * @param spec the action's serialized spec: a TaskSpec, TraceAction or ConditionAction
 * @param cacheKey nullable: the run-level cache key (behaviour doc section 6)
 * @param group nullable
 * @param envVars extra environment for the task, never null
 * @param createdAt never null
 * @param rawDataPrefix nullable: the run's raw data prefix (its RunSpec's raw_data_storage, else
 *     the configured default), under which each attempt gets its own folder; null means the
 *     attempt's raw data goes below its output prefix
 */
public record TaskActionSpec(
    ActionId action,
    ActionId parent,
    ActionType type,
    String inputUri,
    String runOutputBase,
    String taskType,
    String shortName,
    Bytes spec,
    String cacheKey,
    String group,
    Map<String, String> envVars,
    Instant createdAt,
    String rawDataPrefix) {

  public TaskActionSpec {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(spec, "spec");
    envVars = Map.copyOf(envVars);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A spec without a raw data prefix of its own. */
  public TaskActionSpec(
      ActionId action,
      ActionId parent,
      ActionType type,
      String inputUri,
      String runOutputBase,
      String taskType,
      String shortName,
      Bytes spec,
      String cacheKey,
      String group,
      Map<String, String> envVars,
      Instant createdAt) {
    this(
        action,
        parent,
        type,
        inputUri,
        runOutputBase,
        taskType,
        shortName,
        spec,
        cacheKey,
        group,
        envVars,
        createdAt,
        null);
  }

  /** {@code <run>-<action>}: the resource name, unique within a project and domain. */
  public String resourceName() {
    return action.run().name() + "-" + action.name();
  }
}
