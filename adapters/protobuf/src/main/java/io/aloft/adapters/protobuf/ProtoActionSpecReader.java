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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the specs actions store as the API's protobuf ({@code TaskSpec}, {@code ConditionAction},
 * {@code RunSpec}).
 */
public final class ProtoActionSpecReader implements ActionSpecReader {

  /** The SDK's placeholder for the run's start time in a task's container args. */
  static final String RUN_START_TIME = "{{.runStartTime}}";

  private static final byte[] RUN_START_TIME_BYTES =
      RUN_START_TIME.getBytes(StandardCharsets.UTF_8);

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
  public Bytes taskInterface(Bytes taskSpec) {
    TaskSpec spec =
        ProtoBytes.parse(
            TaskSpec.parser(), taskSpec.toArray(), "task spec (aloft.task.v1.TaskSpec)");
    return Bytes.of(spec.getTaskTemplate().getInterface().toByteArray());
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

  @Override
  public Optional<String> rawDataPrefix(Bytes runSpec) {
    if (runSpec.size() == 0) {
      return Optional.empty();
    }
    RunSpec spec =
        ProtoBytes.parse(RunSpec.parser(), runSpec.toArray(), "run spec (aloft.task.v1.RunSpec)");
    String prefix = spec.getRawDataStorage().getRawDataPrefix();
    return prefix.isBlank() ? Optional.empty() : Optional.of(prefix);
  }

  @Override
  public Optional<Instant> runStartTime(Bytes runSpec) {
    if (runSpec.size() == 0) {
      return Optional.empty();
    }
    RunSpec spec =
        ProtoBytes.parse(RunSpec.parser(), runSpec.toArray(), "run spec (aloft.task.v1.RunSpec)");
    return spec.hasRunStartTime()
        ? Optional.of(
            Instant.ofEpochSecond(
                spec.getRunStartTime().getSeconds(), spec.getRunStartTime().getNanos()))
        : Optional.empty();
  }

  @Override
  public Bytes withRunStartTime(Bytes taskSpec, Instant startTime) {
    byte[] raw = taskSpec.toArray();
    if (!contains(raw, RUN_START_TIME_BYTES)) {
      return taskSpec; // the common case, decided without parsing
    }
    TaskSpec spec = ProtoBytes.parse(TaskSpec.parser(), raw, "task spec (aloft.task.v1.TaskSpec)");
    if (!spec.getTaskTemplate().hasContainer()) {
      return taskSpec;
    }
    String value = DateTimeFormatter.ISO_INSTANT.format(startTime.truncatedTo(ChronoUnit.SECONDS));
    TaskSpec.Builder builder = spec.toBuilder();
    var container = builder.getTaskTemplateBuilder().getContainerBuilder();
    for (int i = 0; i < container.getArgsCount(); i++) {
      container.setArgs(i, container.getArgs(i).replace(RUN_START_TIME, value));
    }
    return Bytes.of(ProtoBytes.deterministic(builder.build()));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
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
