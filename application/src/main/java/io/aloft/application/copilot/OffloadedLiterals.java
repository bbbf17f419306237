package io.aloft.application.copilot;

import io.aloft.application.port.codec.LiteralCodec;
import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.literal.Inputs;
import io.aloft.domain.literal.Literal;
import io.aloft.domain.literal.LiteralCollection;
import io.aloft.domain.literal.LiteralMap;
import io.aloft.domain.literal.NamedLiteral;
import io.aloft.domain.literal.OffloadedLiteral;
import io.aloft.domain.literal.Scalar;
import io.aloft.domain.literal.Union;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Replaces offloaded literals by the values stored at their uris, wherever they are nested, so that
 * the files a task reads hold the values themselves.
 */
final class OffloadedLiterals {

  private final DataStore store;
  private final LiteralCodec codec;

  OffloadedLiterals(DataStore store, LiteralCodec codec) {
    this.store = store;
    this.codec = codec;
  }

  Mono<Inputs> resolve(Inputs inputs) {
    return Flux.fromIterable(inputs.literals())
        .flatMapSequential(
            named ->
                resolve(named.value(), true).map(value -> new NamedLiteral(named.name(), value)),
            Copilot.PARALLELISM)
        .collectList()
        .map(literals -> new Inputs(literals, inputs.context()));
  }

  /**
   * @param followOffloaded false inside a fetched value: SDKs never offload within offloaded
   *     values, and following such pointers could loop forever on a corrupt file
   */
  private Mono<Literal> resolve(Literal literal, boolean followOffloaded) {
    return switch (literal) {
      case OffloadedLiteral offloaded when followOffloaded ->
          fetch(offloaded).flatMap(value -> resolve(value, false));
      case OffloadedLiteral offloaded ->
          Mono.error(
              new InvalidArgument(
                  "offloaded literal "
                      + offloaded.uri()
                      + " is nested in another offloaded literal; store the value itself"));
      case LiteralCollection collection ->
          Flux.fromIterable(collection.literals())
              .flatMapSequential(element -> resolve(element, followOffloaded), Copilot.PARALLELISM)
              .collectList()
              .map(LiteralCollection::new);
      case LiteralMap map -> resolveMap(map, followOffloaded);
      case Union union ->
          resolve(union.value(), followOffloaded).map(value -> new Union(value, union.typeTag()));
      case Scalar scalar -> Mono.just(scalar);
    };
  }

  private Mono<Literal> resolveMap(LiteralMap map, boolean followOffloaded) {
    return Flux.fromIterable(map.literals().entrySet())
        .flatMapSequential(
            entry ->
                resolve(entry.getValue(), followOffloaded)
                    .map(value -> Map.entry(entry.getKey(), value)),
            Copilot.PARALLELISM)
        .collect(LinkedHashMap<String, Literal>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
        .map(LiteralMap::new);
  }

  private Mono<Literal> fetch(OffloadedLiteral offloaded) {
    return Mono.fromCallable(() -> StorageUri.parse(offloaded.uri()))
        .flatMap(
            uri ->
                store
                    .get(uri)
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                new NotFound(
                                    "offloaded literal "
                                        + uri
                                        + " does not exist; the inputs point to a deleted or"
                                        + " never written object")))
                    .map(codec::decodeLiteral));
  }
}
