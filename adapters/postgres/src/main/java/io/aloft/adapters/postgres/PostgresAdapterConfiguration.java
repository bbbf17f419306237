package io.aloft.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.aloft.adapters.postgres.eventstore.ActionAggregate;
import io.aloft.adapters.postgres.eventstore.AxonCommandPort;
import io.aloft.adapters.postgres.execution.PostgresTaskActionStore;
import io.aloft.adapters.postgres.execution.TaskActionNotices;
import io.aloft.adapters.postgres.history.JdbcActionEventStore;
import io.aloft.adapters.postgres.notify.ChangeNode;
import io.aloft.adapters.postgres.notify.ChangeNotice;
import io.aloft.adapters.postgres.notify.InProcessChangeFeed;
import io.aloft.adapters.postgres.notify.ListenLoop;
import io.aloft.adapters.postgres.notify.PostgresChangeListener;
import io.aloft.adapters.postgres.projection.ActionProjection;
import io.aloft.adapters.postgres.projection.ProjectProjection;
import io.aloft.adapters.postgres.projection.ProjectionBatch;
import io.aloft.adapters.postgres.projection.TaskProjection;
import io.aloft.adapters.postgres.query.R2dbcActionQueries;
import io.aloft.adapters.postgres.query.R2dbcProjectQueries;
import io.aloft.adapters.postgres.query.R2dbcTaskQueries;
import io.aloft.application.port.command.CommandPort;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.extensions.reactor.commandhandling.gateway.ReactorCommandGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wires the PostgreSQL adapter: the Axon JDBC event store (tables by Flyway), the aggregates, the
 * projection processor, the R2DBC query side, the in-process change feed and the embedded
 * executor's TaskAction store. Needs a {@link PostgresSettings} bean.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ActionAggregate.class)
@Import(AxonConfiguration.class)
@PropertySource("classpath:aloft-postgres-defaults.properties")
public class PostgresAdapterConfiguration {

  @Bean
  DataSource dataSource(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.username());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.jdbcPoolSize());
    config.setPoolName("aloft-jdbc");
    return new HikariDataSource(config);
  }

  @Bean
  ConnectionFactory connectionFactory(PostgresSettings settings) {
    var postgres = unpooled(settings);
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(postgres)
            .maxSize(settings.r2dbcPoolSize())
            .initialSize(Math.min(4, settings.r2dbcPoolSize()))
            .maxAcquireTime(Duration.ofSeconds(10))
            .name("aloft-r2dbc")
            .build());
  }

  private static PostgresqlConnectionFactory unpooled(PostgresSettings settings) {
    return PostgresConnections.unpooled(settings);
  }

  @Bean
  DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
    return DatabaseClient.create(connectionFactory);
  }

  @Bean
  NamedParameterJdbcTemplate namedParameterJdbcTemplate(DataSource dataSource) {
    return new NamedParameterJdbcTemplate(dataSource);
  }

  @Bean
  InProcessChangeFeed inProcessChangeFeed() {
    return new InProcessChangeFeed();
  }

  /** This process among the managers sharing the database (see {@link ChangeNotice}). */
  @Bean
  ChangeNode changeNode() {
    return new ChangeNode(ChangeNotice.newNode());
  }

  @Bean
  ProjectionBatch projectionBatch(
      NamedParameterJdbcTemplate jdbc, InProcessChangeFeed feed, ChangeNode node) {
    return new ProjectionBatch(jdbc, feed, node.id());
  }

  /**
   * Other managers' projection batches into this one's change feed; with one manager it only
   * follows its own notices (one idle connection).
   */
  @Bean(initMethod = "start", destroyMethod = "close")
  PostgresChangeListener changeListener(
      PostgresSettings settings, DatabaseClient db, InProcessChangeFeed feed, ChangeNode node) {
    return new PostgresChangeListener(
        unpooled(settings),
        db,
        feed,
        new PostgresChangeListener.ListenerSettings(
            node.id(), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(10)));
  }

  @Bean
  ActionProjection actionProjection(ProjectionBatch batch) {
    return new ActionProjection(batch);
  }

  @Bean
  ProjectProjection projectProjection(NamedParameterJdbcTemplate jdbc) {
    return new ProjectProjection(jdbc);
  }

  @Bean
  TaskProjection taskProjection(NamedParameterJdbcTemplate jdbc) {
    return new TaskProjection(jdbc);
  }

  @Bean(destroyMethod = "dispose")
  Scheduler commandScheduler(PostgresSettings settings) {
    return Schedulers.newBoundedElastic(
        settings.jdbcPoolSize(), 100_000, "aloft-commands", 60, true);
  }

  @Bean
  CommandPort commandPort(
      ReactorCommandGateway gateway,
      CommandGateway blockingGateway,
      TransactionManager transactions,
      Scheduler commandScheduler,
      PostgresSettings settings) {
    return new AxonCommandPort(
        gateway, blockingGateway, transactions, commandScheduler, settings.commandTimeout());
  }

  /**
   * Point-in-time reads replay the event store over JDBC; they share the commands' bounded
   * scheduler, which is sized to the JDBC pool they also share.
   */
  @Bean
  JdbcActionEventStore actionEventStore(
      NamedParameterJdbcTemplate jdbc,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Scheduler commandScheduler) {
    return new JdbcActionEventStore(jdbc.getJdbcTemplate(), eventSerializer, commandScheduler);
  }

  @Bean
  R2dbcActionQueries actionQueries(DatabaseClient db) {
    return new R2dbcActionQueries(db);
  }

  @Bean
  R2dbcProjectQueries projectQueries(DatabaseClient db) {
    return new R2dbcProjectQueries(db);
  }

  @Bean
  R2dbcTaskQueries taskQueries(DatabaseClient db) {
    return new R2dbcTaskQueries(db);
  }

  /**
   * The embedded executor's TaskActions; statements are bounded like commands. Not created when
   * {@code aloft.execution.store} names another store (kubernetes).
   */
  @Bean
  @ConditionalOnProperty(
      name = "aloft.execution.store",
      havingValue = "postgres",
      matchIfMissing = true)
  PostgresTaskActionStore taskActionStore(DatabaseClient db, PostgresSettings settings) {
    return new PostgresTaskActionStore(db, settings.commandTimeout());
  }

  /**
   * Several managers on the database (leader election on it, decision 0008): creates and deletion
   * requests made here reach the leader's controller at once.
   */
  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnExpression(
      "${aloft.leader-election.database:false}"
          + " and '${aloft.execution.store:postgres}' == 'postgres'")
  TaskActionNotices taskActionNotices(
      PostgresSettings settings,
      DatabaseClient db,
      ChangeNode node,
      PostgresTaskActionStore store) {
    return new TaskActionNotices(
        unpooled(settings),
        db,
        node.id(),
        new ListenLoop.Settings(
            Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(10)),
        store);
  }
}
