package io.aloft.manager.config;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TaskActions as Kubernetes custom resources ({@code aloft.execution.store=kubernetes}); the
 * embedded PostgreSQL store is then not created. The client comes from {@code $KUBECONFIG}, {@code
 * ~/.kube/config} or the pod's service account, in that order (client-java's standard).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aloft.execution.store", havingValue = "kubernetes")
class KubernetesConfiguration {

  @Bean
  ApiClient kubernetesClient() {
    try {
      return ClientBuilder.standard().build();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "aloft.execution.store=kubernetes, but no Kubernetes client configuration was found"
              + " (KUBECONFIG, ~/.kube/config or an in-cluster service account)",
          e);
    }
  }

  @Bean(destroyMethod = "close")
  KubernetesTaskActionStore taskActionStore(
      ApiClient kubernetesClient, AloftProperties properties, Clock clock) {
    return new KubernetesTaskActionStore(
        kubernetesClient, KubernetesSettings.defaults(properties.execution().namespace()), clock);
  }
}
