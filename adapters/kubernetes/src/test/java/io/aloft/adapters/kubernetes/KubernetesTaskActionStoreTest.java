package io.aloft.adapters.kubernetes;

import io.aloft.adapters.kubernetes.standin.KubeApiStandIn;
import io.aloft.application.port.execution.TaskActionStore;
import io.aloft.application.port.execution.TaskActionStoreContract;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The TaskActionStore contract against TaskAction resources on the API server stand-in (fabric8's
 * CRUD mock with the real CRD, watches served over HTTP by {@link KubeApiStandIn}).
 */
class KubernetesTaskActionStoreTest extends TaskActionStoreContract {

  static final KubernetesSettings SETTINGS =
      KubernetesSettings.defaults("aloft")
          .withWatch(Duration.ofSeconds(30), Duration.ofMinutes(10));

  private static KubeApiStandIn api;
  private static KubernetesTaskActionStore store;

  @BeforeAll
  static void startApiServer() throws IOException {
    api = new KubeApiStandIn();
    store = new KubernetesTaskActionStore(api.client(), SETTINGS, Clock.systemUTC());
    // The watch runs before any test subscribes, so a subscriber sees changes from then on.
    store.start().block(WAIT);
  }

  @AfterAll
  static void stopApiServer() {
    store.close();
    api.close();
  }

  @Override
  protected TaskActionStore store() {
    return store;
  }

  @Override
  protected TaskActionStore newInstance() {
    return new KubernetesTaskActionStore(api.client(), SETTINGS, Clock.systemUTC());
  }
}
