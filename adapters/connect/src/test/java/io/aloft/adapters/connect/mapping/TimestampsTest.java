package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void givenAnInstantWithNanos_WhenMappedToProtoAndBack_ThenEqual() {
    Instant instant = Instant.parse("2026-05-06T07:08:09.123456789Z");

    Timestamp proto = Timestamps.toProto(instant);

    assertThat(proto.getSeconds()).isEqualTo(instant.getEpochSecond());
    assertThat(proto.getNanos()).isEqualTo(123_456_789);
    assertThat(Timestamps.fromProto(proto, "t")).isEqualTo(instant);
  }

  @Test
  void givenTheEdgesOfTheRange_WhenRead_ThenAccepted() {
    assertThat(
            Timestamps.fromProto(Timestamp.newBuilder().setSeconds(-62_135_596_800L).build(), "t"))
        .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(
            Timestamps.fromProto(Timestamp.newBuilder().setSeconds(253_402_300_799L).build(), "t"))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
  }

  @Test
  void givenOutOfRangeValues_WhenRead_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> Timestamps.fromProto(Timestamp.newBuilder().setNanos(-1).build(), "from_time"),
        "from_time is not a valid timestamp (seconds 0, nanos -1); use a time between years 1"
            + " and 9999");
    assertInvalid(
        () ->
            Timestamps.fromProto(
                Timestamp.newBuilder().setSeconds(253_402_300_800L).build(), "run_start_time"),
        "run_start_time is not a valid timestamp (seconds 253402300800, nanos 0); use a time"
            + " between years 1 and 9999");
  }

  @Test
  void givenAnUnsetField_WhenReadIfSet_ThenNull() {
    assertThat(Timestamps.fromProtoIfSet(false, Timestamp.getDefaultInstance(), "t")).isNull();
  }
}
