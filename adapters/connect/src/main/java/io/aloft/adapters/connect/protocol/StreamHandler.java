package io.aloft.adapters.connect.protocol;

import reactor.core.publisher.Flux;

/**
 * Serves one server-streaming method. The returned Flux is consumed at the pace of the client and
 * cancelled when the client goes away or the deadline passes.
 */
@FunctionalInterface
public interface StreamHandler<Q, R> {

  Flux<R> handle(Q request, CallContext context);
}
