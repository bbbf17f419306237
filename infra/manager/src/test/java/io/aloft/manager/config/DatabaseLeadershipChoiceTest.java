package io.aloft.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.postgres.PostgresSettings;
import io.aloft.adapters.postgres.execution.AdvisoryLockLeadership;
import io.aloft.application.port.execution.Leadership;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Leader election on the database is opt-in, and only with the embedded store. */
class DatabaseLeadershipChoiceTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, DatabaseLeadershipConfiguration.class)
          // Nothing listens there: the election keeps trying until the context closes.
          .withBean(
              PostgresSettings.class,
              () -> new PostgresSettings("localhost", 1, "postgres", "aloft", "", 2, 2, null));

  @EnableConfigurationProperties(AloftProperties.class)
  static class Properties {}

  @Test
  void givenNothingConfigured_ThenNoElection() {
    context.run(started -> assertThat(started).doesNotHaveBean(Leadership.class));
  }

  @Test
  void givenDatabaseElection_ThenTheAdvisoryLockDecidesWhoLeads() {
    context
        .withPropertyValues("aloft.leader-election.database=true")
        .run(
            started ->
                assertThat(started)
                    .hasSingleBean(Leadership.class)
                    .getBean(Leadership.class)
                    .isInstanceOf(AdvisoryLockLeadership.class));
  }

  @Test
  void givenDatabaseElectionWithTheKubernetesStore_ThenTheLeaseDecidesInstead() {
    context
        .withPropertyValues(
            "aloft.leader-election.database=true", "aloft.execution.store=kubernetes")
        .run(started -> assertThat(started).doesNotHaveBean(AdvisoryLockLeadership.class));
  }
}
