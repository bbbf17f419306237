package io.aloft.adapters.kubernetes.pod;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists Aloft's pods page by page ({@value PodApi#PAGE} per request, following the continue token,
 * each request guarded by {@code KubeCalls}), keeping each as a {@link LeanPod} as its page
 * arrives: only one page of full pods is ever held.
 */
final class PodLister {

  private static final Logger log = LoggerFactory.getLogger(PodLister.class);

  /** Every pod, and the listing's resource version to watch from. */
  record Listing(Map<String, LeanPod> pods, String resourceVersion) {}

  private final PodApi api;

  PodLister(PodApi api) {
    this.api = api;
  }

  Mono<Listing> list() {
    return pages(null).reduceWith(Collected::new, Collected::add).map(Collected::listing);
  }

  /** The pods of the pages so far, and the first page's version (the listing's). */
  private static final class Collected {
    private final Map<String, LeanPod> pods = new HashMap<>();
    private @Nullable String version;

    Collected add(JsonObject page) {
      if (version == null) {
        version = listVersion(page);
      }
      keep(page, pods);
      return this;
    }

    Listing listing() {
      return new Listing(pods, version == null ? "0" : version);
    }
  }

  private Flux<JsonObject> pages(@Nullable String continueToken) {
    return api.listPage(continueToken)
        .flux()
        .concatMap(
            page -> {
              String next = string(metadata(page), "continue");
              return next == null || next.isEmpty()
                  ? Flux.just(page)
                  : Flux.just(page).concatWith(pages(next));
            });
  }

  private static void keep(JsonObject page, Map<String, LeanPod> pods) {
    JsonElement items = page.get("items");
    if (items == null || !items.isJsonArray()) {
      return;
    }
    for (JsonElement item : items.getAsJsonArray()) {
      JsonObject pod = item.getAsJsonObject();
      if (!LeanPodJson.isAloftPod(pod)) {
        continue;
      }
      try {
        LeanPod lean = LeanPod.of(pod);
        pods.put(lean.name(), lean);
      } catch (RuntimeException e) {
        // Left out of the cache, not the listing's failure: its attempt reads it with a GET.
        log.warn("Pod listing: skipped a pod that does not read ({})", e.toString());
      }
    }
  }

  private static String listVersion(JsonObject page) {
    String version = string(metadata(page), "resourceVersion");
    if (version == null) {
      throw new IllegalStateException("a pod listing without a resource version");
    }
    return version;
  }

  private static JsonObject metadata(JsonObject page) {
    JsonElement metadata = page.get("metadata");
    return metadata == null || !metadata.isJsonObject()
        ? new JsonObject()
        : metadata.getAsJsonObject();
  }

  private static @Nullable String string(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
