package io.aloft.adapters.kubernetes.leader;

import com.google.gson.JsonObject;
import io.aloft.adapters.kubernetes.KubeErrors;
import io.aloft.application.port.execution.Leadership;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease, as client-go's leaderelection does it,
 * written on client-java's {@link io.kubernetes.client.openapi.apis.CoordinationV1Api}.
 *
 * <ul>
 *   <li>Every {@code retryPeriod} each replica reads the Lease. A follower takes it over once its
 *       holder has not renewed it for {@code leaseDuration}, timed by this replica's clock from
 *       when it last saw the Lease change (never from the times written in it: clocks differ), or
 *       at once when it has no holder. Every write carries the resource version read, so of two
 *       replicas taking it over at once the API server lets one win and answers the other 409.
 *   <li>The leader renews it. When it could not renew for {@code renewDeadline} (shorter than the
 *       lease duration) it steps down, so it has stopped before anyone else may start; it steps
 *       down at once when the Lease shows another holder or a write of its loses (409).
 *   <li>{@link #leading()} says so as soon as it changes. {@link #close()} steps down and releases
 *       the Lease (no holder), so a successor need not wait for it to expire.
 * </ul>
 *
 * {@link #step()} is one attempt, for tests that move the clock themselves; {@link #start} runs it
 * every retry period.
 */
public final class LeaderElection implements Leadership, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private enum Outcome {
    HELD,
    HELD_BY_OTHER,
    LOST_RACE
  }

  private final LeaseApi api;
  private final LeaderElectionSettings settings;
  private final Clock clock;
  private final Sinks.Many<Boolean> states = Sinks.many().replay().latest();
  private final Disposable.Swap loop = Disposables.swap();
  private volatile boolean leading;
  private volatile Instant renewedAt = Instant.EPOCH;
  private volatile String observedVersion = "";
  private volatile Instant observedAt = Instant.EPOCH;

  public LeaderElection(ApiClient client, LeaderElectionSettings settings, Clock clock) {
    this.api = new LeaseApi(client, settings.namespace());
    this.settings = settings;
    this.clock = clock;
    states.tryEmitNext(false);
  }

  public String identity() {
    return settings.identity();
  }

  @Override
  public Flux<Boolean> leading() {
    return states.asFlux().distinctUntilChanged();
  }

  public boolean isLeading() {
    return leading;
  }

  /** Tries to acquire or renew every retry period, on {@code timers}, until {@link #close()}. */
  public void start(Scheduler timers) {
    loop.update(
        Flux.interval(Duration.ZERO, settings.retryPeriod(), timers)
            .onBackpressureDrop()
            .concatMap(tick -> step())
            .subscribe());
  }

  /** One attempt to acquire or renew the Lease; whether this replica leads afterwards. */
  public Mono<Boolean> step() {
    return Mono.defer(
        () -> {
          Instant now = clock.instant();
          if (leading && !now.isBefore(deadline())) {
            stepDown("the Lease could not be renewed within " + settings.renewDeadline());
          }
          Duration limit = leading ? Duration.between(now, deadline()) : settings.renewDeadline();
          return tryAcquireOrRenew(now)
              .timeout(limit)
              .onErrorResume(
                  error -> {
                    log.warn(
                        "Lease {} could not be read or written: {}",
                        settings.leaseName(),
                        KubeErrors.reason(error));
                    return Mono.empty();
                  })
              .map(outcome -> settle(outcome, now))
              .switchIfEmpty(Mono.fromSupplier(this::afterFailure));
        });
  }

  /** Steps down (if leading) and gives the Lease up, so another replica may take it at once. */
  public Mono<Void> release() {
    return Mono.defer(
        () -> {
          if (!leading) {
            return Mono.empty();
          }
          stepDown("released");
          Instant now = clock.instant();
          return api.get(settings.leaseName(), settings.renewDeadline())
              .filter(lease -> settings.identity().equals(LeaseRecord.holder(lease)))
              .flatMap(
                  lease ->
                      api.replace(
                          settings.leaseName(),
                          LeaseRecord.released(lease, now),
                          settings.renewDeadline()))
              .onErrorResume(
                  error -> {
                    log.warn(
                        "Lease {} was not released: {}", settings.leaseName(), error.toString());
                    return Mono.empty();
                  })
              .then();
        });
  }

  /** Stops the loop and releases the Lease (waiting at most the renew deadline). */
  @Override
  public void close() {
    loop.dispose();
    release().block(settings.renewDeadline().plusSeconds(1));
  }

  private Mono<Outcome> tryAcquireOrRenew(Instant now) {
    return api.get(settings.leaseName(), settings.renewDeadline())
        .flatMap(lease -> update(lease, now))
        .switchIfEmpty(Mono.defer(() -> create(now)));
  }

  private Mono<Outcome> create(Instant now) {
    JsonObject lease =
        LeaseRecord.newLease(
            settings.namespace(),
            settings.leaseName(),
            settings.identity(),
            settings.leaseDuration(),
            now);
    return api.create(lease, settings.renewDeadline())
        .map(created -> observed(created, now, Outcome.HELD))
        .onErrorResume(KubeErrors::isConflict, e -> Mono.just(Outcome.LOST_RACE));
  }

  private Mono<Outcome> update(JsonObject lease, Instant now) {
    observe(lease, now);
    String holder = LeaseRecord.holder(lease);
    if (!holder.isEmpty() && !holder.equals(settings.identity())) {
      Instant expires = observedAt.plus(LeaseRecord.duration(lease, settings.leaseDuration()));
      if (now.isBefore(expires)) {
        return Mono.just(Outcome.HELD_BY_OTHER);
      }
    }
    JsonObject next = LeaseRecord.heldBy(lease, settings.identity(), settings.leaseDuration(), now);
    return api.replace(settings.leaseName(), next, settings.renewDeadline())
        .map(written -> observed(written, now, Outcome.HELD))
        .onErrorResume(KubeErrors::isConflict, e -> Mono.just(Outcome.LOST_RACE));
  }

  private boolean settle(Outcome outcome, Instant attemptedAt) {
    switch (outcome) {
      case HELD -> {
        renewedAt = attemptedAt;
        becomeLeader();
      }
      case HELD_BY_OTHER -> stepDown("another replica holds the Lease");
      case LOST_RACE -> stepDown("another replica wrote the Lease first");
    }
    return leading;
  }

  /** A failed attempt: the leader carries on until its renew deadline. */
  private boolean afterFailure() {
    if (leading && !clock.instant().isBefore(deadline())) {
      stepDown("the Lease could not be renewed within " + settings.renewDeadline());
    }
    return leading;
  }

  private synchronized void becomeLeader() {
    if (!leading) {
      leading = true;
      log.info("{} leads on Lease {}", settings.identity(), settings.leaseName());
      states.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
  }

  private synchronized void stepDown(String why) {
    if (leading) {
      leading = false;
      log.warn("{} stops leading: {}", settings.identity(), why);
      states.emitNext(false, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }
  }

  private Instant deadline() {
    return renewedAt.plus(settings.renewDeadline());
  }

  /** Notes when this replica first saw the Lease as it is now: expiry is timed from there. */
  private void observe(JsonObject lease, Instant now) {
    String version = LeaseRecord.resourceVersion(lease);
    if (!version.equals(observedVersion)) {
      observedVersion = version;
      observedAt = now;
    }
  }

  private Outcome observed(JsonObject lease, Instant now, Outcome outcome) {
    observe(lease, now);
    return outcome;
  }
}
