package io.aloft.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.action.ActionEventRecorded;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/** Events stored before a field was added still read back, with the new field null. */
@SpringBootTest(classes = PostgresTestApplication.class)
class EventCompatibilityTest {

  private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

  @Autowired
  @Qualifier("eventSerializer")
  Serializer serializer;

  @Test
  void givenAnActionEventRecordedStoredWithoutReportUri_WhenRead_ThenItHasNone() {
    ActionEventRecorded withReport = event("s3://b/report.html");
    SerializedObject<byte[]> stored = serializer.serialize(withReport, byte[].class);
    String json = new String(stored.getData(), StandardCharsets.UTF_8);
    assertThat(json).contains("\"reportUri\":\"s3://b/report.html\"");

    String old = json.replace(",\"reportUri\":\"s3://b/report.html\"", "");
    assertThat(old).doesNotContain("reportUri");
    ActionEventRecorded read =
        serializer.deserialize(
            new SimpleSerializedObject<>(
                old.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType()));

    assertThat(read).isEqualTo(event(null));
    assertThat(serializer.<byte[], ActionEventRecorded>deserialize(stored)).isEqualTo(withReport);
  }

  private static ActionEventRecorded event(String reportUri) {
    return new ActionEventRecorded(
        ActionId.root(RunId.of("p", "development", "r1")),
        new EventKey(1, ActionPhase.SUCCEEDED, 3),
        T,
        T,
        null,
        List.of(),
        "s3://b/outputs.pb",
        CacheStatus.UNSPECIFIED,
        "local",
        ActionPhase.RUNNING,
        1,
        reportUri);
  }
}
