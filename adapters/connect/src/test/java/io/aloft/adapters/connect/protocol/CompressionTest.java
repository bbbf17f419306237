package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompressionTest {

  @Test
  void givenGzip_WhenRoundTripped_ThenSameBytes() {
    byte[] data = "hello hello hello".getBytes();
    assertThat(Compression.GZIP.decompress(Compression.GZIP.compress(data), 100)).isEqualTo(data);
  }

  @Test
  void givenExpansionPastLimit_WhenDecompressed_ThenResourceExhausted() {
    byte[] bomb = Compression.GZIP.compress(new byte[10_000]);
    assertCode(() -> Compression.GZIP.decompress(bomb, 9_999), ConnectCode.RESOURCE_EXHAUSTED);
    assertThat(Compression.GZIP.decompress(bomb, 10_000)).hasSize(10_000);
  }

  @Test
  void givenCorruptGzip_WhenDecompressed_ThenInvalidArgument() {
    assertCode(
        () -> Compression.GZIP.decompress(new byte[] {1, 2, 3}, 100), ConnectCode.INVALID_ARGUMENT);
  }

  @Test
  void givenEncodingNames_WhenLookedUp_ThenKnownOnesFound() {
    assertThat(Compression.forName(null)).contains(Compression.IDENTITY);
    assertThat(Compression.forName("")).contains(Compression.IDENTITY);
    assertThat(Compression.forName("GZIP")).contains(Compression.GZIP);
    assertThat(Compression.forName("br")).isEmpty();
  }

  @Test
  void givenAcceptEncoding_WhenNegotiated_ThenGzipOnlyIfAcceptable() {
    assertThat(Compression.negotiate(null)).isEqualTo(Compression.IDENTITY);
    assertThat(Compression.negotiate("deflate, gzip")).isEqualTo(Compression.GZIP);
    assertThat(Compression.negotiate("gzip; q=0")).isEqualTo(Compression.IDENTITY);
    assertThat(Compression.negotiate("gzip;q=0.000")).isEqualTo(Compression.IDENTITY);
    assertThat(Compression.negotiate("gzip;q=0.5")).isEqualTo(Compression.GZIP);
    assertThat(Compression.negotiate("identity")).isEqualTo(Compression.IDENTITY);
  }

  private static void assertCode(Runnable action, ConnectCode code) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            ConnectException.class, error -> assertThat(error.code()).isEqualTo(code));
  }
}
