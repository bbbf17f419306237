package io.aloft.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.Unavailable;
import io.aloft.domain.execution.ExecutionReason;
import io.aloft.domain.execution.TaskAction;
import io.aloft.domain.id.ActionId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/** Conflicts, server errors and the circuit breaker, against the API server stand-in. */
class KubeResilienceTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration OPEN_FOR = Duration.ofSeconds(30);

  private KubeApiStandIn api;
  private MutableClock clock;
  private KubernetesTaskActionStore store;

  @BeforeEach
  void start() throws IOException {
    api = new KubeApiStandIn();
    clock = new MutableClock();
    store =
        new KubernetesTaskActionStore(
            api.client(),
            KubernetesSettings.defaults("aloft")
                .withRetry(2, Duration.ofMillis(10))
                .withBreaker(4, OPEN_FOR),
            clock);
  }

  @AfterEach
  void stop() {
    store.close();
    api.close();
  }

  @Test
  void givenAStaleVersion_WhenACallerRetriesOnConflict_ThenItRereadsAndSucceeds() {
    ActionId id = newRoot();
    TaskAction created = store.create(Samples.minimalSpec(id)).block(WAIT);
    KubernetesTaskActionStore other = otherManager();
    other.updateStatus(running(created, 1)).block(WAIT);
    AtomicInteger conflicts = new AtomicInteger();
    TaskAction[] basis = {created};

    Mono<TaskAction> update =
        Mono.defer(() -> store.updateStatus(running(basis[0], 2)))
            .doOnError(ConcurrentModification.class, e -> conflicts.incrementAndGet())
            .retryWhen(
                Retry.max(3)
                    .filter(ConcurrentModification.class::isInstance)
                    .doBeforeRetryAsync(
                        signal -> store.get(id).doOnNext(fresh -> basis[0] = fresh).then()));

    StepVerifier.create(update)
        .assertNext(stored -> assertThat(stored.status().eventVersion()).isEqualTo(2))
        .verifyComplete();
    assertThat(conflicts).hasValue(1);
    // A conflict is an answer, not an outage: the breaker stays closed and nothing was retried.
    assertThat(store.circuitBreakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void givenOneServerError_WhenCalled_ThenTheRetryAnswers() {
    ActionId id = newRoot();
    store.create(Samples.minimalSpec(id)).block(WAIT);
    api.fail(1, 500);

    StepVerifier.create(store.get(id)).expectNextCount(1).verifyComplete();
    assertThat(api.failuresLeft()).isZero();
  }

  @Test
  void givenServerErrors_WhenCallsKeepFailing_ThenTheBreakerOpensAndCallsSucceedOnceItCloses() {
    ActionId id = newRoot();
    store.create(Samples.minimalSpec(id)).block(WAIT);
    api.fail(1_000, 503);

    StepVerifier.create(store.get(id))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("failed after 2 attempts: HTTP 503"))
        .verify(WAIT);
    // The create's success and three failures fill the window of 4: the breaker opens.
    StepVerifier.create(store.get(id)).expectError(Unavailable.class).verify(WAIT);
    assertThat(store.circuitBreakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    int reached = api.failuresLeft();

    StepVerifier.create(store.get(id))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("circuit breaker is open"))
        .verify(WAIT);
    assertThat(api.failuresLeft()).as("no request reached the server").isEqualTo(reached);

    api.recover();
    clock.advance(OPEN_FOR.plusSeconds(1));

    StepVerifier.create(store.get(id).repeat(1)).expectNextCount(2).verifyComplete();
    assertThat(store.circuitBreakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void givenAServerThatDoesNotAnswer_WhenCalled_ThenEachAttemptTimesOutAndTheCallIsUnavailable() {
    KubernetesTaskActionStore impatient =
        new KubernetesTaskActionStore(
            api.client(),
            KubernetesSettings.defaults("aloft")
                .withOperationTimeout(Duration.ofMillis(200))
                .withRetry(2, Duration.ofMillis(10)),
            clock);
    api.stall(2);

    StepVerifier.create(impatient.get(newRoot()))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("failed after 2 attempts: no answer in time"))
        .verify(WAIT);
    impatient.close();
  }

  private KubernetesTaskActionStore otherManager() {
    return new KubernetesTaskActionStore(
        api.client(), KubernetesSettings.defaults("aloft"), Clock.systemUTC());
  }

  private static TaskAction running(TaskAction current, long eventVersion) {
    return current.withStatus(
        current.status().toBuilder()
            .phase(ActionPhase.RUNNING, ExecutionReason.EXECUTING, null)
            .eventVersion(eventVersion)
            .build());
  }

  private static ActionId newRoot() {
    return ActionId.of(
        "proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8), "a0");
  }
}
