package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ConnectHeadersTest {

  private static final ConnectOptions CAPPED =
      ConnectOptions.defaults().withMaxTimeout(Duration.ofSeconds(10));

  @Test
  void givenTimeoutHeader_WhenRead_ThenMillisecondsCappedByServer() {
    assertThat(ConnectHeaders.timeout(timeout("0"), CAPPED)).contains(Duration.ZERO);
    assertThat(ConnectHeaders.timeout(timeout("2500"), CAPPED)).contains(Duration.ofMillis(2500));
    assertThat(ConnectHeaders.timeout(timeout("9999999999"), CAPPED))
        .contains(Duration.ofSeconds(10));
    assertThat(ConnectHeaders.timeout(new HttpHeaders(), CAPPED)).isEmpty();
  }

  @Test
  void givenStreamHeaders_WhenRead_ThenEncodingFromConnectContentEncoding() {
    HttpHeaders headers = timeout("100");
    headers.set("Connect-Content-Encoding", "gzip");
    headers.set("Content-Encoding", "br");

    ConnectHeaders.CallSettings call =
        ConnectHeaders.read(headers, CAPPED, ConnectHeaders.STREAM_CONTENT_ENCODING);

    assertThat(call.requestCompression()).isEqualTo(Compression.GZIP);
    assertThat(call.context().timeout()).contains(Duration.ofMillis(100));
    assertThat(call.context().requestHeaders().getFirst("Content-Encoding")).isEqualTo("br");
  }

  @Test
  void givenInvalidOptions_WhenBuilt_ThenRejected() {
    assertThatThrownBy(() -> ConnectOptions.defaults().withMaxMessageBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectOptions.defaults().withStreamPrefetch(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectOptions.defaults().withMaxTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static HttpHeaders timeout(String millis) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Connect-Timeout-Ms", millis);
    return headers;
  }
}
