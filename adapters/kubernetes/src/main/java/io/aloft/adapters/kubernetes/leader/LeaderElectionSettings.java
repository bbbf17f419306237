package io.aloft.adapters.kubernetes.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How managers elect their leader, with client-go's meaning of the durations.
 *
 * @param namespace where the Lease lives (the TaskActions' namespace)
 * @param leaseName the Lease all replicas compete for
 * @param identity this replica's name in the Lease; unique per process
 * @param leaseDuration how long others wait, after they last saw the Lease change, before they take
 *     it over
 * @param renewDeadline how long the leader keeps trying to renew before it steps down; shorter than
 *     the lease duration, so it has stopped before anyone else may start
 * @param retryPeriod how often every replica tries to acquire or renew
 */
public record LeaderElectionSettings(
    String namespace,
    String leaseName,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public static final String DEFAULT_LEASE = "aloft-manager";

  public LeaderElectionSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(identity, "identity");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("the leader election identity must not be blank");
    }
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(renewDeadline, "renewDeadline");
    Objects.requireNonNull(retryPeriod, "retryPeriod");
    if (retryPeriod.isNegative()
        || retryPeriod.isZero()
        || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "leader election needs lease duration > renew deadline > retry period > 0, got "
              + leaseDuration
              + ", "
              + renewDeadline
              + " and "
              + retryPeriod);
    }
    if (leaseDuration.toSeconds() < 1) {
      throw new IllegalArgumentException("the lease duration is whole seconds: " + leaseDuration);
    }
  }

  /** The Lease {@value #DEFAULT_LEASE}, 15 s / 10 s / 2 s (client-go's defaults), this process. */
  public static LeaderElectionSettings defaults(String namespace) {
    return new LeaderElectionSettings(
        namespace,
        DEFAULT_LEASE,
        defaultIdentity(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  public LeaderElectionSettings withTimings(
      Duration lease, Duration renewWithin, Duration retryEvery) {
    return new LeaderElectionSettings(
        namespace, leaseName, identity, lease, renewWithin, retryEvery);
  }

  public LeaderElectionSettings withIdentity(String name) {
    return new LeaderElectionSettings(
        namespace, leaseName, name, leaseDuration, renewDeadline, retryPeriod);
  }

  /**
   * The pod's name ({@code POD_NAME} from the downward API, else {@code HOSTNAME}, else the host's
   * name) and a random suffix, so a restarted container never mistakes its predecessor's lease for
   * its own.
   */
  public static String defaultIdentity() {
    String name = System.getenv("POD_NAME");
    if (name == null || name.isBlank()) {
      name = System.getenv("HOSTNAME");
    }
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        name = "aloft";
      }
    }
    return name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
