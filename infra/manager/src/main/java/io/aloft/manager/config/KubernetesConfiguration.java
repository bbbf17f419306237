package io.aloft.manager.config;

import io.aloft.adapters.kubernetes.KubernetesSettings;
import io.aloft.adapters.kubernetes.KubernetesTaskActionStore;
import io.aloft.adapters.kubernetes.ResourceLimits;
import io.aloft.adapters.kubernetes.leader.LeaderElection;
import io.aloft.adapters.kubernetes.leader.LeaderElectionSettings;
import io.aloft.adapters.kubernetes.logs.PodLogReader;
import io.aloft.adapters.kubernetes.pod.KubernetesPodPlugin;
import io.aloft.adapters.kubernetes.pod.PodSettings;
import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.execution.ActionSpecReader;
import io.aloft.application.port.storage.DataStore;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * TaskActions as Kubernetes custom resources ({@code aloft.execution.store=kubernetes}); the
 * embedded PostgreSQL store is then not created, and {@code container} tasks run as pods (the local
 * process plugin is then not created either). The client comes from {@code $KUBECONFIG}, {@code
 * ~/.kube/config} or the pod's service account, in that order (client-java's standard). Replicas
 * elect a leader on a Lease ({@code aloft.leader-election.*}); only the leader reconciles.
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

  /**
   * Runs {@code container} tasks as pods (instead of the embedded local processes). Its pod
   * informer starts here, on every replica (a follower's cache is warm when it takes over), and
   * stops on shutdown; it lists and watches the pods Aloft created, which the Role allows.
   */
  @Bean(destroyMethod = "close")
  KubernetesPodPlugin kubernetesPodPlugin(
      ApiClient kubernetesClient,
      AloftProperties properties,
      ActionSpecReader specs,
      DataStore data,
      LiteralCodec codec,
      Clock clock) {
    KubernetesPodPlugin plugin =
        new KubernetesPodPlugin(
            kubernetesClient,
            KubernetesSettings.defaults(properties.execution().namespace()),
            podSettings(properties),
            specs,
            data,
            codec,
            clock);
    plugin.start(); // in the background: until it follows the pods, the plugin reads them by GET
    return plugin;
  }

  /** TailLogs for the pods' {@code k8s://} log links. */
  @Bean
  PodLogReader podLogReader(ApiClient kubernetesClient, AloftProperties properties, Clock clock) {
    return new PodLogReader(
        kubernetesClient,
        KubernetesSettings.defaults(properties.execution().namespace()),
        clock,
        PodLogReader.DEFAULT_DRAIN);
  }

  static PodSettings podSettings(AloftProperties properties) {
    AloftProperties.Pods pods = properties.pods();
    PodSettings defaults =
        PodSettings.defaults(properties.execution().namespace(), pods.copilotImage());
    Map<String, String> copilotEnv = new LinkedHashMap<>();
    if (properties.storage().external()) {
      copilotEnv.put("ALOFT_STORAGE_ENDPOINT", properties.storage().endpoint());
    }
    if (properties.storage().region() != null) {
      copilotEnv.put("AWS_REGION", properties.storage().region());
    }
    return new PodSettings(
        defaults.namespace(),
        defaults.copilotImage(),
        copilotEnv,
        pods.storageSecret(),
        pods.maxRequests() == null ? defaults.maxRequests() : pods.maxRequests(),
        pods.interruptibleNodeSelector() == null
            ? defaults.interruptibleNodeSelector()
            : pods.interruptibleNodeSelector(),
        pods.interruptibleTolerations() == null
            ? defaults.interruptibleTolerations()
            : pods.interruptibleTolerations(),
        pods.pullGrace(),
        pods.uploadGrace(),
        pods.pollInterval());
  }

  /**
   * TaskActions as custom resources; a resource that would be larger than {@code
   * aloft.execution.max-resource-size} keeps its task spec in storage, below the run's output base
   * (or the metadata prefix for a spec without one).
   */
  @Bean(destroyMethod = "close")
  KubernetesTaskActionStore taskActionStore(
      ApiClient kubernetesClient, AloftProperties properties, DataStore storage, Clock clock) {
    AloftProperties.Storage bucket = properties.storage();
    ResourceLimits limits =
        ResourceLimits.defaults()
            .withMaxResourceBytes(
                Math.toIntExact(properties.execution().maxResourceSize().toBytes()))
            .withFallbackPrefix("s3://" + bucket.bucket() + "/" + bucket.metadataPrefix());
    return new KubernetesTaskActionStore(
        kubernetesClient,
        KubernetesSettings.defaults(properties.execution().namespace()),
        clock,
        storage,
        limits);
  }

  /**
   * Only the holder of the Lease reconciles TaskActions, so several replicas may run; closing it
   * (shutdown) steps down and releases the Lease for the next one.
   */
  @Bean(destroyMethod = "close")
  LeaderElection leaderElection(
      ApiClient kubernetesClient, AloftProperties properties, Clock clock) {
    LeaderElection election =
        new LeaderElection(kubernetesClient, leaderElectionSettings(properties), clock);
    election.start(Schedulers.parallel());
    return election;
  }

  static LeaderElectionSettings leaderElectionSettings(AloftProperties properties) {
    AloftProperties.LeaderElection configured = properties.leaderElection();
    String identity =
        configured.identity() == null || configured.identity().isBlank()
            ? LeaderElectionSettings.defaultIdentity()
            : configured.identity();
    return new LeaderElectionSettings(
        properties.execution().namespace(),
        configured.leaseName(),
        identity,
        configured.leaseDuration(),
        configured.renewDeadline(),
        configured.retryPeriod());
  }
}
