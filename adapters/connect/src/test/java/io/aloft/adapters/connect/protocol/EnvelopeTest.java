package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

  @Test
  void givenMessage_WhenWritten_ThenFlagBigEndianLengthAndPayload() {
    byte[] payload = new byte[0x0102];
    byte[] wire = Envelope.message(payload, true).toBytes();

    assertThat(wire).hasSize(5 + 0x0102);
    assertThat(wire).startsWith(0x01, 0x00, 0x00, 0x01, 0x02);
  }

  @Test
  void givenWrittenEnvelope_WhenReadBack_ThenSameFlagsAndPayload() {
    Envelope read = Envelope.readSingle(Envelope.message(new byte[] {7, 8}, true).toBytes(), 10);

    assertThat(read.compressed()).isTrue();
    assertThat(read.endStream()).isFalse();
    assertThat(read.payload()).containsExactly(7, 8);
  }

  @Test
  void givenEndStream_WhenWritten_ThenFlagTwo() {
    assertThat(Envelope.endStream(new byte[] {'{', '}'}).toBytes())
        .containsExactly(0x02, 0, 0, 0, 2, '{', '}');
  }

  @Test
  void givenBadFrames_WhenRead_ThenCodes() {
    assertCode(new byte[] {0, 0, 0}, ConnectCode.INVALID_ARGUMENT);
    assertCode(new byte[] {0, 0, 0, 0, 3, 1, 2}, ConnectCode.INVALID_ARGUMENT);
    assertCode(new byte[] {0, 0, 0, 0, 1, 1, 2}, ConnectCode.INVALID_ARGUMENT);
    assertCode(new byte[] {0x02, 0, 0, 0, 0}, ConnectCode.INVALID_ARGUMENT);
    assertCode(
        new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
        ConnectCode.RESOURCE_EXHAUSTED);
    assertCode(new byte[] {0, 0, 0, 0, 11}, ConnectCode.RESOURCE_EXHAUSTED);
  }

  private static void assertCode(byte[] frame, ConnectCode code) {
    assertThatThrownBy(() -> Envelope.readSingle(frame, 10))
        .isInstanceOfSatisfying(
            ConnectException.class, error -> assertThat(error.code()).isEqualTo(code));
  }
}
