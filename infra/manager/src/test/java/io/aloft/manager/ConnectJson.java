package io.aloft.manager;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal Connect client for tests: unary and server-streaming calls with JSON bodies. */
final class ConnectJson {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final WebClient client;

  ConnectJson(int port) {
    this.client =
        WebClient.builder()
            .baseUrl("http://localhost:" + port)
            .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build();
  }

  /** A unary call; the reply (or the Connect error) as JSON with its HTTP status. */
  Reply call(String path, String json) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .header("Connect-Protocol-Version", "1")
        .bodyValue(json)
        .exchangeToMono(
            response ->
                response
                    .bodyToMono(String.class)
                    .defaultIfEmpty("{}")
                    .map(body -> new Reply(response.statusCode().value(), JSON.readTree(body))))
        .block(CALL_TIMEOUT);
  }

  /** A server-streaming call: every message, then the end-of-stream frame (its "error", if any). */
  Flux<Frame> stream(String path, String json) {
    return client
        .post()
        .uri(path)
        .contentType(MediaType.parseMediaType("application/connect+json"))
        .header("Connect-Protocol-Version", "1")
        .bodyValue(envelope(json.getBytes(StandardCharsets.UTF_8)))
        .retrieve()
        .bodyToFlux(DataBuffer.class)
        .concatMapIterable(new FrameParser()::feed);
  }

  static byte[] envelope(byte[] payload) {
    return ByteBuffer.allocate(5 + payload.length)
        .put((byte) 0)
        .putInt(payload.length)
        .put(payload)
        .array();
  }

  record Reply(int status, JsonNode body) {}

  record Frame(boolean endOfStream, JsonNode body) {}

  /** Splits a byte stream into Connect envelopes, however the network chunked it. */
  static final class FrameParser {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    List<Frame> feed(DataBuffer buffer) {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      DataBufferUtils.release(buffer);
      pending.writeBytes(bytes);
      List<Frame> frames = new ArrayList<>();
      byte[] all = pending.toByteArray();
      int offset = 0;
      while (all.length - offset >= 5) {
        int length = ByteBuffer.wrap(all, offset + 1, 4).getInt();
        if (all.length - offset - 5 < length) {
          break;
        }
        String payload = new String(all, offset + 5, length, StandardCharsets.UTF_8);
        frames.add(new Frame((all[offset] & 0x02) != 0, JSON.readTree(payload)));
        offset += 5 + length;
      }
      pending.reset();
      pending.write(all, offset, all.length - offset);
      return frames;
    }
  }
}
