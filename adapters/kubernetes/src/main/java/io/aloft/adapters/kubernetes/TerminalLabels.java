package io.aloft.adapters.kubernetes;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The labels the reference puts on a finished TaskAction so garbage collection can select it on the
 * server: {@value #TERMINATION_STATUS}{@code =}{@value #TERMINATED} and {@value #COMPLETED_TIME}
 * (when it finished, UTC, to the minute: {@code 2006-01-02.15-04}, as a label value allows no
 * colons). The status subresource ignores metadata, so they are a second write, once, after the
 * first terminal status.
 */
final class TerminalLabels {

  static final String TERMINATION_STATUS = ResourceNames.GROUP + "/termination-status";
  static final String TERMINATED = "terminated";
  static final String COMPLETED_TIME = ResourceNames.GROUP + "/completed-time";

  /** What garbage collection lists. */
  static final String SELECTED = TERMINATION_STATUS + "=" + TERMINATED;

  /** What may still need the labels: everything not labelled terminated. */
  static final String UNLABELLED = "!" + TERMINATION_STATUS;

  private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd.HH-mm");
  private static final DateTimeFormatter MINUTE = PATTERN.withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(TerminalLabels.class);

  private final TaskActionApi api;
  private final KubeCalls calls;
  private final KnownResources known;
  private final LargeParts parts;

  TerminalLabels(TaskActionApi api, KubeCalls calls, KnownResources known, LargeParts parts) {
    this.api = api;
    this.calls = calls;
    this.known = known;
    this.parts = parts;
  }

  /**
   * Labels a finished resource that is not labelled yet, finished at {@code completedAt}; the
   * labelled resource, or {@code resource} when it was labelled already, is gone, or the write
   * failed (logged: garbage collection labels what it finds unlabelled).
   */
  Mono<JsonObject> ensure(JsonObject resource, Instant completedAt) {
    if (isLabelled(resource)) {
      return Mono.just(resource);
    }
    String name = TaskActionResources.name(resource);
    return calls
        .call(
            "labelling of finished TaskAction " + name,
            () -> api.patch(name, patch(completedAt)),
            KubeErrors::isNotFound)
        .flatMap(parts::resolve) // announced whole, as every written resource is
        .doOnNext(known::written)
        .onErrorResume(
            error -> {
              log.warn("TaskAction {} is finished but not labelled: {}", name, error.getMessage());
              return Mono.empty();
            })
        .defaultIfEmpty(resource);
  }

  static JsonObject patch(Instant completedAt) {
    JsonObject labels = new JsonObject();
    labels.addProperty(TERMINATION_STATUS, TERMINATED);
    labels.addProperty(COMPLETED_TIME, MINUTE.format(completedAt));
    JsonObject metadata = new JsonObject();
    metadata.add("labels", labels);
    JsonObject patch = new JsonObject();
    patch.add("metadata", metadata);
    return patch;
  }

  static boolean isLabelled(JsonObject resource) {
    JsonObject labels = labels(resource);
    return labels != null
        && TERMINATED.equals(Json.string(labels, TERMINATION_STATUS))
        && Json.string(labels, COMPLETED_TIME) != null;
  }

  /**
   * Whether the labels say it finished before {@code cutoff}: the label has minutes only, so a
   * resource counts once the whole minute it names lies before the cutoff (never collected early).
   */
  static boolean finishedBefore(JsonObject resource, Instant cutoff) {
    Instant minute = completedMinute(resource);
    return minute != null && !minute.plus(Duration.ofMinutes(1)).isAfter(cutoff);
  }

  static @Nullable Instant completedMinute(JsonObject resource) {
    JsonObject labels = labels(resource);
    String value = labels == null ? null : Json.string(labels, COMPLETED_TIME);
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, PATTERN).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable JsonObject labels(JsonObject resource) {
    JsonObject metadata = Json.object(resource, "metadata");
    return metadata == null ? null : Json.object(metadata, "labels");
  }
}
