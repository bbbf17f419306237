package io.aloft.application.common;

import io.aloft.domain.query.PageRequest;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One page of results and the token for the next one (empty when this is the last page). */
public record Page<T>(List<T> items, String nextToken) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * Fetches one row more than the limit, which tells whether another page exists without a count
   * query.
   */
  public static <T> Mono<Page<T>> fetch(
      PageRequest request, BiFunction<Integer, Long, Flux<T>> query) {
    return query
        .apply(request.limit() + 1, request.offset())
        .collectList()
        .map(
            rows -> {
              boolean hasMore = rows.size() > request.limit();
              List<T> items = hasMore ? rows.subList(0, request.limit()) : rows;
              return new Page<>(items, request.nextToken(items.size(), hasMore));
            });
  }
}
