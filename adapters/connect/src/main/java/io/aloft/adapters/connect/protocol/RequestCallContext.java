package io.aloft.adapters.connect.protocol;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

record RequestCallContext(HttpHeaders requestHeaders, Optional<Duration> timeout)
    implements CallContext {}
