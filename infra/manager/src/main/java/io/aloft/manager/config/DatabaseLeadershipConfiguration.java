package io.aloft.manager.config;

import io.aloft.adapters.postgres.PostgresConnections;
import io.aloft.adapters.postgres.PostgresSettings;
import io.aloft.adapters.postgres.execution.AdvisoryLockLeadership;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several managers sharing one database with the embedded TaskAction store (opt-in: {@code
 * aloft.leader-election.database=true}): the one holding a PostgreSQL advisory lock reconciles.
 * Without it the one embedded manager always leads; the Kubernetes store elects on a Lease.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "${aloft.leader-election.database:false}"
        + " and '${aloft.execution.store:postgres}' == 'postgres'")
public class DatabaseLeadershipConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  AdvisoryLockLeadership databaseLeadership(PostgresSettings database, AloftProperties properties) {
    var election = properties.leaderElection();
    return new AdvisoryLockLeadership(
        PostgresConnections.unpooled(database),
        new AdvisoryLockLeadership.Settings(
            election.retryPeriod(), election.retryPeriod(), election.retryPeriod()));
  }
}
