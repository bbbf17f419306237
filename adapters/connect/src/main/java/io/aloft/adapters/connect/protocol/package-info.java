/**
 * A hand-written server for the <a href="https://connectrpc.com/docs/protocol">Connect RPC
 * protocol</a> on Spring WebFlux: unary and server-streaming calls, proto and JSON codecs, gzip,
 * deadlines, size limits and Connect error bodies.
 *
 * <p>Service bindings register their methods with {@link
 * io.aloft.adapters.connect.protocol.ConnectService} and expose them through {@link
 * io.aloft.adapters.connect.protocol.ConnectRouter}. Codec, framing, compression, error rendering
 * and transport live in separate classes so that gRPC and gRPC-Web can reuse them later.
 */
@NullMarked
package io.aloft.adapters.connect.protocol;

import org.jspecify.annotations.NullMarked;
