package io.aloft.application.port.query;

import io.aloft.domain.id.TaskId;
import java.time.Instant;

/** A deployed task version as the read model holds it. {@code spec} is the serialized spec. */
public record TaskView(
    TaskId id,
    String taskType,
    String shortName,
    String environment,
    String specDigest,
    byte[] spec,
    String deployedBy,
    Instant deployedAt) {}
