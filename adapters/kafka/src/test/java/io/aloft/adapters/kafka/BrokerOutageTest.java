package io.aloft.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.publish.OutgoingEvent;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A broker that is not there yet: the publisher keeps retrying (with backoff) instead of failing,
 * and completes once a broker answers on that address, with nothing lost and each run in order.
 */
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class BrokerOutageTest {

  @Test
  void givenNoBroker_WhenOneStartsLater_ThenTheBatchIsDeliveredWhole() throws Exception {
    List<OutgoingEvent> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(Events.event("p/development/run" + (i % 2), i + 1, i / 2));
    }
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    try (LateAddress address = new LateAddress();
        KafkaEventPublisher publisher =
            new KafkaEventPublisher(Events.settings(address.bootstrap(), "events-outage"))) {
      CountDownLatch failedOnce = new CountDownLatch(1);
      publisher.retry().getEventPublisher().onRetry(e -> failedOnce.countDown());
      CompletableFuture<Void> sent = publisher.publish(events).toFuture();

      failedOnce.await();
      assertThat(sent).isNotDone();
      broker.afterPropertiesSet();
      address.forwardTo(broker.getBrokersAsString());
      sent.get();

      ReceivedEvents received =
          ReceivedEvents.awaitAll(broker.getBrokersAsString(), "events-outage", ids(events));
      assertThat(received.byId()).hasSize(events.size());
      received
          .byKey()
          .values()
          .forEach(
              run -> assertThat(run).extracting(StoredActionEvent::getGlobalPosition).isSorted());
    } finally {
      broker.destroy();
    }
  }

  private static Set<String> ids(List<OutgoingEvent> events) {
    return events.stream().map(OutgoingEvent::eventId).collect(Collectors.toSet());
  }
}
