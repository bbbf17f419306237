package io.aloft.adapters.connect.events;

import io.aloft.adapters.connect.mapping.CacheStatuses;
import io.aloft.adapters.connect.mapping.ExecutionErrors;
import io.aloft.adapters.connect.mapping.Fields;
import io.aloft.adapters.connect.mapping.Ids;
import io.aloft.adapters.connect.mapping.Phases;
import io.aloft.adapters.connect.mapping.TaskLogs;
import io.aloft.adapters.connect.mapping.Timestamps;
import io.aloft.application.events.RecordEventsUseCase;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.events.v1.RecordRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the executor reports of a Record call and turns each into a command. Log contexts and
 * cluster events are checked by the proto parser only: the domain does not store them yet.
 */
public final class ActionEventRequests {

  private ActionEventRequests() {}

  /**
   * @param receivedAt stands in for {@code updated_time} when an event carries neither it nor
   *     {@code reported_time}
   */
  public static List<RecordActionEvent> toCommands(RecordRequest request, Instant receivedAt) {
    int count = request.getEventsCount();
    if (count == 0) {
      throw new InvalidArgument("events must hold at least one event");
    }
    if (count > RecordEventsUseCase.MAX_EVENTS_PER_CALL) {
      throw new InvalidArgument(
          "events holds "
              + count
              + " events; send at most "
              + RecordEventsUseCase.MAX_EVENTS_PER_CALL
              + " per call");
    }
    List<RecordActionEvent> commands = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      commands.add(toCommand(request.getEvents(i), Fields.element("events", i), receivedAt));
    }
    return commands;
  }

  static RecordActionEvent toCommand(ActionEvent event, String path, Instant receivedAt) {
    Fields.require(event.hasId(), path + ".id");
    ActionId id = Ids.actionId(event.getId(), path + ".id");
    EventKey key = key(event, path);
    Instant reported =
        Timestamps.fromProtoIfSet(
            event.hasReportedTime(), event.getReportedTime(), path + ".reported_time");
    Instant updated =
        Timestamps.fromProtoIfSet(
            event.hasUpdatedTime(), event.getUpdatedTime(), path + ".updated_time");
    Timestamps.fromProtoIfSet(
        event.hasStartedTime(), event.getStartedTime(), path + ".started_time");
    ExecutionError error =
        event.hasErrorInfo()
            ? ExecutionErrors.fromProto(event.getErrorInfo(), path + ".error_info")
            : null;
    return new RecordActionEvent(
        id,
        key,
        updated != null ? updated : reported != null ? reported : receivedAt,
        reported,
        error,
        logs(event, path + ".log_info"),
        outputUri(event, path + ".outputs"),
        CacheStatuses.fromProto(
            event.getCacheStatus(), event.getCacheStatusValue(), path + ".cache_status"),
        Fields.optional(event.getCluster(), Fields.SHORT_TEXT_MAX, path + ".cluster"),
        Fields.optional(
            event.getOutputs().getReportUri(), Fields.URI_MAX, path + ".outputs.report_uri"));
  }

  static EventKey key(ActionEvent event, String path) {
    if (event.getAttempt() == 0) {
      throw new InvalidArgument(path + ".attempt starts at 1");
    }
    int attempt = Fields.uint32(event.getAttempt(), Integer.MAX_VALUE, path + ".attempt");
    int version = Fields.uint32(event.getVersion(), Integer.MAX_VALUE, path + ".version");
    return new EventKey(attempt, Phases.fromProto(event.getPhase(), path + ".phase"), version);
  }

  private static List<TaskLog> logs(ActionEvent event, String path) {
    List<TaskLog> logs = new ArrayList<>(event.getLogInfoCount());
    for (int i = 0; i < event.getLogInfoCount(); i++) {
      logs.add(TaskLogs.fromProto(event.getLogInfo(i), Fields.element(path, i)));
    }
    return logs;
  }

  private static @Nullable String outputUri(ActionEvent event, String path) {
    return Fields.optional(event.getOutputs().getOutputUri(), Fields.URI_MAX, path + ".output_uri");
  }
}
