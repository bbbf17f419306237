package io.aloft.adapters.kubernetes.leader;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The leader election record in a Lease's spec: who holds it, for how long, since when, and how
 * often it changed hands. Times are Kubernetes MicroTime (RFC 3339 with microseconds, UTC).
 */
final class LeaseRecord {

  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private LeaseRecord() {}

  /** A new Lease held by {@code holder} from {@code now}. */
  static JsonObject newLease(
      String namespace, String name, String holder, Duration duration, Instant now) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("name", name);
    metadata.addProperty("namespace", namespace);
    JsonObject lease = new JsonObject();
    lease.addProperty("apiVersion", "coordination.k8s.io/v1");
    lease.addProperty("kind", "Lease");
    lease.add("metadata", metadata);
    lease.add("spec", spec(holder, duration, now, now, 0));
    return lease;
  }

  /**
   * {@code lease} (with its resource version, so the write is optimistic) held by {@code holder}
   * from {@code now}: a renewal keeps the acquire time, a takeover counts a transition.
   */
  static JsonObject heldBy(JsonObject lease, String holder, Duration duration, Instant now) {
    JsonObject next = lease.deepCopy();
    boolean renewal = holder.equals(holder(lease));
    JsonObject old = spec(lease);
    Instant acquired = renewal ? time(old, "acquireTime") : null;
    int transitions = integer(old, "leaseTransitions");
    next.add(
        "spec",
        spec(
            holder,
            duration,
            acquired == null ? now : acquired,
            now,
            transitions + (renewal ? 0 : 1)));
    return next;
  }

  /** {@code lease} given up: no holder, so anyone may take it at once (as client-go releases). */
  static JsonObject released(JsonObject lease, Instant now) {
    JsonObject next = lease.deepCopy();
    JsonObject spec = spec(lease).deepCopy();
    spec.addProperty("holderIdentity", "");
    spec.addProperty("leaseDurationSeconds", 1);
    spec.addProperty("renewTime", MICRO_TIME.format(now));
    next.add("spec", spec);
    return next;
  }

  /** The holder; empty when nobody holds it. */
  static String holder(JsonObject lease) {
    JsonElement holder = spec(lease).get("holderIdentity");
    return holder == null || holder.isJsonNull() ? "" : holder.getAsString();
  }

  /** How long the holder claims it, or {@code fallback} when the record does not say. */
  static Duration duration(JsonObject lease, Duration fallback) {
    int seconds = integer(spec(lease), "leaseDurationSeconds");
    return seconds > 0 ? Duration.ofSeconds(seconds) : fallback;
  }

  static String resourceVersion(JsonObject lease) {
    JsonObject metadata = lease.getAsJsonObject("metadata");
    JsonElement version = metadata == null ? null : metadata.get("resourceVersion");
    return version == null || version.isJsonNull() ? "" : version.getAsString();
  }

  private static JsonObject spec(
      String holder, Duration duration, Instant acquired, Instant renewed, int transitions) {
    JsonObject spec = new JsonObject();
    spec.addProperty("holderIdentity", holder);
    spec.addProperty("leaseDurationSeconds", duration.toSeconds());
    spec.addProperty("acquireTime", MICRO_TIME.format(acquired));
    spec.addProperty("renewTime", MICRO_TIME.format(renewed));
    spec.addProperty("leaseTransitions", transitions);
    return spec;
  }

  private static JsonObject spec(JsonObject lease) {
    JsonElement spec = lease.get("spec");
    return spec != null && spec.isJsonObject() ? spec.getAsJsonObject() : new JsonObject();
  }

  private static int integer(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || value.isJsonNull() ? 0 : value.getAsInt();
  }

  private static @Nullable Instant time(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || value.isJsonNull() ? null : Instant.parse(value.getAsString());
  }
}
