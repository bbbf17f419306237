package io.aloft.adapters.connect.mapping;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.aloft.application.port.query.ActionEventView;
import io.aloft.proto.events.v1.ActionEvent;
import io.aloft.proto.run.v1.ActionEventRecord;
import org.jspecify.annotations.Nullable;

/**
 * Stored domain events to audit-log records. Executor reports come back as the {@code ActionEvent}
 * they were recorded from; other events (creation, abort requests) carry their actor and reason in
 * the JSON payload.
 */
public final class EventRecords {

  private EventRecords() {}

  public static ActionEventRecord toProto(ActionEventView view) {
    ActionEventRecord.Builder record =
        ActionEventRecord.newBuilder()
            .setPosition(view.position())
            .setSequence(view.sequence())
            .setActionId(Ids.toProto(view.actionId()))
            .setType(view.type());
    if (view.recordedAt() != null) {
      record.setTimestamp(Timestamps.toProto(view.recordedAt()));
    }
    if (view.key() != null) {
      record.setAttempt(view.key().attempt()).setPhase(Phases.toProto(view.key().phase()));
    }
    // Executor fields are set exactly for executor reports (see ActionEventView).
    if (view.key() != null && view.updatedTime() != null) {
      record.setEvent(executorReport(view));
    } else {
      record.setPayload(payload(view));
    }
    return record.build();
  }

  private static ActionEvent executorReport(ActionEventView view) {
    ActionEvent.Builder event =
        ActionEvent.newBuilder()
            .setId(Ids.toProto(view.actionId()))
            .setAttempt(view.key().attempt())
            .setPhase(Phases.toProto(view.key().phase()))
            .setVersion(view.key().version())
            .setUpdatedTime(Timestamps.toProto(view.updatedTime()));
    if (view.reportedTime() != null) {
      event.setReportedTime(Timestamps.toProto(view.reportedTime()));
    }
    if (view.error() != null) {
      event.setErrorInfo(ExecutionErrors.toProto(view.error()));
    }
    if (view.outputUri() != null || view.reportUri() != null) {
      event.setOutputs(ActionDetailsMapper.outputs(view.outputUri(), view.reportUri()));
    }
    if (view.cacheStatus() != null) {
      event.setCacheStatus(CacheStatuses.toProto(view.cacheStatus()));
    }
    if (view.cluster() != null) {
      event.setCluster(view.cluster());
    }
    view.logs().forEach(log -> event.addLogInfo(TaskLogs.toProto(log)));
    return event.build();
  }

  private static Struct payload(ActionEventView view) {
    Struct.Builder payload = Struct.newBuilder();
    put(payload, "actor", view.actor());
    put(payload, "reason", view.reason());
    return payload.build();
  }

  private static void put(Struct.Builder payload, String key, @Nullable String value) {
    if (value != null) {
      payload.putFields(key, Value.newBuilder().setStringValue(value).build());
    }
  }
}
