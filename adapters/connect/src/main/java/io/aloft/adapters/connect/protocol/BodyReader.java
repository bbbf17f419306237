package io.aloft.adapters.connect.protocol;

import java.util.OptionalLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a request body into memory, never accumulating more than a limit. */
final class BodyReader {

  private static final byte[] EMPTY = new byte[0];

  private BodyReader() {}

  /**
   * The whole body, or {@code resource_exhausted} as soon as it is known to exceed maxBytes: from
   * Content-Length before reading anything, else while reading, which then stops and frees the
   * buffers read so far.
   */
  static Mono<byte[]> readAtMost(ServerRequest request, int maxBytes) {
    OptionalLong declaredLength = request.headers().contentLength();
    if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
      return Mono.error(Compression.tooLarge(maxBytes));
    }
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
        .map(BodyReader::copyAndRelease)
        .defaultIfEmpty(EMPTY)
        .onErrorMap(DataBufferLimitException.class, tooLarge -> Compression.tooLarge(maxBytes));
  }

  private static byte[] copyAndRelease(DataBuffer joined) {
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(joined);
    }
  }
}
