package io.aloft.bench.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopesTest {

  @Test
  void framesCutAtEveryPossiblePlaceAreDecodedWholeAndInOrder() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<byte[]> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] message = new byte[i * 37];
      Arrays.fill(message, (byte) i);
      messages.add(message);
      stream.writeBytes(Envelopes.frame(message));
    }
    byte[] bytes = stream.toByteArray();

    for (int piece : new int[] {1, 2, 4, 5, 6, 7, 100, 1000, bytes.length}) {
      Envelopes envelopes = new Envelopes();
      List<byte[]> decoded = new ArrayList<>();
      for (int at = 0; at < bytes.length; at += piece) {
        byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + piece));
        envelopes.feed(chunk).forEach(frame -> decoded.add(frame.payload()));
      }
      assertThat(decoded).as("pieces of %d bytes", piece).hasSize(messages.size());
      for (int i = 0; i < messages.size(); i++) {
        assertThat(decoded.get(i)).isEqualTo(messages.get(i));
      }
    }
  }
}
