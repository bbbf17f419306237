package io.aloft.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputsHashTest {

  /** Published FNV-1a 64-bit test vectors (Fowler/Noll/Vo), and their base64url form. */
  @ParameterizedTest
  @CsvSource({
    "'', cbf29ce484222325, y_Kc5IQiIyU",
    "a, af63dc4c8601ec8c, r2PcTIYB7Iw",
    "foobar, 85944171f73967e8, hZRBcfc5Z-g"
  })
  void givenKnownVector_WhenHashed_ThenPublishedValueBase64UrlEncoded(
      String text, String hex, String expected) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Long.toHexString(InputsHash.fnv64a(bytes))).isEqualTo(hex);
    assertThat(InputsHash.of(bytes)).isEqualTo(expected);
  }

  @Test
  void givenHighBytes_WhenHashed_ThenTreatedAsUnsigned() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    assertThat(InputsHash.of(bytes)).isEqualTo("QkLcUknDNiU");
    assertThat(InputsHash.of(new byte[] {(byte) 0xff}))
        .isNotEqualTo(InputsHash.of(new byte[] {0x7f}));
  }
}
