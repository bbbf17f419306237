package io.aloft.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kafka.KafkaEventPublisher;
import io.aloft.adapters.kafka.ReceivedEvents;
import io.aloft.adapters.postgres.EmbeddedPostgres;
import io.aloft.adapters.postgres.PostgresAdapterConfiguration;
import io.aloft.adapters.postgres.PostgresSettings;
import io.aloft.adapters.postgres.eventstore.AggregateIds;
import io.aloft.adapters.postgres.relay.StoredEventRelay;
import io.aloft.application.port.command.CommandPort;
import io.aloft.domain.action.AbortAction;
import io.aloft.domain.action.ActionPhase;
import io.aloft.domain.action.ActionType;
import io.aloft.domain.action.CacheStatus;
import io.aloft.domain.action.CreateAction;
import io.aloft.domain.action.EventKey;
import io.aloft.domain.action.RecordActionEvent;
import io.aloft.domain.action.TaskLog;
import io.aloft.domain.action.TaskRef;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.id.RunId;
import io.aloft.domain.id.TaskId;
import io.aloft.proto.run.v1.StoredActionEvent;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The relay end to end: the manager's wiring on a real PostgreSQL event store and a real broker.
 * Events are appended through the command port; the test reads the topic with the documented
 * example consumer and compares it with the event store itself.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventStreamTest {

  private static final String TOPIC = "aloft.events.test";
  private static final TaskRef TASK =
      new TaskRef(TaskId.of("proj", "development", "t", "v1"), "python", "t", null);

  private static EmbeddedPostgres postgres;
  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start(Files.createTempDirectory("aloft-relay-pg"), 0);
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stop() {
    broker.destroy();
    postgres.close();
  }

  @Test
  void givenRunsWithActions_ThenEveryEventArrivesInOrderPerRunWithItsKeyAndPayload() {
    RunId first;
    RunId second;
    try (ConfigurableApplicationContext manager = manager(true)) {
      first = appendRun(manager.getBean(CommandPort.class));
      second = appendRun(manager.getBean(CommandPort.class));
      JdbcTemplate store = new JdbcTemplate(manager.getBean(DataSource.class));

      ReceivedEvents received = await(store, first, second);

      for (RunId run : List.of(first, second)) {
        List<StoredActionEvent> events = received.byKey().get(run.key());
        assertThat(events).hasSize(storedIds(store, run).size());
        assertInStoreOrder(events);
        assertThat(events)
            .allSatisfy(
                e ->
                    assertThat(e.getRecord().getActionId().getRun().getName())
                        .isEqualTo(run.name()));
      }
      assertThat(received.byKey().get(first.key()))
          .extracting(e -> e.getRecord().getType())
          .containsSubsequence("ActionCreated", "ActionEventRecorded", "ActionAbortRequested");
    }
  }

  @Test
  void givenTheRelayWasDown_WhenItStartsAgain_ThenItResumesFromItsToken() {
    try (ConfigurableApplicationContext manager = manager(true)) {
      RunId before = appendRun(manager.getBean(CommandPort.class));
      await(new JdbcTemplate(manager.getBean(DataSource.class)), before);
    }
    RunId whileDown;
    try (ConfigurableApplicationContext withoutKafka = manager(false)) {
      assertThat(withoutKafka.getBeansOfType(StoredEventRelay.class)).isEmpty();
      assertThat(withoutKafka.getBeansOfType(KafkaEventPublisher.class)).isEmpty();
      whileDown = appendRun(withoutKafka.getBean(CommandPort.class));
    }
    try (ConfigurableApplicationContext manager = manager(true)) {
      JdbcTemplate store = new JdbcTemplate(manager.getBean(DataSource.class));
      ReceivedEvents received = await(store, whileDown);
      assertInStoreOrder(received.byKey().get(whileDown.key()));
    }
  }

  /** Per action, the stream sequence rises: the run's events came in the store's order. */
  private static void assertInStoreOrder(List<StoredActionEvent> events) {
    Map<String, Long> last = new java.util.HashMap<>();
    for (StoredActionEvent event : events) {
      String action = event.getRecord().getActionId().getName();
      long sequence = event.getRecord().getSequence();
      assertThat(sequence).isGreaterThan(last.getOrDefault(action, -1L));
      last.put(action, sequence);
    }
  }

  private static ReceivedEvents await(JdbcTemplate store, RunId... runs) {
    Set<String> expected = new HashSet<>();
    for (RunId run : runs) {
      expected.addAll(storedIds(store, run));
    }
    return ReceivedEvents.awaitAll(broker.getBrokersAsString(), TOPIC, expected);
  }

  private static List<String> storedIds(JdbcTemplate store, RunId run) {
    String prefix = AggregateIds.of(ActionId.root(run));
    return store.queryForList(
        "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier LIKE ?",
        String.class,
        prefix.substring(0, prefix.lastIndexOf('/') + 1) + "%");
  }

  /** A root with two children: creations, phase reports, and an abort. */
  private static RunId appendRun(CommandPort commands) {
    RunId run = RunId.of("proj", "development", "r" + UUID.randomUUID().toString().substring(0, 8));
    ActionId root = ActionId.root(run);
    ActionId a = new ActionId(run, "a1");
    ActionId b = new ActionId(run, "a2");
    send(commands, create(root, null));
    send(commands, create(a, root));
    send(commands, create(b, root));
    for (ActionPhase phase : List.of(ActionPhase.INITIALIZING, ActionPhase.RUNNING)) {
      send(commands, record(root, phase));
      send(commands, record(a, phase));
    }
    send(commands, record(a, ActionPhase.SUCCEEDED));
    commands
        .send(new AbortAction(b, "not needed", "tester", Instant.now()))
        .block(Duration.ofSeconds(30));
    return run;
  }

  private static void send(CommandPort commands, io.aloft.domain.action.ActionCommand command) {
    commands.send(command).block(Duration.ofSeconds(30));
  }

  private static CreateAction create(ActionId id, ActionId parent) {
    return new CreateAction(
        id,
        parent,
        ActionType.TASK,
        TASK,
        "s3://b/in",
        "s3://b/out/",
        null,
        new byte[] {1},
        null,
        "cli",
        null,
        "tester",
        Instant.now());
  }

  private static RecordActionEvent record(ActionId id, ActionPhase phase) {
    return new RecordActionEvent(
        id,
        new EventKey(1, phase, 0),
        Instant.now(),
        Instant.now(),
        null,
        List.of(new TaskLog("stdout", "file:///log/1")),
        null,
        CacheStatus.UNSPECIFIED,
        "local");
  }

  private static ConfigurableApplicationContext manager(boolean withKafka) {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(RelayManager.class)
            .web(WebApplicationType.NONE)
            .properties("aloft.kafka.topic=" + TOPIC, "aloft.kafka.initial-backoff=100ms");
    if (withKafka) {
      builder.properties("aloft.kafka.bootstrap-servers=" + broker.getBrokersAsString());
    }
    return builder.run();
  }

  /** The manager's event-store and event-stream wiring, without the API and the executor. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @EnableConfigurationProperties(AloftProperties.class)
  @Import({PostgresAdapterConfiguration.class, EventStreamConfiguration.class})
  static class RelayManager {

    @Bean
    PostgresSettings postgresSettings() {
      return postgres.settings(4, 4);
    }
  }
}
