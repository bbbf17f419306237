package io.aloft.adapters.connect.protocol;

import reactor.core.publisher.Mono;

/** Serves one unary method: one request message in, one response message out. */
@FunctionalInterface
public interface UnaryHandler<Q, R> {

  Mono<R> handle(Q request, CallContext context);
}
