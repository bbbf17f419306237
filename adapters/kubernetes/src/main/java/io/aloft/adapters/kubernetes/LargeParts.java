package io.aloft.adapters.kubernetes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.execution.TaskActionSpec;
import io.aloft.domain.run.StoragePaths;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps TaskAction resources under {@link ResourceLimits}: a resource that would be larger than the
 * budget has its spec's {@code actionSpec} (the task template) stored as an object, and a large
 * status byte field ({@code pluginState}, {@code signal}) likewise; the resource holds a reference
 * {@code <field>Ref: {uri, sha256, size}} instead (and the field itself is empty). {@link #resolve}
 * puts the content back, so whoever reads the resource sees the same TaskAction.
 *
 * <p>Objects are named by their content, {@code <run output base>/taskaction/<sha256>}: a retried
 * or repeated write stores the same object under the same name, and a reference never points at
 * other content than it was made for (reads check the hash). They live with the run's data.
 */
final class LargeParts {

  static final String DIRECTORY = "taskaction";
  static final String SPEC_FIELD = "actionSpec";
  static final List<String> STATUS_FIELDS = List.of("pluginState", "signal");
  private static final long CACHE_BYTES = 64L * 1024 * 1024;

  private final @Nullable DataStore store;
  private final ResourceLimits limits;
  private final PartCache cache = new PartCache(CACHE_BYTES);

  LargeParts(@Nullable DataStore store, ResourceLimits limits) {
    this.store = store;
    this.limits = limits;
  }

  ResourceLimits limits() {
    return limits;
  }

  /** The resource to create: {@code resource}, or with its action spec in storage. */
  Mono<JsonObject> fitForCreate(JsonObject resource, TaskActionSpec spec) {
    int size = sizeOf(resource);
    if (size <= limits.maxResourceBytes()) {
      return Mono.just(resource);
    }
    JsonObject specJson = resource.getAsJsonObject("spec");
    return offload(specJson, SPEC_FIELD, spec)
        .map(smaller -> with(resource, "spec", smaller))
        .flatMap(
            smaller -> {
              int after = sizeOf(smaller);
              return after <= limits.maxResourceBytes()
                  ? Mono.just(smaller)
                  : Mono.error(
                      new InvalidArgument(
                          "TaskAction "
                              + spec.action()
                              + " would be "
                              + after
                              + " bytes even with its task spec in storage, above the limit of "
                              + limits.maxResourceBytes()
                              + "; its environment variables or names are too large"));
            });
  }

  /** A status to patch: {@code status}, or with its large byte fields in storage. */
  Mono<JsonObject> fitStatus(JsonObject status, TaskActionSpec spec) {
    Mono<JsonObject> fitted = Mono.just(status);
    for (String field : STATUS_FIELDS) {
      fitted =
          fitted.flatMap(
              json -> {
                String value = Json.string(json, field);
                return value == null || value.length() / 4 * 3 <= limits.maxInlineStatusBytes()
                    ? Mono.just(json)
                    : offload(json, field, spec);
              });
    }
    return fitted;
  }

  /** Whether a resource's spec or status holds references to parts in storage. */
  static boolean hasRefs(@Nullable JsonObject spec, @Nullable JsonObject status) {
    return spec != null && hasRef(spec, SPEC_FIELD)
        || status != null && STATUS_FIELDS.stream().anyMatch(field -> hasRef(status, field));
  }

  /** The resource with every offloaded part put back; the same object when there is none. */
  Mono<JsonObject> resolve(JsonObject resource) {
    JsonObject spec = Json.object(resource, "spec");
    JsonObject status = Json.object(resource, "status");
    if (!hasRefs(spec, status)) {
      return Mono.just(resource);
    }
    boolean inSpec = spec != null && hasRef(spec, SPEC_FIELD);
    Mono<JsonObject> resolved = Mono.just(resource);
    if (inSpec) {
      resolved = resolved.flatMap(r -> inline(spec, SPEC_FIELD).map(s -> with(r, "spec", s)));
    }
    for (String field : STATUS_FIELDS) {
      if (status != null && hasRef(status, field)) {
        resolved =
            resolved.flatMap(
                r -> inline(r.getAsJsonObject("status"), field).map(s -> with(r, "status", s)));
      }
    }
    return resolved;
  }

  static int sizeOf(JsonObject json) {
    return Json.GSON.toJson(json).getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean hasRef(JsonObject json, String field) {
    return Json.object(json, field + "Ref") != null;
  }

  /** {@code json} with {@code field}'s bytes stored and replaced by a reference. */
  private Mono<JsonObject> offload(JsonObject json, String field, TaskActionSpec spec) {
    if (store == null) {
      return Mono.error(
          new FailedPrecondition(
              "TaskAction "
                  + spec.action()
                  + ": its "
                  + field
                  + " is too large for the resource and no storage is configured to hold it"));
    }
    byte[] content = Base64.getDecoder().decode(Json.required(json, field));
    String sha256 = sha256(content);
    return directory(spec)
        .flatMap(
            directory -> {
              String uri = directory + sha256;
              JsonObject ref = new JsonObject();
              ref.addProperty("uri", uri);
              ref.addProperty("sha256", sha256);
              ref.addProperty("size", content.length);
              JsonObject replaced = with(json, field + "Ref", ref);
              replaced.addProperty(field, ""); // the schema requires some fields; empty is valid
              if (cache.get(uri) != null) {
                return Mono.just(replaced);
              }
              return store
                  .put(StorageUri.parse(uri), content, PutOptions.none())
                  .doOnSuccess(stored -> cache.put(uri, content))
                  .thenReturn(replaced);
            });
  }

  /** {@code json} with {@code field} read back from its reference. */
  private Mono<JsonObject> inline(JsonObject json, String field) {
    JsonObject ref = json.getAsJsonObject(field + "Ref");
    return fetch(ref, field)
        .map(
            content -> {
              JsonObject inlined = with(json, field, null);
              inlined.remove(field + "Ref");
              inlined.addProperty(field, Base64.getEncoder().encodeToString(content));
              return inlined;
            });
  }

  private Mono<byte[]> fetch(JsonObject ref, String field) {
    String uri = Json.required(ref, "uri");
    String sha256 = Json.required(ref, "sha256");
    byte[] cached = cache.get(uri);
    if (cached != null) {
      return Mono.just(cached);
    }
    if (store == null) {
      return Mono.error(
          new FailedPrecondition(
              "the TaskAction's " + field + " is in storage (" + uri + "); none is configured"));
    }
    return store
        .get(StorageUri.parse(uri))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new FailedPrecondition(
                        "the TaskAction's " + field + " is missing from storage: " + uri)))
        .flatMap(
            content ->
                sha256(content).equals(sha256)
                    ? Mono.just(content)
                    : Mono.error(
                        new FailedPrecondition(
                            "the TaskAction's " + field + " at " + uri + " has other content")))
        .doOnNext(content -> cache.put(uri, content));
  }

  private Mono<String> directory(TaskActionSpec spec) {
    String base = spec.runOutputBase();
    if (base == null || base.isBlank()) {
      base =
          limits.fallbackPrefix() == null
              ? null
              : StoragePaths.runBase(limits.fallbackPrefix(), spec.action().run());
    }
    if (base == null) {
      return Mono.error(
          new InvalidArgument(
              "TaskAction "
                  + spec.action()
                  + " is too large for a resource and has no run output base to store parts in"));
    }
    return Mono.just(trim(base) + "/" + DIRECTORY + "/");
  }

  private static String trim(String base) {
    String trimmed = base;
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  /** A shallow copy of {@code json} with {@code member} set (or left as is when null). */
  private static JsonObject with(JsonObject json, String member, @Nullable JsonElement value) {
    JsonObject copy = new JsonObject();
    json.entrySet().forEach(e -> copy.add(e.getKey(), e.getValue()));
    if (value != null) {
      copy.add(member, value);
    }
    return copy;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
