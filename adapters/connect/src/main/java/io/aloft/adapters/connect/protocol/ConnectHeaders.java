package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/** The Connect protocol's own request headers and their validation. */
final class ConnectHeaders {

  static final String PROTOCOL_VERSION = "Connect-Protocol-Version";
  static final String TIMEOUT_MS = "Connect-Timeout-Ms";
  static final String STREAM_CONTENT_ENCODING = "Connect-Content-Encoding";
  static final String STREAM_ACCEPT_ENCODING = "Connect-Accept-Encoding";

  private static final String SUPPORTED_PROTOCOL_VERSION = "1";
  private static final Pattern TIMEOUT_DIGITS = Pattern.compile("[0-9]{1,10}");

  private ConnectHeaders() {}

  /** What a request's headers say about the call. */
  record CallSettings(
      Optional<Duration> timeout, Compression requestCompression, CallContext context) {}

  /**
   * Reads and validates the headers every Connect call carries.
   *
   * @param encodingHeader Content-Encoding for unary calls, Connect-Content-Encoding for streams
   * @throws ConnectException for a header with an invalid or unsupported value
   */
  static CallSettings read(HttpHeaders headers, ConnectOptions options, String encodingHeader) {
    checkProtocolVersion(headers);
    Optional<Duration> timeout = timeout(headers, options);
    String encoding = headers.getFirst(encodingHeader);
    Compression compression =
        Compression.forName(encoding)
            .orElseThrow(() -> Compression.unsupported(String.valueOf(encoding)));
    return new CallSettings(timeout, compression, CallContext.of(headers, timeout));
  }

  /**
   * Rejects a Connect-Protocol-Version other than 1. A missing header is tolerated so that plain
   * HTTP clients such as curl can call unary methods.
   */
  static void checkProtocolVersion(HttpHeaders headers) {
    String version = headers.getFirst(PROTOCOL_VERSION);
    if (version != null && !version.trim().equals(SUPPORTED_PROTOCOL_VERSION)) {
      throw new ConnectException(
          ConnectCode.INVALID_ARGUMENT,
          PROTOCOL_VERSION + " must be \"1\", got \"" + version + "\"");
    }
  }

  /**
   * The call's deadline from Connect-Timeout-Ms (1 to 10 ASCII digits), capped by the server's
   * maximum. Zero is accepted, as connect-go does: the deadline has already passed.
   */
  static Optional<Duration> timeout(HttpHeaders headers, ConnectOptions options) {
    String millis = headers.getFirst(TIMEOUT_MS);
    if (millis == null || millis.isEmpty()) {
      return Optional.empty(); // connect-go, too, reads an empty value as no timeout.
    }
    if (!TIMEOUT_DIGITS.matcher(millis).matches()) {
      throw new ConnectException(
          ConnectCode.INVALID_ARGUMENT,
          TIMEOUT_MS + " must be 1 to 10 digits of milliseconds, got \"" + millis + "\"");
    }
    Duration requested = Duration.ofMillis(Long.parseLong(millis));
    return Optional.of(
        options.timeoutCap().filter(cap -> cap.compareTo(requested) < 0).orElse(requested));
  }
}
