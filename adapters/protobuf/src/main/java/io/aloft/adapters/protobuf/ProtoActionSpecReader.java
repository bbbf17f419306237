package io.aloft.adapters.protobuf;

import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.ConditionSpec;
import io.aloft.domain.execution.TaskTemplate;
import io.aloft.domain.literal.SimpleType;
import io.aloft.domain.support.Bytes;
import io.aloft.proto.run.v1.ConditionAction;
import io.aloft.proto.task.v1.RunSpec;
import io.aloft.proto.task.v1.TaskSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the specs actions store as the API's protobuf ({@code TaskSpec}, {@code ConditionAction},
 * {@code RunSpec}).
 */
public final class ProtoActionSpecReader implements ActionSpecReader {

  @Override
  public TaskTemplate taskTemplate(Bytes taskSpec) {
    TaskSpec spec =
        ProtoBytes.parse(
            TaskSpec.parser(), taskSpec.toArray(), "task spec (aloft.task.v1.TaskSpec)");
    if (!spec.hasTaskTemplate()) {
      throw new InvalidArgument("task_template is required in the task spec");
    }
    return TaskTemplates.fromProto(spec.getTaskTemplate());
  }

  @Override
  public ConditionSpec condition(Bytes conditionAction) {
    ConditionAction condition =
        ProtoBytes.parse(
            ConditionAction.parser(),
            conditionAction.toArray(),
            "condition (aloft.run.v1.ConditionAction)");
    return new ConditionSpec(
        condition.getName(), conditionType(condition), condition.getPrompt(), timeout(condition));
  }

  @Override
  public Map<String, String> runEnvironment(Bytes runSpec) {
    if (runSpec.size() == 0) {
      return Map.of();
    }
    RunSpec spec =
        ProtoBytes.parse(RunSpec.parser(), runSpec.toArray(), "run spec (aloft.task.v1.RunSpec)");
    Map<String, String> env = new LinkedHashMap<>();
    spec.getEnvs().getValuesList().forEach(pair -> env.put(pair.getKey(), pair.getValue()));
    return env;
  }

  private static SimpleType conditionType(ConditionAction condition) {
    if (!condition.hasType()
        || condition.getType().getTypeCase()
            != io.aloft.proto.core.v1.LiteralType.TypeCase.SIMPLE) {
      throw new InvalidArgument(
          "condition.type is required and must be a simple BOOLEAN, INTEGER, FLOAT or STRING type");
    }
    SimpleType type = SimpleTypes.fromProto(condition.getType().getSimple(), "condition.type");
    if (!type.isConditionType()) {
      throw new InvalidArgument(
          "condition.type " + type + " cannot be signalled; use BOOLEAN, INTEGER, FLOAT or STRING");
    }
    return type;
  }

  /** Unset or zero waits forever, which the domain expresses as no timeout. */
  private static @Nullable Duration timeout(ConditionAction condition) {
    if (!condition.hasTimeout()) {
      return null;
    }
    Duration timeout = ProtoTime.duration(condition.getTimeout());
    return timeout.isZero() ? null : timeout;
  }
}
