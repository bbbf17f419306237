package io.aloft.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.leader.LeaderElection;
import io.aloft.adapters.kubernetes.leader.LeaderElectionSettings;
import io.aloft.adapters.kubernetes.logs.PodLogReader;
import io.aloft.adapters.kubernetes.pod.KubernetesPodPlugin;
import io.aloft.adapters.local.storage.FileDataStore;
import io.aloft.adapters.protobuf.ProtoActionSpecReader;
import io.aloft.adapters.protobuf.ProtoLiteralCodec;
import io.aloft.application.execution.TaskPlugins;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.plugin.TaskPlugin;
import io.aloft.application.port.storage.DataStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code aloft.execution.store} picks the TaskAction store; the embedded one stays the default. */
class TaskActionStoreChoiceTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, KubernetesConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC)
          .withBean(ActionSpecReader.class, ProtoActionSpecReader::new)
          .withBean(LiteralCodec.class, ProtoLiteralCodec::new)
          .withBean(
              DataStore.class,
              () -> new FileDataStore(List.of(Path.of(System.getProperty("java.io.tmpdir")))));

  @EnableConfigurationProperties(AloftProperties.class)
  static class Properties {}

  @Test
  void givenStoreKubernetes_ThenTheStoreIsTheKubernetesOneInTheConfiguredNamespace() {
    context
        .withPropertyValues("aloft.execution.store=kubernetes", "aloft.execution.namespace=tasks")
        .run(
            started ->
                assertThat(started)
                    .hasSingleBean(TaskActionStore.class)
                    .getBean(TaskActionStore.class)
                    .isInstanceOf(KubernetesTaskActionStore.class));
  }

  @Test
  void givenStoreKubernetes_ThenContainerTasksRunAsPodsAndPodLogsAreRead() {
    context
        .withPropertyValues(
            "aloft.execution.store=kubernetes", "aloft.pods.copilot-image=registry.local/aloft:1")
        .run(
            started -> {
              assertThat(started).hasSingleBean(PodLogReader.class);
              TaskPlugins plugins =
                  new TaskPlugins(List.copyOf(started.getBeansOfType(TaskPlugin.class).values()));
              assertThat(plugins.find("container")).get().isInstanceOf(KubernetesPodPlugin.class);
              // the pod informer wakes attempts; polls are only a safety resync
              assertThat(
                      KubernetesConfiguration.podSettings(started.getBean(AloftProperties.class))
                          .pollInterval())
                  .isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void givenAPollInterval_ThenThePodPluginResyncsAtIt() {
    context
        .withPropertyValues("aloft.execution.store=kubernetes", "aloft.pods.poll-interval=2m")
        .run(
            started ->
                assertThat(
                        KubernetesConfiguration.podSettings(started.getBean(AloftProperties.class))
                            .pollInterval())
                    .isEqualTo(Duration.ofMinutes(2)));
  }

  @Test
  void givenStoreKubernetes_ThenReplicasElectTheirLeaderOnTheConfiguredLease() {
    context
        .withPropertyValues(
            "aloft.execution.store=kubernetes",
            "aloft.execution.namespace=tasks",
            "aloft.leader-election.lease-name=aloft-blue",
            "aloft.leader-election.identity=manager-0",
            "aloft.leader-election.lease-duration=30s",
            "aloft.leader-election.renew-deadline=20s",
            "aloft.leader-election.retry-period=4s")
        .run(
            started -> {
              assertThat(started).hasSingleBean(LeaderElection.class);
              assertThat(started.getBean(LeaderElection.class).identity()).isEqualTo("manager-0");
              LeaderElectionSettings settings =
                  KubernetesConfiguration.leaderElectionSettings(
                      started.getBean(AloftProperties.class));
              assertThat(settings)
                  .isEqualTo(
                      new LeaderElectionSettings(
                          "tasks",
                          "aloft-blue",
                          "manager-0",
                          Duration.ofSeconds(30),
                          Duration.ofSeconds(20),
                          Duration.ofSeconds(4)));
            });
  }

  @Test
  void givenNoIdentity_ThenTheElectionNamesThisProcessWithARandomSuffix() {
    context
        .withPropertyValues("aloft.execution.store=kubernetes")
        .run(
            started -> {
              LeaderElectionSettings settings =
                  KubernetesConfiguration.leaderElectionSettings(
                      started.getBean(AloftProperties.class));
              assertThat(settings.identity()).matches(".+_[0-9a-f]{8}");
              assertThat(settings.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
              assertThat(settings.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
              assertThat(settings.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
            });
  }

  @Test
  void givenLocalPluginMethod_ThenItIsOnlyForTheEmbeddedStore() throws Exception {
    ConditionalOnProperty condition =
        ExecutionConfiguration.class
            .getDeclaredMethod(
                "localProcessPlugin",
                io.aloft.application.copilot.Copilot.class,
                io.aloft.adapters.local.process.LocalProcessSettings.class)
            .getAnnotation(ConditionalOnProperty.class);
    assertThat(condition.havingValue()).isEqualTo("postgres");
    assertThat(condition.matchIfMissing()).isTrue();
  }

  @Test
  void givenNoStoreSet_ThenNoKubernetesStoreIsCreated() {
    context.run(
        started ->
            assertThat(started)
                .doesNotHaveBean(KubernetesTaskActionStore.class)
                .doesNotHaveBean(KubernetesPodPlugin.class)
                .doesNotHaveBean(LeaderElection.class));
  }

  @Test
  void givenAnUnknownStore_ThenStartupFailsNamingTheSetting() {
    context
        .withPropertyValues("aloft.execution.store=etcd")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("aloft.execution.store must be postgres or kubernetes"));
  }
}
