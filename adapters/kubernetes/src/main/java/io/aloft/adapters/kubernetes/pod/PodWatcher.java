package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.aloft.adapters.kubernetes.KubeErrors;
import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.WatchSupport;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The pod informer, kept as the TaskAction store's watch is: list Aloft's pods (by the attempt
 * label), then watch from the listing's resource version; when a watch ends (the server's timeout,
 * a dropped connection) resume from the last version seen; when the server has compacted that
 * version away (410 Gone) list again, drop what the listing no longer has and wake only the
 * attempts whose pods changed. A re-list every {@code resync} catches anything a watch could have
 * missed. Each event updates the {@link PodCache} first and then wakes the pod's attempt ({@link
 * PodWakeUps}), so the pass it queues reads the new state.
 *
 * <p>The watch reads a blocking stream, so it runs on a thread of its own, never on a Reactor
 * scheduler; the listing's guarded, asynchronous calls are awaited there too. Failures back off
 * from 100 ms to 10 s, never end the informer, and make the cache untrusted until a watch runs
 * again.
 */
final class PodWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PodWatcher.class);
  private static final Type EVENT = new TypeToken<Watch.Response<JsonObject>>() {}.getType();

  private final PodApi api;
  private final PodLister lister;
  private final KubernetesSettings settings;
  private final Clock clock;
  private final PodCache cache;
  private final PodWakeUps wakeUps;
  private final Sinks.Empty<Void> started = Sinks.empty();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;
  private volatile @Nullable Watch<JsonObject> current;

  PodWatcher(
      PodApi api, KubernetesSettings settings, Clock clock, PodCache cache, PodWakeUps wakeUps) {
    this.api = api;
    this.lister = new PodLister(api);
    this.settings = settings;
    this.clock = clock;
    this.cache = cache;
    this.wakeUps = wakeUps;
  }

  /** Starts the informer once; completes when the first listing is held and a watch runs. */
  Mono<Void> start() {
    if (running.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("aloft-pod-watch").start(this::run);
    }
    return started.asMono();
  }

  @Override
  public void close() {
    closed = true;
    cache.trusted(false);
    Watch<JsonObject> watch = current;
    if (watch != null) {
      WatchSupport.closeQuietly(watch);
    }
  }

  private void run() {
    Duration backoff = Duration.ZERO;
    while (!closed) {
      try {
        if (!WatchSupport.pause(backoff)) {
          closed = true;
        }
        String version = relist();
        backoff = Duration.ZERO;
        watchUntilGone(version, clock.instant().plus(settings.resync()));
      } catch (RuntimeException e) {
        cache.trusted(false);
        backoff = WatchSupport.next(backoff);
        log.warn("Pod watch: {}; listing again in {}", KubeErrors.reason(e), backoff);
      }
    }
    cache.trusted(false);
  }

  /** Lists, replaces the cache, wakes whose pods changed; returns the version to watch from. */
  private String relist() {
    PodLister.Listing listing =
        lister.list().block(settings.operationTimeout().plus(WatchSupport.MAX_BACKOFF));
    PodCache.Changes changes = cache.replace(listing.pods());
    changes.changed().forEach(wakeUps::wake);
    changes.removed().forEach(wakeUps::wakeAndDrop);
    return listing.resourceVersion();
  }

  /** Watches, resuming after each end, until the version is gone or it is time to re-list. */
  private void watchUntilGone(String fromVersion, Instant resyncAt) {
    String version = fromVersion;
    Duration backoff = Duration.ZERO;
    while (!closed && clock.instant().isBefore(resyncAt)) {
      if (!WatchSupport.pause(backoff)) {
        closed = true;
      }
      try {
        version = watchOnce(version);
        backoff = Duration.ZERO;
      } catch (WatchSupport.Gone e) {
        log.info("Pod watch: version {} is gone; listing again", version);
        cache.trusted(false);
        return;
      } catch (RuntimeException | ApiException e) {
        cache.trusted(false); // events may be passing by unseen until a watch runs again
        if (WatchSupport.isGone(e)) {
          return;
        }
        backoff = WatchSupport.next(backoff);
        log.debug("Pod watch ended ({}); resuming from {}", KubeErrors.reason(e), version);
      }
    }
  }

  /** One watch request; returns the last resource version it saw. */
  private String watchOnce(String fromVersion) throws ApiException {
    int seconds = (int) Math.max(1, settings.watchTimeout().toSeconds());
    String version = fromVersion;
    try (Watch<JsonObject> watch =
        Watch.createWatch(api.client(), api.watch(fromVersion, seconds), EVENT)) {
      current = watch;
      cache.trusted(true); // the server answered: from here on every change reaches the cache
      started.tryEmitEmpty();
      while (!closed && watch.hasNext()) {
        version = apply(watch.next(), version);
      }
    } catch (IOException e) {
      log.debug("closing a pod watch failed: {}", e.getMessage());
    } finally {
      current = null;
    }
    return version;
  }

  private String apply(Watch.Response<JsonObject> event, String version) {
    WatchSupport.failOnError(event, "pod");
    JsonObject object = event.object;
    String seen = LeanPodJson.resourceVersion(object);
    try {
      switch (event.type) {
        case "ADDED", "MODIFIED" -> changed(object);
        case "DELETED" -> deleted(object);
        default -> {} // BOOKMARK: only its resource version matters
      }
    } catch (RuntimeException e) {
      // Skipped, not retried: watching again from before it would only meet it again.
      log.warn("Pod watch: skipped a {} event that does not read as a pod ({})", event.type, e);
    }
    return seen == null ? version : seen;
  }

  private void changed(JsonObject object) {
    if (!LeanPodJson.isAloftPod(object)) {
      return;
    }
    String name = LeanPodJson.name(object);
    try {
      cache.put(LeanPod.of(object));
    } catch (RuntimeException e) {
      cache.remove(name); // the attempt's next pass reads it with a GET, and judges it
      log.warn("Pod {}: its status does not read ({}); not cached", name, e.toString());
    }
    wakeUps.wake(name);
  }

  private void deleted(JsonObject object) {
    String name = LeanPodJson.name(object);
    cache.remove(name);
    wakeUps.wakeAndDrop(name);
  }
}
