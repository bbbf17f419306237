package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.aloft.application.port.execution.TaskActionChange;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The store's change stream, as an informer keeps it: list, then watch from the listing's resource
 * version; when a watch ends (the server's timeout, a dropped connection) resume from the last
 * version seen; when the server has compacted that version away (410 Gone) list again and announce
 * only the differences. A re-list every {@code resync} catches anything a watch could have missed.
 *
 * <p>The watch reads a blocking stream, so it runs on a thread of its own, never on a Reactor
 * scheduler. Its failures back off from 100 ms to 10 s and never end the stream.
 */
final class TaskActionWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskActionWatcher.class);
  private static final Type EVENT = new TypeToken<Watch.Response<JsonObject>>() {}.getType();

  private final TaskActionApi api;
  private final ResourceLister lister;
  private final KnownResources known;
  private final KubernetesSettings settings;
  private final Clock clock;
  private final LargeParts parts;
  private final Sinks.Many<TaskActionChange> changes = Sinks.many().multicast().directBestEffort();
  private final Sinks.Empty<Void> started = Sinks.empty();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;
  private volatile Watch<JsonObject> current;

  TaskActionWatcher(
      TaskActionApi api,
      ResourceLister lister,
      KubernetesSettings settings,
      Clock clock,
      LargeParts parts) {
    this.api = api;
    this.parts = parts;
    this.lister = lister;
    this.settings = settings;
    this.clock = clock;
    this.known = new KnownResources(change -> changes.tryEmitNext(change));
  }

  /** What this process wrote, announced at once (the watch reports it again; it is skipped). */
  KnownResources known() {
    return known;
  }

  Flux<TaskActionChange> changes() {
    return start().thenMany(changes.asFlux());
  }

  /** Starts the watch once; completes when the first listing is known and the watch runs. */
  Mono<Void> start() {
    if (running.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("aloft-taskaction-watch").start(this::run);
    }
    return started.asMono();
  }

  @Override
  public void close() {
    closed = true;
    Watch<JsonObject> watch = current;
    if (watch != null) {
      WatchSupport.closeQuietly(watch);
    }
  }

  private void run() {
    boolean first = true;
    Duration backoff = Duration.ZERO;
    while (!closed) {
      try {
        if (!WatchSupport.pause(backoff)) {
          closed = true;
        }
        String version = relist(!first);
        first = false;
        started.tryEmitEmpty();
        backoff = Duration.ZERO;
        watchUntilGone(version, clock.instant().plus(settings.resync()));
      } catch (RuntimeException e) {
        backoff = WatchSupport.next(backoff);
        log.warn("TaskAction watch: {}; listing again in {}", KubeErrors.reason(e), backoff);
      }
    }
  }

  /** Lists everything; returns the listing's resource version to watch from. */
  private String relist(boolean announce) {
    ResourceLister.Listing listing =
        lister.listAll().block(settings.operationTimeout().plus(WatchSupport.MAX_BACKOFF));
    List<JsonObject> items = announce ? resolved(listing.items()) : listing.items();
    known.relisted(items, Long.parseLong(listing.resourceVersion()), announce);
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
        log.info("TaskAction watch: version {} is gone; listing again", version);
        return;
      } catch (RuntimeException | ApiException e) {
        if (WatchSupport.isGone(e)) {
          return;
        }
        backoff = WatchSupport.next(backoff);
        log.debug("TaskAction watch ended ({}); resuming from {}", KubeErrors.reason(e), version);
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
      while (!closed && watch.hasNext()) {
        version = apply(watch.next(), version);
      }
    } catch (IOException e) {
      log.debug("closing a watch failed: {}", e.getMessage());
    } finally {
      current = null;
    }
    return version;
  }

  private String apply(Watch.Response<JsonObject> event, String version) {
    WatchSupport.failOnError(event, "TaskAction");
    JsonObject object = event.object;
    String seen = TaskActionResources.resourceVersionText(object);
    switch (event.type) {
      case "ADDED", "MODIFIED" -> {
        JsonObject resolved = resolved(object);
        if (resolved != null) {
          known.written(resolved);
        }
      }
      case "DELETED" -> known.removed(object);
      default -> {} // BOOKMARK: only its resource version matters
    }
    return seen == null ? version : seen;
  }

  /**
   * The resource with its offloaded parts read back (this thread may wait for storage); null when
   * they cannot be read, which is logged: the next write or re-list brings it again. A re-list
   * keeps such a resource as it is, so it is not taken for removed (nor announced: it does not read
   * as a TaskAction until its parts are back).
   */
  private @Nullable JsonObject resolved(JsonObject resource) {
    try {
      return parts.resolve(resource).block(settings.operationTimeout());
    } catch (RuntimeException e) {
      log.warn(
          "TaskAction {}: its parts in storage cannot be read ({}); skipped until it changes",
          TaskActionResources.name(resource),
          KubeErrors.reason(e));
      return null;
    }
  }

  private List<JsonObject> resolved(List<JsonObject> resources) {
    List<JsonObject> out = new ArrayList<>(resources.size());
    for (JsonObject resource : resources) {
      JsonObject resolved = resolved(resource);
      out.add(resolved == null ? resource : resolved);
    }
    return out;
  }
}
