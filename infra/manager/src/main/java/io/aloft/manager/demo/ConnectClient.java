package io.aloft.manager.demo;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Connect client speaking JSON, as any HTTP client can: a unary call is a POST of the
 * request's proto JSON to {@code /<package.Service>/<Method>}; a server stream sends and receives
 * enveloped messages (a flag byte, a 4-byte length, the JSON), the last one carrying the error if
 * the stream failed. Requests and responses are the generated proto classes.
 */
final class ConnectClient {

  private static final MediaType STREAM_JSON = MediaType.parseMediaType("application/connect+json");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int END_OF_STREAM = 0x02;

  private final WebClient http;
  private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
  private final JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();

  ConnectClient(String baseUrl) {
    this.http =
        WebClient.builder()
            .baseUrl(baseUrl)
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build();
  }

  /** A unary call, e.g. {@code call("aloft.run.v1.RunService/CreateRun", request, prototype)}. */
  <T extends Message> Mono<T> call(String procedure, MessageOrBuilder request, T prototype) {
    return Mono.fromCallable(() -> printer.print(request))
        .flatMap(
            body ->
                http.post()
                    .uri("/" + procedure)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Connect-Protocol-Version", "1")
                    .bodyValue(body)
                    .exchangeToMono(
                        response ->
                            response
                                .bodyToMono(String.class)
                                .defaultIfEmpty("{}")
                                .map(
                                    text -> {
                                      if (response.statusCode().is2xxSuccessful()) {
                                        return parse(text, prototype);
                                      }
                                      throw error(procedure, response.statusCode().value(), text);
                                    })));
  }

  /** A server-streaming call: every message until the server ends the stream. */
  <T extends Message> Flux<T> stream(String procedure, MessageOrBuilder request, T prototype) {
    return Mono.fromCallable(() -> envelope(printer.print(request)))
        .flatMapMany(
            body ->
                http.post()
                    .uri("/" + procedure)
                    .contentType(STREAM_JSON)
                    .header("Connect-Protocol-Version", "1")
                    .bodyValue(body)
                    .exchangeToFlux(
                        response -> {
                          if (!response.statusCode().is2xxSuccessful()) {
                            return response
                                .bodyToMono(String.class)
                                .defaultIfEmpty("{}")
                                .flatMapMany(
                                    text ->
                                        Flux.error(
                                            error(procedure, response.statusCode().value(), text)));
                          }
                          Envelopes envelopes = new Envelopes();
                          return response
                              .bodyToFlux(DataBuffer.class)
                              .concatMapIterable(envelopes::feed)
                              .handle(
                                  (frame, sink) -> {
                                    if (!frame.endOfStream()) {
                                      sink.next(parse(frame.json(), prototype));
                                      return;
                                    }
                                    JsonNode end = JSON.readTree(frame.json());
                                    if (end.has("error")) {
                                      sink.error(error(procedure, end.get("error")));
                                    } else {
                                      sink.complete();
                                    }
                                  });
                        }));
  }

  @SuppressWarnings("unchecked") // the prototype's builder builds messages of its class
  private <T extends Message> T parse(String json, T prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      parser.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "cannot read a " + prototype.getDescriptorForType().getName() + ": " + e.getMessage(), e);
    }
    return (T) builder.build();
  }

  /** The error of an HTTP error response: Connect's JSON, or whatever else came back. */
  private static ConnectError error(String procedure, int status, String body) {
    try {
      return error(procedure, JSON.readTree(body));
    } catch (RuntimeException notJson) {
      return new ConnectError(procedure, "http " + status, body.strip());
    }
  }

  private static ConnectError error(String procedure, JsonNode error) {
    String code = error.path("code").asString("unknown");
    String message = error.path("message").asString("");
    return new ConnectError(procedure, code, message);
  }

  private static byte[] envelope(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(5 + payload.length)
        .put((byte) 0)
        .putInt(payload.length)
        .put(payload)
        .array();
  }

  /** One enveloped message of a stream. */
  record Frame(boolean endOfStream, String json) {}

  /** Splits a stream's bytes into envelopes, however the network cut them. */
  static final class Envelopes {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    List<Frame> feed(DataBuffer buffer) {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      DataBufferUtils.release(buffer);
      pending.writeBytes(bytes);
      byte[] all = pending.toByteArray();
      List<Frame> frames = new ArrayList<>();
      int offset = 0;
      while (all.length - offset >= 5) {
        int length = ByteBuffer.wrap(all, offset + 1, 4).getInt();
        if (all.length - offset - 5 < length) {
          break;
        }
        String json = new String(all, offset + 5, length, StandardCharsets.UTF_8);
        frames.add(new Frame((all[offset] & END_OF_STREAM) != 0, json));
        offset += 5 + length;
      }
      pending.reset();
      pending.write(all, offset, all.length - offset);
      return frames;
    }
  }
}
