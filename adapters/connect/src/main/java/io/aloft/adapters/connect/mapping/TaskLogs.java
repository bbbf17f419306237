package io.aloft.adapters.connect.mapping;

import io.aloft.domain.action.TaskLog;

/**
 * Log links between proto and domain. The domain keeps only name and URI, the parts the attempt
 * history merges on; the display hints of the proto are not stored.
 */
public final class TaskLogs {

  private TaskLogs() {}

  public static io.aloft.proto.core.v1.TaskLog toProto(TaskLog log) {
    return io.aloft.proto.core.v1.TaskLog.newBuilder()
        .setName(log.name())
        .setUri(log.uri())
        .build();
  }

  public static TaskLog fromProto(io.aloft.proto.core.v1.TaskLog log, String path) {
    String uri = Fields.required(log.getUri(), Fields.URI_MAX, path + ".uri");
    String name = Fields.maxLength(log.getName(), Fields.SHORT_TEXT_MAX, path + ".name");
    Fields.maxLength(log.getIconUri(), Fields.URI_MAX, path + ".icon_uri");
    Fields.known(log.getMessageFormat(), log.getMessageFormatValue(), path + ".message_format");
    Fields.known(log.getLinkType(), log.getLinkTypeValue(), path + ".link_type");
    return new TaskLog(name, uri);
  }
}
