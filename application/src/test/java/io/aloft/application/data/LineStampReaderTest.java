package io.aloft.application.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineStampReaderTest {

  private final LineStampReader reader = new LineStampReader();

  @Test
  void linesReadOneAfterAnotherEachGetTheirOwnTime() {
    String[] stamps = {
      "2026-01-02T03:04:05.1Z",
      "2026-01-02T03:04:05.25Z",
      "2026-01-02T03:04:06Z",
      "2026-01-02T03:04:06.999999999Z",
      "2026-01-02T05:04:06+02:00",
      "2026-01-02T03:04:06.5Z",
      "2027-01-02T03:04:06.5Z"
    };
    for (String stamp : stamps) {
      assertThat(read(stamp + " m"))
          .isEqualTo(Instant.parse(stamp.replace("05:04:06+02:00", "03:04:06Z")));
    }
  }

  @Test
  void aLineThatIsNotStampedAfterOneThatWasHasNoTime() {
    read("2026-01-02T03:04:05.1Z m");

    assertThat(read("2026-01-02T03:04:05.xZ m")).isNull();
    assertThat(read("plain")).isNull();
    assertThat(reader.messageStart()).isZero();
  }

  @Test
  void theMessageStartsAfterTheStampAndItsSpace() {
    byte[] text = "..2026-01-02T03:04:05Z hello".getBytes(StandardCharsets.UTF_8);

    reader.read(text, 2, text.length);

    assertThat(reader.stamped()).isTrue();
    assertThat(reader.messageStart()).isEqualTo(23);
  }

  private Instant read(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    reader.read(text, 0, text.length);
    return reader.timestamp();
  }
}
