package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the list-and-watch loops (TaskActions, pods) share: the backoff between failed watches,
 * telling an expired resource version (410 Gone) from other watch errors, and closing quietly. Each
 * loop runs on a thread of its own, which is why pausing sleeps.
 */
public final class WatchSupport {

  /** The longest wait between two watch attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(WatchSupport.class);

  private WatchSupport() {}

  /** The server no longer has the version the watch asked for: list again. */
  public static final class Gone extends RuntimeException {
    public Gone() {
      super("resource version gone", null, false, false);
    }
  }

  /** Throws {@link Gone} or another error for an ERROR event; does nothing for any other. */
  public static void failOnError(Watch.Response<JsonObject> event, String what) {
    if (!"ERROR".equals(event.type)) {
      return;
    }
    if (event.status != null
        && event.status.getCode() != null
        && event.status.getCode() == KubeErrors.GONE) {
      throw new Gone();
    }
    throw new IllegalStateException(what + " watch error: " + event.status);
  }

  /** Whether a refused watch request means the version is gone. */
  public static boolean isGone(Exception e) {
    return e instanceof ApiException api && api.getCode() == KubeErrors.GONE;
  }

  /** Doubles from 100 ms up to {@link #MAX_BACKOFF}. */
  public static Duration next(Duration backoff) {
    Duration doubled = backoff.isZero() ? Duration.ofMillis(100) : backoff.multipliedBy(2);
    return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
  }

  /** Sleeps {@code backoff}; false when interrupted (the loop should stop). */
  public static boolean pause(Duration backoff) {
    if (backoff.isZero()) {
      return true;
    }
    try {
      Thread.sleep(backoff);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static void closeQuietly(Watch<JsonObject> watch) {
    try {
      watch.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing a watch: {}", e.getMessage());
    }
  }
}
