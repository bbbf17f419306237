package io.aloft.adapters.kubernetes.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.MutableClock;
import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Two replicas' elections on one API server (fabric8's CRUD mock keeps the Lease and refuses stale
 * resource versions with 409). Each test moves one shared clock and runs the attempts itself
 * ({@link LeaderElection#step()}), so expiry and deadlines are exact and nothing waits.
 */
class LeaderElectionTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private KubeApiStandIn api;
  private final MutableClock clock = new MutableClock();
  private LeaderElection a;
  private LeaderElection b;

  @BeforeEach
  void start() throws Exception {
    api = new KubeApiStandIn();
    a = election("replica-a");
    b = election("replica-b");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private LeaderElection election(String identity) {
    return new LeaderElection(
        api.client(), LeaderElectionSettings.defaults("aloft").withIdentity(identity), clock);
  }

  @Test
  void givenTwoReplicas_whenBothTryAtOnce_thenExactlyOneLeads() {
    List<Boolean> first =
        Mono.zip(a.step(), b.step()).map(t -> List.of(t.getT1(), t.getT2())).block(WAIT);
    assertThat(first).containsExactlyInAnyOrder(true, false);

    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(2));
      assertThat(List.of(a.step().block(WAIT), b.step().block(WAIT))).isEqualTo(first);
    }
    LeaderElection leader = first.get(0) ? a : b;
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(leader.identity());
  }

  @Test
  void givenLeaderStopsRenewing_whenLeaseDurationPasses_thenTheOtherTakesOver() {
    assertThat(a.step().block(WAIT)).isTrue();
    assertThat(b.step().block(WAIT)).isFalse();

    clock.advance(Duration.ofSeconds(14));
    assertThat(b.step().block(WAIT)).as("the lease has not expired yet").isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(b.step().block(WAIT)).isTrue();

    assertThat(a.step().block(WAIT)).as("the old leader sees it lost").isFalse();
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("replica-b");
    assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  @Test
  void givenExpiredLease_whenTwoReplicasTakeItOverAtOnce_thenOneWinsOnTheResourceVersion() {
    assertThat(a.step().block(WAIT)).isTrue();
    LeaderElection c = election("replica-c");
    assertThat(Mono.zip(b.step(), c.step()).block(WAIT).toList()).containsOnly(false);

    clock.advance(Duration.ofSeconds(16));
    List<Object> outcome = Mono.zip(b.step(), c.step()).block(WAIT).toList();

    assertThat(outcome).containsExactlyInAnyOrder(true, false);
    assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
  }

  @Test
  void givenStaleResourceVersion_whenLeaseIsReplaced_thenTheApiServerRefusesIt() {
    LeaseApi leases = new LeaseApi(api.client(), "aloft");
    Instant now = clock.instant();
    var created =
        leases
            .create(LeaseRecord.newLease("aloft", "l", "x", Duration.ofSeconds(15), now), WAIT)
            .block(WAIT);
    leases
        .replace("l", LeaseRecord.heldBy(created, "y", Duration.ofSeconds(15), now), WAIT)
        .block(WAIT);

    assertThat(
            leases
                .replace("l", LeaseRecord.heldBy(created, "z", Duration.ofSeconds(15), now), WAIT)
                .map(lease -> "written")
                .onErrorResume(
                    io.aloft.adapters.kubernetes.KubeErrors::isConflict, e -> Mono.just("conflict"))
                .block(WAIT))
        .isEqualTo("conflict");
  }

  @Test
  void givenLeaderReleases_whenTheOtherTries_thenItTakesOverAtOnce() {
    assertThat(a.step().block(WAIT)).isTrue();
    assertThat(b.step().block(WAIT)).isFalse();

    a.close();

    assertThat(a.isLeading()).isFalse();
    assertThat(b.step().block(WAIT)).isTrue();
    assertThat(a.step().block(WAIT)).isFalse();
  }

  @Test
  void givenApiFails_whenLeaderCannotRenew_thenItStepsDownBeforeItsLeaseExpires() {
    List<Boolean> states = new CopyOnWriteArrayList<>();
    Disposable watching = a.leading().subscribe(states::add);
    Instant start = clock.instant();
    assertThat(a.step().block(WAIT)).isTrue();
    assertThat(b.step().block(WAIT)).isFalse();

    api.fail(1_000, 503);
    clock.advance(Duration.ofSeconds(4));
    assertThat(a.step().block(WAIT)).as("renewal failed, deadline not reached").isTrue();
    clock.advance(Duration.ofSeconds(4));
    assertThat(a.step().block(WAIT)).isTrue();
    clock.advance(Duration.ofSeconds(2));
    assertThat(a.step().block(WAIT)).as("the renew deadline (10 s) passed").isFalse();
    Instant steppedDown = clock.instant();
    api.recover();

    assertThat(b.step().block(WAIT)).as("the lease is still valid for the others").isFalse();
    clock.advance(Duration.ofSeconds(5));
    assertThat(b.step().block(WAIT)).isTrue();
    Instant takenOver = clock.instant();

    assertThat(states).containsExactly(false, true, false);
    assertThat(steppedDown).isBefore(takenOver).isEqualTo(start.plusSeconds(10));
    assertThat(takenOver).isEqualTo(start.plusSeconds(15));
    watching.dispose();
  }

  @Test
  void givenApiHangs_whenLeaderRenews_thenTheAttemptEndsAtTheRenewDeadline() {
    assertThat(a.step().block(WAIT)).isTrue();
    clock.advance(Duration.ofMillis(9_800));
    api.stall(1);

    long started = System.nanoTime();
    assertThat(a.step().block(WAIT)).as("the deadline has not passed on its clock").isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the hung call was given only the 200 ms left to the deadline")
        .isLessThan(Duration.ofSeconds(3));

    api.fail(1_000, 503);
    clock.advance(Duration.ofMillis(200));
    assertThat(a.step().block(WAIT)).isFalse();
  }

  @Test
  void givenLeaderWithApiBack_whenItStillHoldsTheLease_thenItLeadsAgain() {
    assertThat(a.step().block(WAIT)).isTrue();
    api.fail(1_000, 500);
    clock.advance(Duration.ofSeconds(11));
    assertThat(a.step().block(WAIT)).isFalse();
    api.recover();

    clock.advance(Duration.ofSeconds(1));
    assertThat(a.step().block(WAIT)).as("nobody took the lease: it renews its own").isTrue();
    assertThat(lease().getSpec().getLeaseTransitions()).isZero();
  }

  private Lease lease() {
    try (var fabric8 = api.fabric8()) {
      return fabric8.leases().inNamespace("aloft").withName("aloft-manager").get();
    }
  }
}
