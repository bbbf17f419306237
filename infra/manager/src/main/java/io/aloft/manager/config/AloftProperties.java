package io.aloft.manager.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything configurable under {@code aloft.*}. Leaving {@code database.host} or {@code
 * storage.endpoint} unset selects the embedded server for it.
 */
@ConfigurationProperties("aloft")
public record AloftProperties(
    Path home,
    @DefaultValue Database database,
    @DefaultValue Storage storage,
    @DefaultValue Connect connect,
    @DefaultValue Runs runs,
    @DefaultValue Execution execution,
    @DefaultValue DataProxy dataproxy,
    @DefaultValue Pods pods,
    @DefaultValue LeaderElection leaderElection,
    @DefaultValue Kafka kafka) {

  public AloftProperties {
    // An empty ALOFT_HOME binds as null; it means "the default", as an unset one does.
    home = home == null ? Path.of(System.getProperty("user.home"), ".aloft") : home;
  }

  /** The directories {@code file://} uris may name: the configured ones, else {@code home}/data. */
  public List<Path> fileRoots() {
    List<Path> configured = storage.fileRoots();
    return configured.isEmpty() ? List.of(home.resolve("data")) : configured;
  }

  /** PostgreSQL: external when {@code host} is set, else embedded under {@code home}/postgres. */
  public record Database(
      String host,
      @DefaultValue("5432") int port,
      @DefaultValue("aloft") String name,
      @DefaultValue("aloft") String username,
      String password,
      @DefaultValue("16") int jdbcPoolSize,
      @DefaultValue("16") int r2dbcPoolSize,
      @DefaultValue("0") int embeddedPort,
      @DefaultValue("30s") Duration commandTimeout) {

    public boolean external() {
      return host != null && !host.isBlank();
    }
  }

  /**
   * S3: external when {@code endpoint} is set, else an embedded server under {@code home}/s3. Uris
   * are allowed in {@code bucket} and {@code buckets} ({@code s3://}) and below {@code fileRoots}
   * ({@code file://}, unset: {@code home}/data); anything else is refused.
   */
  public record Storage(
      String endpoint,
      String region,
      String accessKey,
      String secretKey,
      @DefaultValue("aloft") String bucket,
      @DefaultValue("metadata") String metadataPrefix,
      @DefaultValue("0") int embeddedPort,
      List<String> buckets,
      List<Path> fileRoots) {

    public Storage {
      buckets = buckets == null ? List.of() : List.copyOf(buckets);
      fileRoots = fileRoots == null ? List.of() : List.copyOf(fileRoots);
    }

    public boolean external() {
      return endpoint != null && !endpoint.isBlank();
    }
  }

  /** The Connect API. */
  public record Connect(@DefaultValue("4194304") int maxMessageBytes) {}

  /**
   * The executor. {@code endpoint} is the API address tasks call back; unset, it is this manager's
   * own port on localhost. {@code workDir} unset is {@code home}/work. {@code rawDataPrefix} is
   * where attempts of runs whose RunSpec sets no raw_data_storage write raw data (one folder per
   * run, action and attempt); unset, each attempt's raw data goes below its outputs. {@code store}
   * is where TaskActions live: {@code postgres} (the embedded store, the default) or {@code
   * kubernetes} (custom resources in {@code namespace}, through the kubeconfig or the in-cluster
   * service account). {@code maxResourceSize} bounds a TaskAction custom resource: above it the
   * task spec is kept in storage and referenced (etcd refuses objects above about 1.5 MiB).
   */
  public record Execution(
      @DefaultValue("postgres") String store,
      @DefaultValue("64") int workers,
      @DefaultValue("aloft") String namespace,
      @DefaultValue("local") String cluster,
      String endpoint,
      Path workDir,
      @DefaultValue("30s") Duration resync,
      @DefaultValue("400") int eventBatchSize,
      @DefaultValue("1ms") Duration eventLinger,
      @DefaultValue("15m") Duration pluginCallTimeout,
      @DefaultValue("10s") Duration terminationGrace,
      @DefaultValue("64MB") org.springframework.util.unit.DataSize maxLogSize,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("1h") Duration finishedTtl,
      @DefaultValue("7d") Duration workDirRetention,
      String rawDataPrefix,
      @DefaultValue("512KB") org.springframework.util.unit.DataSize maxResourceSize) {

    public Execution {
      if (!"postgres".equals(store) && !"kubernetes".equals(store)) {
        throw new IllegalArgumentException(
            "aloft.execution.store must be postgres or kubernetes, not '" + store + "'");
      }
    }
  }

  /**
   * Task pods, when {@code execution.store=kubernetes} runs {@code container} tasks as pods (see
   * the pod plugin's PodSettings). {@code copilotImage} is the Aloft image (infra/k8s/copilot);
   * {@code storageSecret} names a Secret with {@code storage-access-key} and {@code
   * storage-secret-key} for the copilot; unset maps and lists keep the plugin's defaults. {@code
   * pollInterval} is a safety resync: the pod informer wakes an attempt as soon as its pod changes.
   */
  public record Pods(
      @DefaultValue("ghcr.io/aloft/aloft:0.1.0-SNAPSHOT") String copilotImage,
      String storageSecret,
      Map<String, String> maxRequests,
      Map<String, String> interruptibleNodeSelector,
      List<String> interruptibleTolerations,
      @DefaultValue("3m") Duration pullGrace,
      @DefaultValue("10m") Duration uploadGrace,
      @DefaultValue("30s") Duration pollInterval) {}

  /**
   * Leader election between manager replicas when {@code execution.store=kubernetes}: only the
   * holder of the Lease {@code leaseName} (in the execution namespace) reconciles TaskActions.
   * {@code identity} unset is the pod's name ({@code POD_NAME}, else {@code HOSTNAME}) with a
   * random suffix. Replicas wait {@code leaseDuration} after the Lease last changed before taking
   * it over; the leader steps down when it could not renew for {@code renewDeadline}; everyone
   * tries every {@code retryPeriod}. {@code database}: with the embedded store, several managers
   * share one database and elect a leader on a PostgreSQL advisory lock (tried and checked every
   * {@code retryPeriod}, each check bounded by it too; a new holder waits four periods before it
   * leads); off, the one manager always leads.
   */
  public record LeaderElection(
      @DefaultValue("aloft-manager") String leaseName,
      String identity,
      @DefaultValue("15s") Duration leaseDuration,
      @DefaultValue("10s") Duration renewDeadline,
      @DefaultValue("2s") Duration retryPeriod,
      @DefaultValue("false") boolean database) {}

  /** Signed upload and download URLs (DataProxyService). */
  public record DataProxy(@DefaultValue Upload upload, @DefaultValue Download download) {

    /**
     * Uploads land under {@code s3://<storage.bucket>/<storagePrefix>}; {@code maxExpiresIn} is
     * also the default lifetime of an upload URL.
     */
    public record Upload(
        @DefaultValue("100MB") org.springframework.util.unit.DataSize maxSize,
        @DefaultValue("1h") Duration maxExpiresIn,
        @DefaultValue("uploads") String storagePrefix) {}

    /** {@code maxExpiresIn} caps (and is the default for) a download link's lifetime. */
    public record Download(@DefaultValue("1h") Duration maxExpiresIn) {}
  }

  /** Runs. */
  public record Runs(
      @DefaultValue("10s") Duration readYourWritesTimeout,
      @DefaultValue("1MB") org.springframework.util.unit.DataSize offloadThreshold) {}

  /**
   * The event stream: every stored event published to {@code topic} when {@code bootstrapServers}
   * is set; unset, no relay runs (docs/events-on-kafka.md).
   */
  public record Kafka(
      String bootstrapServers,
      @DefaultValue("aloft.events") String topic,
      @DefaultValue("aloft-manager") String clientId,
      @DefaultValue("true") boolean createTopic,
      @DefaultValue("6") int partitions,
      @DefaultValue("1") short replicationFactor,
      @DefaultValue("10s") Duration requestTimeout,
      @DefaultValue("30s") Duration deliveryTimeout,
      @DefaultValue("500ms") Duration initialBackoff,
      @DefaultValue("30s") Duration maxBackoff,
      @DefaultValue("0") int maxAttempts) {}
}
