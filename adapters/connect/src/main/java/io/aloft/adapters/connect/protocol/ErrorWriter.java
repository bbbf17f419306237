package io.aloft.adapters.connect.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Renders Connect errors: as the JSON body of a unary error response, and as the JSON payload of a
 * stream's end-of-stream message. Only the code, the message and explicit details are sent; causes
 * and stack traces stay in the server log.
 */
public final class ErrorWriter {

  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();
  // Connect sends detail bytes as standard base64 without padding; clients accept either.
  private static final Base64.Encoder DETAIL_ENCODING = Base64.getEncoder().withoutPadding();

  private ErrorWriter() {}

  /** {@code {"code":"not_found","message":"...","details":[...]}}, details only if any. */
  public static byte[] errorJson(ConnectException error) {
    return print(errorFields(error));
  }

  /** {@code {}} for a stream that succeeded, else {@code {"error":{...}}}. */
  public static byte[] endStreamJson(@Nullable ConnectException error) {
    Struct.Builder endStream = Struct.newBuilder();
    if (error != null) {
      endStream.putFields("error", Value.newBuilder().setStructValue(errorFields(error)).build());
    }
    return print(endStream.build());
  }

  /** A unary error response with the HTTP status of the error's code. */
  public static Mono<ServerResponse> unaryResponse(ConnectException error) {
    return response(error.code().httpStatus(), error, headers -> {});
  }

  /**
   * An error response with a status other than the code's own, e.g. 404 for an unknown method,
   * which connect-go answers that way and clients map to unimplemented.
   */
  public static Mono<ServerResponse> response(
      int httpStatus, ConnectException error, Consumer<HttpHeaders> extraHeaders) {
    byte[] body = errorJson(error);
    return ServerResponse.status(HttpStatusCode.valueOf(httpStatus))
        .contentType(MediaType.APPLICATION_JSON)
        .contentLength(body.length)
        .headers(extraHeaders)
        .body(BodyInserters.fromDataBuffers(Mono.fromSupplier(() -> ProtocolResponses.wrap(body))));
  }

  private static Struct errorFields(ConnectException error) {
    Struct.Builder fields =
        Struct.newBuilder()
            .putFields("code", text(error.code().wireName()))
            .putFields("message", text(String.valueOf(error.getMessage())));
    if (!error.details().isEmpty()) {
      ListValue.Builder details = ListValue.newBuilder();
      error.details().forEach(detail -> details.addValues(detailValue(detail)));
      fields.putFields("details", Value.newBuilder().setListValue(details).build());
    }
    return fields.build();
  }

  private static Value detailValue(Message detail) {
    Struct typeAndValue =
        Struct.newBuilder()
            .putFields("type", text(detail.getDescriptorForType().getFullName()))
            .putFields("value", text(DETAIL_ENCODING.encodeToString(detail.toByteArray())))
            .build();
    return Value.newBuilder().setStructValue(typeAndValue).build();
  }

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  private static byte[] print(Struct json) {
    try {
      return PRINTER.print(json).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a Struct of strings always prints", e);
    }
  }
}
