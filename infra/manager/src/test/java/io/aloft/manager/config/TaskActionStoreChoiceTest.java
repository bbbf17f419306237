package io.aloft.manager.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.application.port.execution.TaskActionStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code aloft.execution.store} picks the TaskAction store; the embedded one stays the default. */
class TaskActionStoreChoiceTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, KubernetesConfiguration.class)
          .withBean(Clock.class, Clock::systemUTC);

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
  void givenNoStoreSet_ThenNoKubernetesStoreIsCreated() {
    context.run(started -> assertThat(started).doesNotHaveBean(KubernetesTaskActionStore.class));
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
