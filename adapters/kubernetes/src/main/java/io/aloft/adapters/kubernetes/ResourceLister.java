package io.aloft.adapters.kubernetes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists the namespace's TaskActions page by page ({@value #PAGE} per request, following the
 * continue token), so a large namespace is never one huge response.
 */
final class ResourceLister {

  static final int PAGE = 500;

  /** Every item, and the resource version of the listing (from its first page). */
  record Listing(List<JsonObject> items, String resourceVersion) {}

  private final TaskActionApi api;
  private final KubeCalls calls;

  ResourceLister(TaskActionApi api, KubeCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  Flux<JsonObject> items() {
    return pages(null, null).flatMapIterable(ResourceLister::itemsOf);
  }

  /** The items {@code labelSelector} selects (on the server; callers check what they rely on). */
  Flux<JsonObject> items(String labelSelector) {
    return pages(null, labelSelector).flatMapIterable(ResourceLister::itemsOf);
  }

  Mono<Listing> listAll() {
    return pages(null, null)
        .collectList()
        .map(
            pages -> {
              List<JsonObject> items = new ArrayList<>();
              pages.forEach(page -> items.addAll(itemsOf(page)));
              String version =
                  pages.isEmpty()
                      ? "0"
                      : Json.required(metadata(pages.getFirst()), "resourceVersion");
              return new Listing(items, version);
            });
  }

  private Flux<JsonObject> pages(@Nullable String continueToken, @Nullable String selector) {
    return calls
        .call("list of TaskActions", () -> api.list(continueToken, PAGE, selector))
        .flux()
        .concatMap(
            page -> {
              String next = Json.string(metadata(page), "continue");
              return next == null || next.isEmpty()
                  ? Flux.just(page)
                  : Flux.just(page).concatWith(pages(next, selector));
            });
  }

  private static List<JsonObject> itemsOf(JsonObject page) {
    List<JsonObject> items = new ArrayList<>();
    JsonElement array = page.get("items");
    if (array != null && array.isJsonArray()) {
      array.getAsJsonArray().forEach(item -> items.add(item.getAsJsonObject()));
    }
    return items;
  }

  private static JsonObject metadata(JsonObject page) {
    JsonObject metadata = Json.object(page, "metadata");
    return metadata == null ? new JsonObject() : metadata;
  }
}
