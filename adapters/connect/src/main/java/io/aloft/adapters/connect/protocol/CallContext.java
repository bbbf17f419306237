package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** What a handler may need to know about the call besides its request message. */
public interface CallContext {

  /** The request's HTTP headers, read-only (e.g. Host or X-Forwarded-Proto). */
  HttpHeaders requestHeaders();

  /** The time the call may take, from Connect-Timeout-Ms capped by the server's maximum. */
  Optional<Duration> timeout();

  /** A context for tests and for callers that invoke handlers directly. */
  static CallContext of(HttpHeaders requestHeaders, Optional<Duration> timeout) {
    return new RequestCallContext(HttpHeaders.readOnlyHttpHeaders(requestHeaders), timeout);
  }
}
