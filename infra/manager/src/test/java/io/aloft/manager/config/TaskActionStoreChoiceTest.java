package io.aloft.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
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
                .doesNotHaveBean(KubernetesPodPlugin.class));
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
