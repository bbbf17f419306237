package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.ErrorKind;
import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.action.TaskLog;
import org.junit.jupiter.api.Test;

/** Execution errors, cache statuses and log links: the parts of an attempt report. */
class AttemptFieldsTest {

  @Test
  void givenAnExecutionError_WhenMappedToProtoAndBack_ThenEqual() {
    for (ErrorKind kind : ErrorKind.values()) {
      ExecutionError error =
          new ExecutionError("OOMKilled", "out of memory", kind, "s3://e", TestData.T0);

      assertThat(ExecutionErrors.fromProto(ExecutionErrors.toProto(error), "e")).isEqualTo(error);
    }
    ExecutionError bare = new ExecutionError("", "", ErrorKind.USER, null, null);
    assertThat(ExecutionErrors.fromProto(ExecutionErrors.toProto(bare), "e")).isEqualTo(bare);
  }

  @Test
  void givenBadExecutionErrors_WhenRead_ThenInvalidNamingTheField() {
    var unknownKind = io.aloft.proto.core.v1.ExecutionError.newBuilder().setKindValue(5).build();
    var longCode =
        io.aloft.proto.core.v1.ExecutionError.newBuilder().setCode("c".repeat(256)).build();

    assertInvalid(
        () -> ExecutionErrors.fromProto(unknownKind, "events[0].error_info"),
        "events[0].error_info.kind has the unknown value 5");
    assertInvalid(
        () -> ExecutionErrors.fromProto(longCode, "error_info"),
        "error_info.code is too long (256 characters); use at most 255");
  }

  @Test
  void givenEveryCacheStatus_WhenMappedToProtoAndBack_ThenEqualAndSameOrdinal() {
    for (CacheStatus status : CacheStatus.values()) {
      var proto = CacheStatuses.toProto(status);

      assertThat(proto.getNumber()).isEqualTo(status.ordinal());
      assertThat(CacheStatuses.fromProto(proto, proto.getNumber(), "c")).isEqualTo(status);
    }
  }

  @Test
  void givenAnUnknownCacheStatus_WhenRead_ThenInvalid() {
    assertInvalid(
        () -> CacheStatuses.fromProto(io.aloft.proto.core.v1.CacheStatus.UNRECOGNIZED, 77, "cache"),
        "cache has the unknown value 77");
  }

  @Test
  void givenALogLink_WhenMappedToProtoAndBack_ThenNameAndUriKept() {
    TaskLog log = new TaskLog("stdout", "https://logs/1");

    assertThat(TaskLogs.fromProto(TaskLogs.toProto(log), "log")).isEqualTo(log);
    assertInvalid(
        () ->
            TaskLogs.fromProto(
                io.aloft.proto.core.v1.TaskLog.newBuilder().setName("x").build(), "log_info[2]"),
        "log_info[2].uri is required");
  }
}
