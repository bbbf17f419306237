package io.aloft.adapters.connect.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The proto3 JSON mapping. Like connect-go it ignores unknown fields, so that older servers accept
 * requests from newer clients, and prints compact JSON with camelCase field names.
 */
public final class JsonCodec implements MessageCodec {

  public static final String NAME = "json";

  private final JsonFormat.Parser parser;
  private final JsonFormat.Printer printer;

  public JsonCodec() {
    this(TypeRegistry.getEmptyTypeRegistry());
  }

  /** With the types that {@code google.protobuf.Any} fields may hold. */
  public JsonCodec(TypeRegistry anyTypes) {
    this.parser = JsonFormat.parser().ignoringUnknownFields().usingTypeRegistry(anyTypes);
    this.printer =
        JsonFormat.printer().omittingInsignificantWhitespace().usingTypeRegistry(anyTypes);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte[] encode(Message message) {
    try {
      return printer.print(message).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      // Only an Any holding an unregistered type gets here: a server bug, not the client's fault.
      throw new IllegalStateException("cannot print response as JSON: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked") // A prototype's builder builds messages of the prototype's class.
  public <T extends Message> T decode(byte[] payload, T prototype) {
    if (payload.length == 0) {
      throw MessageCodec.undecodable(prototype, NAME, "an empty body is not a JSON object");
    }
    Message.Builder builder = prototype.newBuilderForType();
    try {
      parser.merge(strictUtf8(payload), builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw MessageCodec.undecodable(prototype, NAME, String.valueOf(e.getMessage()));
    }
    return (T) builder.build();
  }

  private static String strictUtf8(byte[] payload) throws InvalidProtocolBufferException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidProtocolBufferException("the body is not valid UTF-8");
    }
  }
}
