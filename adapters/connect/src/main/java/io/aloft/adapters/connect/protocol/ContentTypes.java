package io.aloft.adapters.connect.protocol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/** Maps the Content-Type of a Connect request to the codec that reads and writes its messages. */
final class ContentTypes {

  /** The codec of a call and the Content-Type its response carries. */
  record Format(MessageCodec codec, MediaType responseType) {}

  static final MediaType UNARY_PROTO = MediaType.parseMediaType("application/proto");
  static final MediaType UNARY_JSON = MediaType.APPLICATION_JSON;
  static final MediaType STREAM_PROTO = MediaType.parseMediaType("application/connect+proto");
  static final MediaType STREAM_JSON = MediaType.parseMediaType("application/connect+json");
  static final String UNARY_TYPES = "application/proto, application/json";
  static final String STREAM_TYPES = "application/connect+proto, application/connect+json";

  private static final MessageCodec PROTO = new ProtoCodec();
  private static final MessageCodec JSON = new JsonCodec();
  private static final Map<MediaType, Format> UNARY =
      Map.of(UNARY_PROTO, new Format(PROTO, UNARY_PROTO), UNARY_JSON, new Format(JSON, UNARY_JSON));
  private static final Map<MediaType, Format> STREAM =
      Map.of(
          STREAM_PROTO,
          new Format(PROTO, STREAM_PROTO),
          STREAM_JSON,
          new Format(JSON, STREAM_JSON));

  private ContentTypes() {}

  static Optional<Format> unary(@Nullable String contentType) {
    return lookup(UNARY, contentType);
  }

  static Optional<Format> stream(@Nullable String contentType) {
    return lookup(STREAM, contentType);
  }

  /**
   * Finds the format by type and subtype, ignoring case. A charset other than UTF-8 is refused: the
   * JSON mapping is defined on UTF-8 only, and connect-go accepts only {@code charset=utf-8}.
   */
  private static Optional<Format> lookup(Map<MediaType, Format> formats, @Nullable String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      MediaType requested = MediaType.parseMediaType(header);
      Charset charset = requested.getCharset();
      if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          formats.get(new MediaType(requested.getType(), requested.getSubtype())));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // An unparsable or unknown charset is just an unsupported type.
    }
  }
}
